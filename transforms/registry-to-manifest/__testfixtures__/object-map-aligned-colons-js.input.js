// asynckit's index.js: the colons aligned, the object on the line after `module.exports =`.
module.exports =
{
  parallel      : require('./parallel.js'),
  serial        : require('./serial.js'),
  serialOrdered : require('./serialOrdered.js')
};
