// The plan file's shape, in one zod schema built from each transform's own options schema: it
// checks the keys of a plan a user may have edited (validate-plan.ts) and is the source of the
// JSON Schema shipped in schema/ (npm run schema), so editors and lazify agree on every key.
import { z } from 'zod';
import { transforms } from '../../transforms/index.js';

/** The keys of one operation other than its options. */
const operationKeys = {
  id: z.string().min(1).describe('Stable id, usually the id of the finding it comes from; unique in the plan.'),
  summary: z.string().optional().describe('What it does, for people (lazify prints it).'),
  files: z.array(z.string()).describe('Files it reads or changes, relative to the project root.'),
  together: z
    .array(z.string().min(1))
    .optional()
    .describe('Ids of operations it saves anything only with (factories in other modules over the same providers): apply leaves it out when one of them is not applied.'),
};

/** A plan's keys, its operations left unread (each is checked against its transform's schema). */
export const planKeysSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
  schemaVersion: z.literal(1).describe('Version of the plan format.'),
  root: z.string().optional().describe('The project root the plan was made for (informational: apply uses its own directory).'),
  operations: z.array(z.unknown()).describe('The operations; apply runs them in its own phase order.'),
});

/** One operation's keys, its options left unread. */
export const operationKeysSchema = z.strictObject({ ...operationKeys, transform: z.string(), options: z.record(z.string(), z.unknown()) });

/** The whole plan: each operation's options checked against the schema of the transform it names. */
export function planSchema() {
  const operations = Object.values(transforms).map((transform) =>
    z
      .strictObject({ ...operationKeys, transform: z.literal(transform.meta.name), options: transform.optionsSchema })
      .describe(`${transform.meta.name}: ${transform.meta.description}`),
  );
  return planKeysSchema
    .extend({ operations: z.array(z.discriminatedUnion('transform', operations as [typeof operations[0], ...typeof operations])).describe(planKeysSchema.shape.operations.description!) })
    .describe('A lazify plan (`lazify plan --format json`), which `lazify apply --plan FILE` reads back: https://www.npmjs.com/package/lazify-imports');
}

/** The JSON Schema of the plan file, generated from {@link planSchema}. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planSchema(), { target: 'draft-2020-12', io: 'input' }),
    title: 'lazify plan',
  };
}
