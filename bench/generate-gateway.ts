// Generates synthetic LiteLLM-shaped TypeScript gateways of any size, for benchmarks that
// need inputs far larger than the hand-written fixtures (1,000 and 5,000 modules).
//
// The shape copies what makes real gateways slow to import and hard to analyse: one index,
// provider registrations in the three shapes lazify recognises (an object map of model
// prefixes to handler classes, top-level registerProvider calls, a map of factories), a
// utils god-module imported by most files and importing the router back (a cycle through
// every provider), provider folders that each pull a real SDK, and a web of shared helpers
// with a few imports each, some cycles, some externals and some type-only imports.
//
// Every generated module is reachable from src/index.ts through runtime imports, so tools
// that follow the graph from the entry (lazify, madge) see exactly `modules` files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** What to generate. */
export interface GatewayOptions {
  /** Number of TypeScript modules to generate, all reachable from `src/index.ts`. At least {@link MIN_MODULES}. */
  modules: number;
  /** PRNG seed: the same options always give the same files. Default 1. */
  seed?: number;
  /**
   * `commonjs`: extensionless specifiers, compiled with `module: commonjs` (like fixtures/gateway-cjs).
   * `esm`: `.js` specifiers, `"type": "module"`, NodeNext (like fixtures/gateway-esm). Default `commonjs`.
   */
  format?: 'commonjs' | 'esm';
}

/** A generated gateway, in memory. */
export interface GeneratedGateway {
  /** Every file to write, by path relative to the project root (forward slashes), package.json and tsconfig.json included. */
  files: Map<string, string>;
  /** The TypeScript modules among {@link files}, sorted. */
  modules: string[];
  /** Provider names, in registration order. */
  providers: string[];
  /** Entry module (`src/index.ts`). */
  entry: string;
}

/** The fixed files (index, main, registry shapes, god-module...) plus two providers and one helper. */
export const MIN_MODULES = 20;

/** Packages the generated code imports; all are devDependencies of lazify, so they resolve from bench/.generated/. */
export const GENERATED_EXTERNALS = [
  'openai',
  '@anthropic-ai/sdk',
  '@google/generative-ai',
  '@mistralai/mistralai',
  'groq-sdk',
  'cohere-ai',
  '@aws-sdk/client-bedrock-runtime',
  'ollama',
  'replicate',
  '@huggingface/inference',
  'zod',
  'js-tiktoken',
] as const;

/** How each provider's SDK is imported: a default import or a named class. */
const SDKS: ReadonlyArray<{ pkg: string; binding: string; named: boolean }> = [
  { pkg: 'openai', binding: 'OpenAI', named: false },
  { pkg: '@anthropic-ai/sdk', binding: 'Anthropic', named: false },
  { pkg: '@google/generative-ai', binding: 'GoogleGenerativeAI', named: true },
  { pkg: '@mistralai/mistralai', binding: 'Mistral', named: true },
  { pkg: 'groq-sdk', binding: 'Groq', named: false },
  { pkg: 'cohere-ai', binding: 'CohereClient', named: true },
  { pkg: '@aws-sdk/client-bedrock-runtime', binding: 'BedrockRuntimeClient', named: true },
  { pkg: 'ollama', binding: 'Ollama', named: true },
  { pkg: 'replicate', binding: 'Replicate', named: false },
  { pkg: '@huggingface/inference', binding: 'InferenceClient', named: true },
];

const PROVIDER_NAMES = [
  'openai', 'anthropic', 'gemini', 'mistral', 'groq', 'cohere', 'bedrock', 'ollama', 'replicate',
  'huggingface', 'azure', 'vertex', 'together', 'fireworks', 'deepseek', 'perplexity', 'xai',
  'cerebras', 'sambanova', 'ai21', 'nlp-cloud', 'aleph-alpha', 'baseten', 'voyage', 'jina',
  'databricks', 'watsonx', 'sagemaker', 'cloudflare', 'openrouter', 'anyscale', 'deepinfra',
  'friendliai', 'predibase', 'triton', 'vllm', 'lm-studio', 'nvidia-nim', 'clarifai', 'petals',
];

const HELPER_AREAS = [
  'tokens', 'pricing', 'http', 'messages', 'images', 'streaming', 'retry', 'logging', 'caching',
  'auth', 'routing', 'budget',
];

