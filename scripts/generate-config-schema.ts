// Writes schema/lazify.config.schema.json from the zod schema of the config (npm run schema).
// The schema is committed and shipped; test/config/config.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/config-schema.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'lazify.config.schema.json');
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
