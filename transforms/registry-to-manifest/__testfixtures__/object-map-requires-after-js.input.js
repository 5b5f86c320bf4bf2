'use strict';

// es-abstract's shape: a map of the conversions between requires, and more requires after it.
var ToInt8 = require('./ToInt8');
var ToUint8 = require('./ToUint8');

var TypeToAO = {
	__proto__: null,
	$Int8: ToInt8,
	$Uint8: ToUint8
};

var forEach = require('../helpers/forEach');

module.exports = function SetValueInBuffer(type, values) {
	var convert = TypeToAO[type];
	return forEach(values, convert);
};
