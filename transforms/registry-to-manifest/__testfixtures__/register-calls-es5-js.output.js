'use strict';
var registerProviderLoader = require('../registry').registerProviderLoader;
var registerProviderManifest = require('./index.manifest.js').registerProviderManifest;
Object.keys(registerProviderManifest).forEach(function (name) { registerProviderLoader(name, registerProviderManifest[name].load); });
