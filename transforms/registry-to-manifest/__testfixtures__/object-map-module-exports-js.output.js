'use strict';
var exportsManifest = require('./index.manifest.js').exportsManifest;
var withFastProperties = require('./index.manifest.js').withFastProperties;
// aws-sdk's shape, read for its value: each key a service client class.
module.exports = withFastProperties(exportsManifest, {
  get S3() { return exportsManifest.S3.load(); },
  get SQS() { return exportsManifest.SQS.load(); },
  get SNS() { return exportsManifest.SNS.load(); },
});

// ES module importers get the export names Node reads in this file; the lazy loading above
// hides these from that reading, so they are named here. This line never runs.
0 && (exports.S3 = void 0);
