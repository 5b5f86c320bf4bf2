"use strict";var Rp=Object.create;var x1=Object.defineProperty;var Ip=Object.getPrototypeOf;var we=(p,e)=>{for(let t of Object.getOwnPropertyNames(e))t in p||x1(p,t,{get:()=>e[t],enumerable:!0});return p};var Z=(p,e,a)=>(a=p!=null?Rp(Ip(p)):{},we(e||!p||!p.__esModule?x1(a,"default",{value:p,enumerable:!0}):a,p));
// lazify: loaded on first use instead of at import.
let loadedEe, loadEe = () => (loadedEe === undefined ? (loadedEe = Z(require("openai"), 1)) : loadedEe);// A minifier renamed esbuild's __toESM to Z; it is still the helper that checks __esModule.
var keep=Z(loadConfig("x"),1);var $1=class{create(e){return new (loadEe().default)({apiKey:e}).chat;}};function loadConfig(x){return{x}}
module.exports={OpenAIProvider:$1,keep};
