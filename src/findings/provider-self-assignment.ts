import type { ModuleFacts, RegistryEntry } from '../facts/module-facts.js';

/**
 * When every provider of a registry assigns itself on one shared module's export (`AWS.S3 = ...`
 * in each aws-sdk v2 client, `AWS` being lib/core.js), why lazy getters on that export are not
 * written: a getter per key would keep the names, but postpone everything else the provider's
 * module does at load. aws-sdk's `Service.defineService` also records the service name, which
 * `AWS.config.update({ s3: {...} })` checks: with getters, that update would be dropped until S3
 * is first read. Empty when the providers do not all assign themselves on one module.
 * Used by analyze (the finding's blocker) and plan (its refusal) alike, so both say the same.
 */
export function providerSelfAssignment(entries: readonly RegistryEntry[], facts: Readonly<Record<string, ModuleFacts>> | undefined): string {
  if (entries.length === 0 || entries.some((e) => !e.module || !e.key)) return '';
  const assignments = entries.map((e) => ({ file: e.module!, at: facts?.[e.module!]?.namespaceAssignments?.find((a) => a.key === e.key) }));
  const shared = assignments[0]!.at?.module;
  if (!shared || assignments.some((a) => a.at?.module !== shared)) return '';
  const first = assignments[0]!;
  const example = `${first.file}:${first.at!.line} ${first.at!.object}.${first.at!.key} = ${first.at!.valueCallee ? `${first.at!.valueCallee}(...)` : '...'}`;
  const built = assignments.find((a) => a.at!.valueCallee);
  const why = built
    ? `lazy getters there are not provably safe: ${built.at!.valueCallee} runs at load (${built.file}:${built.at!.line}), and what else it does would wait for the first read of the key`
    : "lazify writes no getters on another module's export";
  return `; its ${entries.length} providers each assign themselves on ${shared}'s export (${example}), but ${why}`;
}
