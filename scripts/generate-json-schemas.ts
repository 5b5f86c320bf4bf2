// Writes the JSON Schemas lazify ships in schema/ from their zod schemas (npm run schema): the
// config file's (schema/lazify.config.schema.json) and the plan file's (schema/lazify.plan.schema.json).
// Both are committed; test/config/config.test.ts and test/plan/plan-schema.test.ts fail when one is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/config-schema.js';
import { planJsonSchema } from '../src/plan/plan-schema.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
for (const [name, schema] of [['lazify.config.schema.json', configJsonSchema()], ['lazify.plan.schema.json', planJsonSchema()]] as const) {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
