import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as registryToManifest from '../../transforms/registry-to-manifest/index.js';
import { defineTransformCases } from './transform-cases.js';
import { defineGoldenPatchCases } from './multi-file-cases.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
defineTransformCases(join(repo, 'transforms/registry-to-manifest'), registryToManifest);
defineGoldenPatchCases('registry-to-manifest', join(repo, 'transforms/registry-to-manifest'));
