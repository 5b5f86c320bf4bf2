'use strict';
var exportsManifest = require('./index.manifest.js').exportsManifest;
var withFastProperties = require('./index.manifest.js').withFastProperties;
// aws-sdk's shape, read for its value: each key a service client class.
module.exports = withFastProperties({
  get S3() { return exportsManifest.S3.load(); },
  get SQS() { return exportsManifest.SQS.load(); },
  get SNS() { return exportsManifest.SNS.load(); },
});
