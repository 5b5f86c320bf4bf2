// A bundle's one-line function bodies: the deferral adds a statement to each, and recast
// re-indents the lines it reuses, those inside a multi-line literal too.
// lazify: loaded on first use instead of at import.
let loadedVp, loadVp = () => (loadedVp === undefined ? (loadedVp = require("chalk")) : loadedVp);
var B=p=>{
  const Vp = loadVp();
  console.warn(Vp.yellow.bold(`Warning: ${p}
`))
},note=p=>{
  const Vp = loadVp();
  return `Note:
${Vp.green(p)}
done`
},old=function(p){
  const Vp = loadVp();
  return Vp.red('line one \
line two')
};
module.exports={B,note,old};

