import { test } from 'node:test';
import assert from 'node:assert/strict';
import { providerSelfAssignment } from '../../src/findings/provider-self-assignment.js';
import type { ModuleFacts, RegistryEntry } from '../../src/facts/module-facts.js';

const entry = (key: string, module: string): RegistryEntry => ({ key, module, export: 'default', valueShape: 'reference', line: 1 });
const assigning = (key: string, module = 'lib/core.js', valueCallee?: string) =>
  ({ namespaceAssignments: [{ module, object: 'AWS', key, line: 6, ...(valueCallee && { valueCallee }) }] }) as unknown as ModuleFacts;

test('providers that all assign themselves on one module: the reason names it, and a call building the value', () => {
  const entries = [entry('S3', 'clients/s3.js'), entry('SQS', 'clients/sqs.js')];
  assert.equal(
    providerSelfAssignment(entries, { 'clients/s3.js': assigning('S3', 'lib/core.js', 'Service.defineService'), 'clients/sqs.js': assigning('SQS', 'lib/core.js', 'Service.defineService') }),
    "; its 2 providers each assign themselves on lib/core.js's export (clients/s3.js:6 AWS.S3 = Service.defineService(...)), but lazy getters there are not provably safe: Service.defineService runs at load (clients/s3.js:6), and what else it does would wait for the first read of the key",
  );
  assert.equal(
    providerSelfAssignment(entries, { 'clients/s3.js': assigning('S3'), 'clients/sqs.js': assigning('SQS') }),
    "; its 2 providers each assign themselves on lib/core.js's export (clients/s3.js:6 AWS.S3 = ...), but lazify writes no getters on another module's export",
  );
});

test('no reason when a provider does not assign its own key, or assigns it on another module', () => {
  const entries = [entry('S3', 'clients/s3.js'), entry('SQS', 'clients/sqs.js')];
  assert.equal(providerSelfAssignment(entries, { 'clients/s3.js': assigning('S3'), 'clients/sqs.js': assigning('Other') }), '');
  assert.equal(providerSelfAssignment(entries, { 'clients/s3.js': assigning('S3'), 'clients/sqs.js': assigning('SQS', 'lib/other.js') }), '');
  assert.equal(providerSelfAssignment(entries, {}), '');
  assert.equal(providerSelfAssignment([], {}), '');
});
