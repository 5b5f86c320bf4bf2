import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Name, version and estimated installed JavaScript size of an external package. */
export interface PackageInfo {
  name: string;
  version?: string;
  /**
   * Estimated bytes of JavaScript loading the package can bring in: its own installed JS
   * plus that of its installed dependency closure (see {@link estimateInstalledJsBytes}).
   */
  size: number;
  /** The package's own installed JS, without dependencies. */
  ownSize: number;
}

const infoCache = new Map<string, PackageInfo>();

/** Reads (once per package dir) the package's version and estimates its size. */
export function packageInfo(name: string, packageDir: string): PackageInfo {
  const cached = infoCache.get(packageDir);
  if (cached) return cached;
  const manifest = readManifest(packageDir);
  const version = typeof manifest?.version === 'string' ? manifest.version : undefined;
  // An SDK is rarely one package: its dependencies load with it, so they count towards it.
  let size = 0;
  for (const dir of dependencyClosure(packageDir)) size += ownJsBytes(dir);
  const info: PackageInfo = { name, version, size, ownSize: ownJsBytes(packageDir) };
  infoCache.set(packageDir, info);
  return info;
}

const ownSizeCache = new Map<string, number>();

function ownJsBytes(packageDir: string): number {
  let size = ownSizeCache.get(packageDir);
  if (size === undefined) {
    size = estimateInstalledJsBytes(packageDir);
    ownSizeCache.set(packageDir, size);
  }
  return size;
}

interface Manifest {
  version?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readManifest(packageDir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The package dir and the dirs of its installed runtime dependencies, transitively, each once. */
function dependencyClosure(packageDir: string): Set<string> {
  const seen = new Set<string>([packageDir]);
  const pending = [packageDir];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const manifest = readManifest(dir);
    const names = Object.keys({ ...manifest?.dependencies, ...manifest?.optionalDependencies });
    for (const dep of names) {
      const depDir = findInstalled(dep, dir);
      if (depDir && !seen.has(depDir)) {
        seen.add(depDir);
        pending.push(depDir);
      }
    }
  }
  return seen;
}

/** Node's lookup of `node_modules/<name>` from a package dir upwards. */
function findInstalled(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (!dir.endsWith('/node_modules')) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Bytes of `.js/.cjs/.mjs` files in a package dir, without nested node_modules. An estimate:
 * the whole package, not just what its entry loads. Dual packages ship `x.js` beside `x.mjs`
 * and only one of them loads, so for such a pair only the larger counts.
 */
export function estimateInstalledJsBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  const byStem = new Map<string, number>();
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') total += estimateInstalledJsBytes(path);
      continue;
    }
    const match = /^(.*)\.([cm]?js)$/.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      continue;
    }
    const stem = match[1];
    byStem.set(stem, Math.max(byStem.get(stem) ?? 0, size));
  }
  for (const size of byStem.values()) total += size;
  return total;
}
