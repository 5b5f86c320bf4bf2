import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as registryToManifest from '../../transforms/registry-to-manifest/index.js';
import { defineTransformCases } from './transform-cases.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
defineTransformCases(join(repo, 'transforms/registry-to-manifest'), registryToManifest);
