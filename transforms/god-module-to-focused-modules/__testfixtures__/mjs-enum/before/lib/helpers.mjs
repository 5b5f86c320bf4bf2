// Compiled native ESM (.mjs): an enum as the IIFE compilers emit, which assigns the binding it
// initialises, so it must move with the declaration (an imported binding cannot be assigned).
export var Level;
(function (Level) {
  Level[(Level['Low'] = 0)] = 'Low';
  Level[(Level['High'] = 1)] = 'High';
})(Level || (Level = {}));

export function levelName(text) {
  return Level[String(text).length > 12 ? Level.High : Level.Low];
}

export function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
