'use strict';
const languages = new Map();

function registerLanguage(language) {
  languages.set(language.name, language);
}

function getLanguage(name) {
  return languages.get(name);
}

function listLanguages() {
  return [...languages.keys()];
}

module.exports = { registerLanguage, getLanguage, listLanguages };