/** Exports of the god-module; handlers and helpers each import a few of them. */
const UTILS_FUNCTIONS = [
  'countTokens', 'estimateCost', 'transformRequest', 'transformResponse', 'guessMimeType',
  'isImageUrl', 'toBase64', 'fromBase64', 'truncateMessages', 'mergeHeaders', 'buildUrl',
  'redactSecrets', 'formatError', 'retryDelay', 'clampTemperature', 'normaliseModelName',
  'splitModelPrefix', 'providerForModel', 'listKnownModels', 'chunkText', 'joinChunks',
  'hashPrompt', 'nowMs', 'toSnakeCase', 'toCamelCase', 'pickDefined',
];

// Four files per provider folder: handler, transformation, streaming, errors.
const FILES_PER_PROVIDER = 4;
// A quarter of the modules outside the fixed files are provider files, the rest shared helpers:
// LiteLLM has about a hundred providers and many more shared modules.
const PROVIDER_SHARE = 0.25;

interface Provider {
  name: string;
  /** PascalCase stem: `NlpCloud`. */
  stem: string;
  /** camelCase stem: `nlpCloud`. */
  camel: string;
  sdk: (typeof SDKS)[number];
  dir: string;
}

interface Helper {
  index: number;
  file: string;
  fn: string;
  constName: string;
  optionsType: string;
}

/** Generates a gateway in memory; {@link writeGateway} puts it on disk. */
export function generateGateway(options: GatewayOptions): GeneratedGateway {
  const { modules: total, seed = 1, format = 'commonjs' } = options;
  if (!Number.isInteger(total) || total < MIN_MODULES) {
    throw new RangeError(`a generated gateway needs at least ${MIN_MODULES} modules, got ${total}`);
  }
  const random = seededRandom(seed);
  const fixedFiles = [
    'src/index.ts', 'src/main.ts', 'src/env.ts', 'src/types.ts', 'src/registry.ts', 'src/router.ts',
    'src/factories.ts', 'src/utils.ts', 'src/schemas.ts', 'src/providers/base.ts', 'src/providers/register-all.ts',
  ];
  const rest = total - fixedFiles.length;
  const providerCount = Math.max(2, Math.floor((rest * PROVIDER_SHARE) / FILES_PER_PROVIDER));
  const helperCount = rest - providerCount * FILES_PER_PROVIDER;

  const providers = makeProviders(providerCount);
  const helpers = makeHelpers(helperCount);
  const imports = helperImports(helpers.length, random);
  const spec = (from: string, to: string): string => specifier(from, to, format);
  const files = new Map<string, string>();

  files.set('src/index.ts', indexModule(spec));
  files.set('src/env.ts', envModule());
  files.set('src/types.ts', typesModule());
  files.set('src/schemas.ts', schemasModule());
  files.set('src/registry.ts', registryModule(spec));
  files.set('src/main.ts', mainModule(spec));
  files.set('src/providers/base.ts', baseModule(spec));
  files.set('src/router.ts', routerModule(providers, spec));
  files.set('src/factories.ts', factoriesModule(providers, spec));
  files.set('src/providers/register-all.ts', registerAllModule(providers, spec));
  files.set('src/utils.ts', utilsModule(helpers, spec));
  providers.forEach((provider, i) => {
    for (const [file, text] of providerModules(provider, i, helpers, random, spec)) files.set(file, text);
  });
  helpers.forEach((helper) => files.set(helper.file, helperModule(helper, helpers, imports[helper.index]!, random, spec)));

  const modules = [...files.keys()].sort();
  files.set('package.json', packageJson(total, format));
  files.set('tsconfig.json', tsconfigJson(format));
  return { files, modules, providers: providers.map((p) => p.name), entry: 'src/index.ts' };
}

/** Writes a generated gateway to `dir`, replacing whatever was there. */
export function writeGateway(dir: string, gateway: GeneratedGateway): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of gateway.files) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

function makeProviders(count: number): Provider[] {
  return Array.from({ length: count }, (_, i) => {
    const base = PROVIDER_NAMES[i % PROVIDER_NAMES.length]!;
    const round = Math.floor(i / PROVIDER_NAMES.length);
    const name = round === 0 ? base : `${base}-${round + 1}`;
    const stem = name.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
    return { name, stem, camel: stem[0]!.toLowerCase() + stem.slice(1), sdk: SDKS[i % SDKS.length]!, dir: `src/providers/${name}` };
  });
}

