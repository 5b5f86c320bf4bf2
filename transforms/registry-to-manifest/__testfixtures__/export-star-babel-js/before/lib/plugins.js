"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.definePlugin = definePlugin;
function definePlugin(name) {
  return { name };
}
for (const name of ["lint", "test"]) {
  exports[name + "Plugin"] = definePlugin(name);
}
