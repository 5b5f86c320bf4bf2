'use strict';
module.exports = { name: 'javascript', keywords: ['javascript-keyword'] };
