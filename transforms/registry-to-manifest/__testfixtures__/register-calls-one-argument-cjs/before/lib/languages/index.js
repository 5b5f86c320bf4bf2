'use strict';
// One argument: each language carries its own name.
const { registerLanguage, getLanguage, listLanguages } = require('./registry');

registerLanguage(require('./javascript'));
registerLanguage(require('./python'));
registerLanguage(require('./ruby'));

module.exports = { getLanguage, listLanguages };
