'use strict';
exports.name = 'python';
exports.keywords = ['python-keyword'];
