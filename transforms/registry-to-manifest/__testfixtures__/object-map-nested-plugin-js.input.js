'use strict'

// eslint-plugin-promise's shape: the rules map is a property of the plugin object, written
// without semicolons; the plugin object is read at import only by reference.
const recommendedRules = {
  'shapes/prefer-a': 'error',
}

const pluginShapes = {
  meta: { name: 'plugin-shapes' },
  rules: {
    'prefer-a': require('./rules/prefer-a'),
    'prefer-b': require('./rules/prefer-b'),
  },
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
