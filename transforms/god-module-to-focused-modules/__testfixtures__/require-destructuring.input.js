'use strict';
// Destructured requires are split per focused module; a whole-module require read only as
// `everything.name` requires just the modules those names moved to; one used as a value stays.
const { digest, baseName: name } = require("./utils");
const everything = require('./utils');
const kept = require('./utils');

module.exports = (file) => `${name(file)} ${digest(file)} ${everything.short(file)}`;
module.exports.all = kept;
