import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupManifestImport } from '../../transforms/registry-to-manifest/group-manifest-import.js';

const spec = './index.manifest.js';

test('the manifest require joins the requires above it, with a blank line before the code after it', () => {
  assert.equal(
    groupManifestImport(`'use strict'\nconst path = require('path')\n\nconst { rulesManifest } = require('./index.manifest.js')\nconst plugin = {}\n`, spec),
    `'use strict'\nconst path = require('path')\nconst { rulesManifest } = require('./index.manifest.js')\n\nconst plugin = {}\n`,
  );
  // ES imports, tsc's interop requires and ES5 `var` too.
  assert.equal(
    groupManifestImport(`import type { A } from './a';\n\nimport { M } from "./index.manifest.js";\n\nexport const x = 1;\n`, spec),
    `import type { A } from './a';\nimport { M } from "./index.manifest.js";\n\nexport const x = 1;\n`,
  );
  assert.equal(
    groupManifestImport(`var a_1 = __importDefault(require("./a"));\n\nvar M = require("./index.manifest.js").M;\n`, spec),
    `var a_1 = __importDefault(require("./a"));\nvar M = require("./index.manifest.js").M;\n`,
  );
});

test('each line keeps its own line ending', () => {
  assert.equal(
    groupManifestImport(`const a = require('a');\r\n\r\nconst { M } = require('./index.manifest.js');\r\nrun();\n`, spec),
    `const a = require('a');\r\nconst { M } = require('./index.manifest.js');\r\n\r\nrun();\n`,
  );
});

test('left as printed: no import above, code above, or already grouped', () => {
  for (const text of [
    `'use strict'\n\nconst { M } = require('./index.manifest.js')\n\nconst plugin = {}\n`,
    `setup();\n\nconst { M } = require('./index.manifest.js');\n`,
    `const a = require('a');\nconst { M } = require('./index.manifest.js');\n\nrun();\n`,
    `const a = require('a');\n\nconst other = require('./other.manifest.js');\n`,
  ]) assert.equal(groupManifestImport(text, spec), text);
});
