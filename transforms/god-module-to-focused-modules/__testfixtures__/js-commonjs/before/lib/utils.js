'use strict';
// A CommonJS god-module: require destructuring in, one module.exports object out.
const { createHash } = require('node:crypto');
const path = require('node:path');
// Re-exported as it is: the shim keeps exporting it (bundles do this: `exports.$Command = $Command`).
const { inspect: describeValue } = require('node:util');

const SALT = 'lazify';

function digest(text) {
  return createHash('sha256').update(SALT + text).digest('hex');
}

function shortDigest(text) {
  return digest(text).slice(0, 8);
}

function trimmed(text) {
  return String(text).trim();
}

function extension(file) {
  return path.extname(trimmed(file)).slice(1);
}

function baseName(file) {
  return path.basename(trimmed(file));
}

exports.extension = extension;
module.exports = { digest, short: shortDigest, extension, baseName, describeValue };
// Written to the export object by code that stays here: the shim keeps it too.
module.exports.separator = path.sep;
