'use strict'

const { rulesManifest, withFastProperties } = require('./index.manifest.js')

// eslint-plugin-promise's shape: the rules map is a property of the plugin object, written
// without semicolons; the plugin object is read at import only by reference.
const recommendedRules = {
  'shapes/prefer-a': 'error',
}

const pluginShapes = {
  meta: { name: 'plugin-shapes' },
  rules: withFastProperties(rulesManifest, {
    get 'prefer-a'() { return rulesManifest['prefer-a'].load() },
    get 'prefer-b'() { return rulesManifest['prefer-b'].load() },
  }),
  rulesConfig: {
    'prefer-a': 1,
  },
}
pluginShapes.configs = {
  'flat/recommended': {
    plugins: { shapes: pluginShapes },
    rules: recommendedRules,
  },
}
module.exports = pluginShapes
