'use strict';
const { exportsManifest } = require('./index.manifest.js');
// aws-sdk's shape, read for its value: each key a service client class.
module.exports = {
  get S3() { return exportsManifest.S3.load(); },
  get SQS() { return exportsManifest.SQS.load(); },
  get SNS() { return exportsManifest.SNS.load(); },
};