function makeHelpers(count: number): Helper[] {
  return Array.from({ length: count }, (_, index) => {
    const area = HELPER_AREAS[index % HELPER_AREAS.length]!;
    return {
      index,
      file: `src/helpers/${area}/${area}-${index}.ts`,
      fn: `${area}${index}`,
      constName: `${area.toUpperCase()}_${index}`,
      optionsType: `${area[0]!.toUpperCase()}${area.slice(1)}${index}Options`,
    };
  });
}

/**
 * Runtime imports between helpers. A spanning tree (each helper is imported by one earlier
 * helper, helper 0 by utils) keeps every helper reachable; on top of it each helper imports
 * up to two later helpers, and about one in twenty imports an earlier one, which closes a cycle.
 */
function helperImports(count: number, random: SeededRandom): number[][] {
  const imports: Set<number>[] = Array.from({ length: count }, () => new Set<number>());
  for (let j = 1; j < count; j++) imports[random.int(Math.max(0, j - 40), j - 1)]!.add(j);
  for (let i = 0; i < count; i++) {
    const extra = random.int(0, 2);
    for (let k = 0; k < extra && i + 1 < count; k++) imports[i]!.add(random.int(i + 1, Math.min(count - 1, i + 200)));
    if (i > 0 && random.chance(0.05)) imports[i]!.add(random.int(Math.max(0, i - 100), i - 1));
  }
  return imports.map((s) => [...s].sort((a, b) => a - b));
}

