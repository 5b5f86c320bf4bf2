// A bundle's one-line function bodies: the deferral adds a statement to each, and recast
// re-indents the lines it reuses, those inside a multi-line literal too.
var Vp=require("chalk");
var B=p=>{console.warn(Vp.yellow.bold(`Warning: ${p}
`))},note=p=>{return `Note:
${Vp.green(p)}
done`},old=function(p){return Vp.red('line one \
line two')};
module.exports={B,note,old};
