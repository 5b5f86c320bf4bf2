var exportsManifest = require('./index.manifest.js').exportsManifest;
var withFastProperties = require('./index.manifest.js').withFastProperties;
// asynckit's index.js: the colons aligned, the object on the line after `module.exports =`.
module.exports =
withFastProperties({
  get parallel() { return exportsManifest.parallel.load(); },
  get serial() { return exportsManifest.serial.load(); },
  get serialOrdered() { return exportsManifest.serialOrdered.load(); }
});
