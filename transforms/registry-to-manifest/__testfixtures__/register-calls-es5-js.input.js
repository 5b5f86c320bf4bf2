'use strict';
var registerProvider = require('../registry').registerProvider;

registerProvider('openai', require('./openai'));
registerProvider('anthropic', require('./anthropic'));
