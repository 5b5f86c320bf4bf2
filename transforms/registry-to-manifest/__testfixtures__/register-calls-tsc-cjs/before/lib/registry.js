"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerProvider = registerProvider;
exports.getProvider = getProvider;
exports.listProviders = listProviders;
const providers = new Map();
function registerProvider(name, provider) {
    providers.set(name, provider);
}
function getProvider(name) {
    return providers.get(name);
}
function listProviders() {
    return [...providers.keys()];
}
