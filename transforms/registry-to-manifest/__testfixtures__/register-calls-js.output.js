'use strict';
const registry = require('../registry');
const { registerManifest } = require('./index.manifest.js');

for (const [name, entry] of Object.entries(registerManifest)) registry.registerLoader(name, entry.load);
