import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as deferHeavyImport from '../../transforms/defer-heavy-import/index.js';
import { defineTransformCases } from './transform-cases.js';
import { defineGoldenPatchCases } from './multi-file-cases.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
defineTransformCases(join(repo, 'transforms/defer-heavy-import'), deferHeavyImport);
defineGoldenPatchCases('defer-heavy-import', join(repo, 'transforms/defer-heavy-import'));
