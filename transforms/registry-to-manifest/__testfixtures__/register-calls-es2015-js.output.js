'use strict';
const registry = require('../registry');
const { registerManifest } = require('./index.manifest.js');

for (const name of Object.keys(registerManifest)) registry.registerLoader(name, registerManifest[name].load);
