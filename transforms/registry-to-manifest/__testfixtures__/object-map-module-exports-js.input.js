'use strict';
// aws-sdk's shape, read for its value: each key a service client class.
module.exports = {
  S3: require('./s3'),
  SQS: require('./sqs'),
  SNS: require('./sns'),
};
