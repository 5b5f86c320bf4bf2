'use strict';
module.exports = { name: 'ruby', keywords: ['ruby-keyword'] };
