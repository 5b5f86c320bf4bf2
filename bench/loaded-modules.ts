// Which files a Node command loads, through record-loaded-modules.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What one run of `node <args>` loaded: absolute paths, each once, in first-load order. */
export interface LoadedModules {
  files: string[];
  status: number | null;
  stdout: string;
  stderr: string;
}

const preload = fileURLToPath(new URL('./record-loaded-modules.js', import.meta.url));

/** Runs `node --import record-loaded-modules.js ...args` and lists the files it loaded (the preload's own excepted). */
export function loadedModules(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): LoadedModules {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-loaded-'));
  const output = join(dir, 'loaded.txt');
  try {
    const result = spawnSync(process.execPath, ['--import', preload, ...args], {
      cwd: options.cwd,
      encoding: 'utf8',
      env: { ...(options.env ?? process.env), LAZIFY_LOADED_MODULES_FILE: output },
      timeout: 120_000,
    });
    let lines: string[] = [];
    try {
      lines = readFileSync(output, 'utf8').split('\n');
    } catch {
      // the process died before writing anything
    }
    const own = new Set([preload, fileURLToPath(new URL('./loaded-modules-hooks.js', import.meta.url))]);
    const files = [...new Set(lines.filter((line) => line && !own.has(line)))];
    return { files, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Packages (by node_modules folder name, scopes kept) among loaded files. */
export function loadedPackages(files: string[]): Set<string> {
  const packages = new Set<string>();
  for (const file of files) {
    const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file.slice(file.lastIndexOf('node_modules') - 1));
    if (match) packages.add(match[1]!.replace('\\', '/'));
  }
  return packages;
}
