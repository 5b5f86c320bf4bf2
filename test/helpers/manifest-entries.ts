// A manifest's entries one a line whatever their layout: lazify writes an entry too wide for the
// registry file's lines one field a line; tests that read an entry compare its one-line form.
export function oneLineEntries(source: string): string {
  return source.replace(/\{\n\s+module: (.*),\n\s+export: (.*),\n\s+load: (.*?),?\n\s+\}/g, '{ module: $1, export: $2, load: $3 }');
}
