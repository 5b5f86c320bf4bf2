import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Diagnostics of one file, the file said once. */
export interface DiagnosticsInFile {
  /** Root-relative path; undefined for diagnostics about no file. */
  file?: string;
  diagnostics: Diagnostic[];
}

/** Diagnostics of one package: the analysed one, or an installed package under node_modules. */
export interface DiagnosticsInPackage {
  /** The package name (`openai`), or `ownName` for the analysed package's files and none. */
  package: string;
  files: DiagnosticsInFile[];
}

/** The package a root-relative path is in: the name after its last `node_modules/`, if any. */
function packageOf(file: string): string | undefined {
  const at = file.lastIndexOf('node_modules/');
  if (at === -1) return undefined;
  const parts = file.slice(at + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * Diagnostics by package, then by file (each in first-seen order, lines ascending within a file),
 * so a report prints each package and each location once, not on every line.
 */
export function groupDiagnostics(diagnostics: readonly Diagnostic[], ownName: string): DiagnosticsInPackage[] {
  const packages = new Map<string, Map<string | undefined, Diagnostic[]>>();
  for (const d of diagnostics) {
    const name = (d.file && packageOf(d.file)) ?? ownName;
    const files = packages.get(name) ?? new Map<string | undefined, Diagnostic[]>();
    packages.set(name, files);
    files.set(d.file, [...(files.get(d.file) ?? []), d]);
  }
  return [...packages].map(([name, files]) => ({
    package: name,
    files: [...files].map(([file, list]) => ({ ...(file !== undefined ? { file } : {}), diagnostics: [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) })),
  }));
}
