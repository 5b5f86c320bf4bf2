'use strict';
// highlight.js's shape: registering a language calls its definition and records its aliases,
// so alias lookups work before any language is looked up by name.
const languages = new Map();
const aliases = new Map();

function registerLanguage(name, languageDefinition) {
  const language = languageDefinition();
  languages.set(name, language);
  for (const alias of language.aliases || []) aliases.set(alias, name);
}

function getLanguage(name) {
  return languages.get(name) || languages.get(aliases.get(name));
}

module.exports = { registerLanguage, getLanguage };
