var exportsManifest = require('./index.manifest.js').exportsManifest;
var withFastProperties = require('./index.manifest.js').withFastProperties;
// asynckit's index.js: the colons aligned, the object on the line after `module.exports =`.
module.exports =
withFastProperties(exportsManifest, {
  get parallel() { return exportsManifest.parallel.load(); },
  get serial() { return exportsManifest.serial.load(); },
  get serialOrdered() { return exportsManifest.serialOrdered.load(); }
});

// ES module importers get the export names Node reads in this file; the lazy loading above
// hides these from that reading, so they are named here. This line never runs.
0 && (exports.parallel = void 0);
