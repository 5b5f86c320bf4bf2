'use strict';
const { short, extension: ext } = require('./utils');
const utils = require('./utils');

// Keys look like "3f2a9c1b.json".
function cacheKey(file) {
  return `${short(file)}.${ext(file) || utils.baseName(file)}`;
}

module.exports = { cacheKey };
