'use strict';
// Destructured requires are split per focused module; a whole-module require read only as
// `everything.name` requires just the modules those names moved to; one used as a value stays.
const { digest } = require("./utils/hashing");
const { baseName: name } = require("./utils/paths");
const everything = { ...require('./utils/hashing') };
const kept = require('./utils');

module.exports = (file) => `${name(file)} ${digest(file)} ${everything.short(file)}`;
module.exports.all = kept;
