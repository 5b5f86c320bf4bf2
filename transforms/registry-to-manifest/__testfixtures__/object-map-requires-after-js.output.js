'use strict';

var TypeToAOManifest = require('./SetValueInBuffer.manifest.js').TypeToAOManifest;
var withFastProperties = require('./SetValueInBuffer.manifest.js').withFastProperties;

// es-abstract's shape: a map of the conversions between requires, and more requires after it.
var TypeToAO = withFastProperties(TypeToAOManifest, {
	__proto__: null,
	get $Int8() { return TypeToAOManifest.$Int8.load(); },
	get $Uint8() { return TypeToAOManifest.$Uint8.load(); }
});

var forEach = require('../helpers/forEach');

module.exports = function SetValueInBuffer(type, values) {
	var convert = TypeToAO[type];
	return forEach(values, convert);
};
