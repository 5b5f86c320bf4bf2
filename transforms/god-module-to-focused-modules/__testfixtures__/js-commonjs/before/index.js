'use strict';
const { cacheKey } = require('./lib/cache');
const { digest, baseName } = require('./lib/utils');

module.exports = { cacheKey, digest, baseName };