function specifier(from: string, to: string, format: 'commonjs' | 'esm'): string {
  let rel = posix.relative(posix.dirname(from), to).replace(/\.ts$/, format === 'esm' ? '.js' : '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

type Spec = (from: string, to: string) => string;

function indexModule(spec: Spec): string {
  const f = 'src/index.ts';
  // utils is imported before main on purpose: it reaches every handler through the router
  // while no handler is half-loaded, so the utils <-> router cycle is safe at runtime.
  return `// Public API of the gateway. Importing it loads every provider: that is the problem.
import '${spec(f, 'src/env.ts')}';
export { countTokens, encoder, estimateCost } from '${spec(f, 'src/utils.ts')}';
export { completion, embedding } from '${spec(f, 'src/main.ts')}';
export * from '${spec(f, 'src/types.ts')}';
export { registerProvider, getProvider, listProviders } from '${spec(f, 'src/registry.ts')}';
export { BaseHandler } from '${spec(f, 'src/providers/base.ts')}';
export { MODEL_PREFIXES } from '${spec(f, 'src/router.ts')}';
export { PROVIDER_FACTORIES } from '${spec(f, 'src/factories.ts')}';
`;
}

function envModule(): string {
  return `// Defaults read once at import time, and a global patch (side effects lazify must keep eager).
process.env.GATEWAY_LOG_LEVEL ??= 'info';
process.env.GATEWAY_TIMEOUT_MS ??= '600000';
(globalThis as { __gatewayStartedAt?: number }).__gatewayStartedAt ??= Date.now();
`;
}

function typesModule(): string {
  return `export interface Message {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  model: string;
  messages: Message[];
  temperature?: number;
}

export interface CompletionResponse {
  model: string;
  text: string;
  tokens: number;
  cost: number;
}

export interface HandlerOptions {
  apiKey?: string;
  baseUrl?: string;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';
`;
}

function schemasModule(): string {
  return `import { z } from 'zod';

// Built at import time, as real gateways do.
export const MessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });
export const CompletionRequestSchema = z.object({
  model: z.string(),
  messages: z.array(MessageSchema),
  temperature: z.number().min(0).max(2).optional(),
});
`;
}

function registryModule(spec: Spec): string {
  const f = 'src/registry.ts';
  return `import type { BaseHandler } from '${spec(f, 'src/providers/base.ts')}';
import type { HandlerOptions } from '${spec(f, 'src/types.ts')}';

export type HandlerClass = new (options?: HandlerOptions) => BaseHandler;

const providers = new Map<string, HandlerClass>();

export function registerProvider(name: string, handler: HandlerClass): void {
  providers.set(name, handler);
}

export function getProvider(name: string): HandlerClass | undefined {
  return providers.get(name);
}

export function listProviders(): string[] {
  return [...providers.keys()];
}
`;
}

function mainModule(spec: Spec): string {
  const f = 'src/main.ts';
  return `import '${spec(f, 'src/providers/register-all.ts')}';
import { MODEL_PREFIXES } from '${spec(f, 'src/router.ts')}';
import { getProvider } from '${spec(f, 'src/registry.ts')}';
import { PROVIDER_FACTORIES } from '${spec(f, 'src/factories.ts')}';
import { countTokens, splitModelPrefix } from '${spec(f, 'src/utils.ts')}';
import { CompletionRequestSchema } from '${spec(f, 'src/schemas.ts')}';
import { DEFAULT_MODEL, type CompletionRequest, type CompletionResponse } from '${spec(f, 'src/types.ts')}';

export async function completion(request: CompletionRequest): Promise<CompletionResponse> {
  const parsed = CompletionRequestSchema.parse({ ...request, model: request.model || DEFAULT_MODEL });
  const [prefix] = splitModelPrefix(parsed.model);
  const factory = (PROVIDER_FACTORIES as Record<string, (options: object) => { completion(r: CompletionRequest): Promise<CompletionResponse> }>)[prefix];
  const Handler = (MODEL_PREFIXES as Record<string, unknown>)[\`\${prefix}/\`] ?? getProvider(prefix);
  if (!factory && !Handler) throw new Error(\`no provider for model \${parsed.model}\`);
  const handler = factory ? factory({}) : new (Handler as new () => { completion(r: CompletionRequest): Promise<CompletionResponse> })();
  return handler.completion(parsed);
}

export function embedding(input: string): number[] {
  return [countTokens(input)];
}
`;
}

function baseModule(spec: Spec): string {
  const f = 'src/providers/base.ts';
  // No runtime imports: every handler extends this class at load time, so it must never be
  // half-loaded inside a cycle.
  return `import type { CompletionRequest, CompletionResponse, HandlerOptions } from '${spec(f, 'src/types.ts')}';

export abstract class BaseHandler {
  constructor(readonly options: HandlerOptions = {}) {}

  abstract readonly provider: string;

  abstract completion(request: CompletionRequest): Promise<CompletionResponse>;

  embedding(input: string): number[] {
    return [input.length];
  }
}
`;
}

function handlerImports(providers: Provider[], from: string, spec: Spec): string {
  return providers.map((p) => `import { ${p.stem}Handler } from '${spec(from, `${p.dir}/handler.ts`)}';`).join('\n');
}

function routerModule(providers: Provider[], spec: Spec): string {
  const f = 'src/router.ts';
  const entries = providers.map((p) => `  '${p.name}/': ${p.stem}Handler,`).join('\n');
  return `${handlerImports(providers, f, spec)}

// Shape (a): an object map of model prefixes to handler classes.
export const MODEL_PREFIXES = {
${entries}
};

export function routeModel(model: string): string | undefined {
  return Object.keys(MODEL_PREFIXES).find((prefix) => model.startsWith(prefix));
}
`;
}

function factoriesModule(providers: Provider[], spec: Spec): string {
  const f = 'src/factories.ts';
  const entries = providers.map((p) => `  '${p.name}': (options: HandlerOptions) => new ${p.stem}Handler(options),`).join('\n');
  return `import type { HandlerOptions } from '${spec(f, 'src/types.ts')}';
${handlerImports(providers, f, spec)}

// Shape (c): a map of factories.
export const PROVIDER_FACTORIES = {
${entries}
};
`;
}

function registerAllModule(providers: Provider[], spec: Spec): string {
  const f = 'src/providers/register-all.ts';
  const calls = providers.map((p) => `registerProvider('${p.name}', ${p.stem}Handler);`).join('\n');
  return `import { registerProvider } from '${spec(f, 'src/registry.ts')}';
${handlerImports(providers, f, spec)}

// Shape (b): top-level registerProvider calls.
${calls}
`;
}

function utilsModule(helpers: Helper[], spec: Spec): string {
  const f = 'src/utils.ts';
  const used = helpers.slice(0, Math.min(6, helpers.length));
  const helperLines = used.map((h) => `import { ${h.fn} } from '${spec(f, h.file)}';`).join('\n');
  const helperCalls = used.map((h) => `${h.fn}(text)`).join(', ');
  const bodies: Record<string, string> = {
    countTokens: `(text: string): number {\n  return encoder.encode(text).length;\n}`,
    estimateCost: `(model: string, tokens: number): number {\n  return (PRICE_PER_1K_TOKENS[model] ?? 0.001) * tokens / 1000;\n}`,
    transformRequest: `<T>(request: T): T {\n  return pickDefined(request);\n}`,
    providerForModel: `(model: string): string | undefined {\n  return Object.keys(MODEL_PREFIXES).find((prefix) => model.startsWith(prefix));\n}`,
    splitModelPrefix: `(model: string): [string, string] {\n  const at = model.indexOf('/');\n  return at < 0 ? ['openai', model] : [model.slice(0, at), model.slice(at + 1)];\n}`,
    pickDefined: `<T>(value: T): T {\n  return value;\n}`,
    chunkText: `(text: string): string[] {\n  return text.split(/(?<=\\.)\\s+/);\n}`,
  };
  const functions = UTILS_FUNCTIONS.map((name) => `export function ${name}${bodies[name] ?? `(text: string): string {\n  return String(text ?? '${name}');\n}`}`).join('\n\n');
  return `// The god-module: tokenisation, pricing, request shaping, mime helpers and the provider lookup
// in one file that almost every other module imports.
import { getEncoding } from 'js-tiktoken';
import { MODEL_PREFIXES } from '${spec(f, 'src/router.ts')}';
${helperLines}

export const encoder = getEncoding('cl100k_base');

export const PRICE_PER_1K_TOKENS: Record<string, number> = { 'gpt-4o': 0.005, 'claude-3-5-sonnet': 0.003 };

${functions}

// Not in UTILS_FUNCTIONS: helpers call those, and a helper calling back into this would recurse.
export function helperChain(text: string): string[] {
  return [${helperCalls}];
}
`;
}

/** Which god-module functions a file imports: a few, chosen deterministically. */
function someUtils(random: SeededRandom, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(random.pick(UTILS_FUNCTIONS));
  return [...names].sort();
}

function utilsCall(names: string[], arg: string): string {
  return names.map((n) => `String(${n === 'estimateCost' ? `${n}(${arg}, 1)` : `${n}(${arg})`})`).join(' + ');
}

function providerModules(provider: Provider, i: number, helpers: Helper[], random: SeededRandom, spec: Spec): Array<[string, string]> {
  const { stem, camel, sdk, dir, name } = provider;
  const handler = `${dir}/handler.ts`;
  const transformation = `${dir}/transformation.ts`;
  const streaming = `${dir}/streaming.ts`;
  const errors = `${dir}/errors.ts`;
  // One provider in five has transformation and streaming importing each other: a local cycle.
  const cyclic = i % 5 === 0;
  const usesZod = i % 3 === 0;
  const handlerHelpers = [random.pick(helpers), random.pick(helpers)].filter((h, k, all) => all.indexOf(h) === k);
  const transformationHelper = random.pick(helpers);
  const handlerUtils = someUtils(random, 3);
  const transformationUtils = someUtils(random, 2);
  const sdkImport = sdk.named ? `import { ${sdk.binding} } from '${sdk.pkg}';` : `import ${sdk.binding} from '${sdk.pkg}';`;

  const handlerText = `${sdkImport}
import { BaseHandler } from '${spec(handler, 'src/providers/base.ts')}';
import type { CompletionRequest, CompletionResponse } from '${spec(handler, 'src/types.ts')}';
import { ${handlerUtils.join(', ')} } from '${spec(handler, 'src/utils.ts')}';
import { to${stem}Request } from '${spec(handler, transformation)}';
import { parse${stem}Stream } from '${spec(handler, streaming)}';
import { ${stem}Error } from '${spec(handler, errors)}';
${handlerHelpers.map((h) => `import { ${h.fn} } from '${spec(handler, h.file)}';`).join('\n')}

export class ${stem}Handler extends BaseHandler {
  static readonly sdk = ${sdk.binding};
  readonly provider = '${name}';

  async completion(request: CompletionRequest): Promise<CompletionResponse> {
    const body = to${stem}Request(request);
    if (!body) throw new ${stem}Error('empty request');
    const text = parse${stem}Stream(${handlerHelpers.map((h) => `${h.fn}(body)`).join(' + ')});
    const tokens = text.length;
    return { model: request.model, text: text + ${utilsCall(handlerUtils, 'text')}, tokens, cost: tokens };
  }
}
`;

  const transformationText = `${usesZod ? "import { z } from 'zod';\n" : ''}import type { CompletionRequest } from '${spec(transformation, 'src/types.ts')}';
import type { ${stem}Handler } from '${spec(transformation, handler)}';
import { ${transformationUtils.join(', ')} } from '${spec(transformation, 'src/utils.ts')}';
import { ${transformationHelper.fn} } from '${spec(transformation, transformationHelper.file)}';
${cyclic ? `import { ${camel.toUpperCase()}_STREAM_DONE } from '${spec(transformation, streaming)}';\n` : ''}${usesZod ? `\nconst ${stem}RequestSchema = z.object({ model: z.string(), prompt: z.string() });\n` : ''}
export type ${stem}HandlerLike = Pick<${stem}Handler, 'provider'>;

export function to${stem}Request(request: CompletionRequest): string {
  const prompt = request.messages.map((m) => m.content).join('\\n');
  const body = ${usesZod ? `${stem}RequestSchema.parse({ model: request.model, prompt })` : '{ model: request.model, prompt }'};
  return ${transformationHelper.fn}(JSON.stringify(body)) + ${utilsCall(transformationUtils, 'prompt')}${cyclic ? ` + ${camel.toUpperCase()}_STREAM_DONE` : ''};
}
`;

  const streamingText = `${cyclic ? `import { to${stem}Request } from '${spec(streaming, transformation)}';\n` : ''}import { chunkText } from '${spec(streaming, 'src/utils.ts')}';

export const ${camel.toUpperCase()}_STREAM_DONE = '[DONE]';

export function parse${stem}Stream(raw: string): string {
  ${cyclic ? `if (raw === '') return to${stem}Request({ model: '${name}', messages: [] });\n  ` : ''}return chunkText(raw).join('');
}
`;

  const errorsText = `import { formatError } from '${spec(errors, 'src/utils.ts')}';

export class ${stem}Error extends Error {
  constructor(message: string) {
    super(formatError(\`${name}: \${message}\`));
  }
}
`;
  return [
    [handler, handlerText],
    [transformation, transformationText],
    [streaming, streamingText],
    [errors, errorsText],
  ];
}

function helperModule(helper: Helper, helpers: Helper[], targets: number[], random: SeededRandom, spec: Spec): string {
  const f = helper.file;
  const lines: string[] = [];
  const usesUtils = random.chance(0.3);
  const usesZod = random.chance(0.08);
  const usesCrypto = random.chance(0.05);
  const utilsNames = usesUtils ? someUtils(random, random.int(1, 3)) : [];
  // A type-only import of some other helper's options: an edge for the type checker only.
  const typeSource = helpers.length > 1 && random.chance(0.2) ? random.pick(helpers.filter((h) => h !== helper)) : undefined;
  if (usesZod) lines.push("import { z } from 'zod';");
  if (usesCrypto) lines.push("import { createHash } from 'node:crypto';");
  if (usesUtils) lines.push(`import { ${utilsNames.join(', ')} } from '${spec(f, 'src/utils.ts')}';`);
  // An import of an earlier helper closes a cycle: it takes only the constant, so calls cannot recurse.
  const bindingOf = (t: number): string => (t < helper.index ? helpers[t]!.constName : helpers[t]!.fn);
  for (const t of targets) lines.push(`import { ${bindingOf(t)} } from '${spec(f, helpers[t]!.file)}';`);
  if (typeSource) lines.push(`import type { ${typeSource.optionsType} } from '${spec(f, typeSource.file)}';`);
  const parts = [
    helper.constName,
    ...targets.map((t) => (t < helper.index ? bindingOf(t) : `${bindingOf(t)}(input)`)),
    ...(usesUtils ? [utilsCall(utilsNames, 'input')] : []),
    ...(usesZod ? ['z.string().parse(input)'] : []),
    ...(usesCrypto ? ["createHash('sha256').update(input).digest('hex')"] : []),
  ];
  return `${lines.join('\n')}${lines.length ? '\n\n' : ''}export interface ${helper.optionsType} {
  verbose?: boolean;${typeSource ? `\n  inner?: ${typeSource.optionsType};` : ''}
}

export const ${helper.constName} = '${helper.fn}';

export function ${helper.fn}(input: string, options: ${helper.optionsType} = {}): string {
  if (options.verbose) return input;
  return [${parts.join(', ')}].join(':');
}
`;
}

function packageJson(total: number, format: 'commonjs' | 'esm'): string {
  const pkg = {
    name: `generated-gateway-${total}`,
    version: '0.0.0',
    private: true,
    ...(format === 'esm' ? { type: 'module' } : {}),
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    scripts: { build: 'tsc -p .' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function tsconfigJson(format: 'commonjs' | 'esm'): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      ...(format === 'esm' ? { module: 'NodeNext', moduleResolution: 'NodeNext' } : { module: 'commonjs' }),
      rootDir: 'src',
      outDir: 'dist',
      declaration: true,
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
    },
    include: ['src/**/*.ts'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
