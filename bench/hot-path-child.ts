// One hot-path workload in a fresh process, on one copy of a package:
//   node dist/bench/hot-path-child.js <workload> <package dir> time|output [iterations] [eslint dir]
// `time` runs the workload once unmeasured (the first use: lazy loaders load there), then
// `iterations` times, and prints `{"ms", "cpuMs", "requireMs"}`; `output` prints what the workload
// produced (log lines, lint messages) and the package's export names, to compare two copies.
// Workloads: `winston` (log calls through a Stream transport to a null stream), `gateway-cjs`
// (the built demo gateway resolving model names to providers through its prefix map), `date-fns`
// (date arithmetic and formatting through the package's index, the English locale's tables),
// `validator` (small validators read from its map of validators on every call), and
// `eslint-plugin-react`, `eslint-plugin-jsx-a11y`, `eslint-plugin-promise`, `eslint-plugin-import`
// and `eslint-plugin-vue` (eslint's Linter over a sample with every rule of the plugin: JSX for
// the first two, promise chains, ES module imports, a Vue single-file component through
// vue-eslint-parser).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';

const require = createRequire(import.meta.url);

/** One workload: set up (requiring the package), then `run` the hot path `times` times. */
interface Workload {
  run(times: number): Promise<void>;
  /** What the runs so far produced, as comparable JSON. */
  output(): unknown;
}

/** A JSX sample with something for many of the plugin's rules to say. */
export const JSX_SAMPLE = `
import React, { useState } from 'react';
import PropTypes from 'prop-types';

export default class List extends React.Component {
  constructor(props) { super(props); this.state = { open: false }; }
  componentWillMount() { this.setState({ open: true }); }
  render() {
    const { items, title } = this.props;
    return (
      <div className="list" onClick={() => this.setState({ open: !this.state.open })}>
        <h1 style="color: red">{title}</h1>
        {items.map((item, i) => <Item key={i} {...item} />)}
        <a href="javascript:void(0)" target="_blank">link</a>
        <button>press</button>
        <input value={this.state.value} />
        <img src="x.png" children="y" />
        {this.props.unknown}
        <div dangerouslySetInnerHTML={{ __html: '<b>' }}>child</div>
      </div>
    );
  }
}

function Item({ name, onSelect }) {
  const [count, setCount] = useState(0);
  return <li onClick={() => { setCount(count + 1); onSelect(name); }} class="item">{name} {count}</li>;
}
Item.propTypes = { name: PropTypes.string };

export const Arrow = (props) => <span ref="old">{props.text}</span>;
`;

/** Promise code with something for most of eslint-plugin-promise's rules to say. */
const PROMISE_SAMPLE = `
function load(url, callback) {
  fetch(url).then((res) => { res.json(); }).then(function (data) { callback(null, data); });
  return new Promise(function (ok, fail) { setTimeout(ok, 10); });
}
export function save(db, item) {
  db.put(item).then((r) => Promise.resolve(r)).then((r) => { return r.id; });
  db.get(item.id).then((a) => db.get(a.next).then((b) => b));
  new Promise.resolve(1);
  Promise.all(1, 2);
  return db.close().catch((e) => { throw e; }).finally(() => { return 1; });
}
export async function later(p, done) {
  p.then(() => done());
  await p.then((x) => x * 2);
  setTimeout(() => p.then((v) => v), 1);
  return p.catch(() => {});
}
`;

function winstonWorkload(dir: string): Workload {
  const winston = require(dir);
  const lines: string[] = [];
  let collect = false;
  let written = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      if (collect) lines.push(String(chunk));
      written++;
      if (waiting && written >= waiting.count) waiting.resolve();
      done();
    },
  });
  const { format } = winston;
  const logger = winston.createLogger({
    level: 'debug',
    // A fixed timestamp: output must be the same in both copies.
    format: format.combine(format.label({ label: 'bench' }), format.timestamp({ format: () => 'T' }), format.splat(), format.json()),
    defaultMeta: { service: 'bench' },
    transports: [new winston.transports.Stream({ stream: sink })],
  });
  const simple = winston.createLogger({ level: 'info', format: format.combine(format.colorize(), format.simple()), transports: [new winston.transports.Stream({ stream: sink })] });
  const child = logger.child({ request: 7 });
  const callsPerRun = 6;
  return {
    async run(times) {
      const target = written + times * callsPerRun;
      const done = new Promise<void>((resolve) => (waiting = { count: target, resolve }));
      for (let i = 0; i < times; i++) {
        logger.info('hello %s number %d', 'world', i);
        logger.debug({ message: 'object message', i, nested: { a: [1, 2] } });
        logger.log('warn', 'plain warning', { extra: true });
        child.error('from the child %o', { i });
        simple.info('simple line %s', 'x');
        logger.log({ level: 'http', message: 'entry object' });
      }
      if (written < target) await done;
    },
    output() {
      collect = true;
      return { lines, exports: Object.keys(winston).sort() };
    },
  };
}

/** ES module code with something for many of eslint-plugin-import's rules to say. */
const IMPORT_SAMPLE = `import fs from 'fs';
import { a } from './missing';
import { b } from './missing';
import * as path from 'path';
const x = 1;
import later from 'later';
export default function () { return [fs, a, b, path, later, x]; }
export const y = require('./other');
module.exports = { x };
`;

/** A Vue single-file component with something for many of eslint-plugin-vue's rules to say. */
const VUE_SAMPLE = `<template>
  <div id="app" v-bind:class="{ active: isActive }" @click="toggle">
    <my-item v-for="item in items" v-if="item.shown" :item="item"></my-item>
    <input v-model="message" type="text">
    <p v-html="raw" style="color: red">{{message}}</p>
    <span :key="1" v-on:click="count++">{{ count | money }}</span>
    <template v-slot:header><h1>{{ title }}</h1></template>
  </div>
</template>

<script>
export default {
  name: 'app',
  props: ['title', 'value'],
  data: { count: 0 },
  computed: {
    total() { this.count++; return this.items.length },
  },
  methods: { toggle() { this.isActive = !this.isActive } },
  watch: { value: function () { this.$emit('Changed') } },
}
</script>

<style scoped>
p { margin: 0 }
</style>
`;

/** An ESLint plugin a workload lints with: its rules' prefix, the sample, and a parser it needs. */
interface EslintPluginWorkload {
  prefix: string;
  sample: string;
  /** A parser package the sample needs, resolved from the plugin's own directory, and the file name it lints as. */
  parser?: { name: string; filename: string };
}

/** The ESLint plugins a workload lints with, by package name. */
const ESLINT_PLUGINS: Record<string, EslintPluginWorkload> = {
  'eslint-plugin-react': { prefix: 'react', sample: JSX_SAMPLE },
  'eslint-plugin-jsx-a11y': { prefix: 'jsx-a11y', sample: JSX_SAMPLE },
  'eslint-plugin-promise': { prefix: 'promise', sample: PROMISE_SAMPLE },
  'eslint-plugin-import': { prefix: 'import', sample: IMPORT_SAMPLE },
  'eslint-plugin-vue': { prefix: 'vue', sample: VUE_SAMPLE, parser: { name: 'vue-eslint-parser', filename: 'App.vue' } },
};

function eslintPluginWorkload(dir: string, eslintDir: string, { prefix, sample, parser }: EslintPluginWorkload): Workload {
  const { Linter } = require(eslintDir);
  const plugin = require(dir);
  const linter = new Linter();
  if (parser) linter.defineParser(parser.name, createRequire(join(dir, 'package.json'))(parser.name));
  const rules: Record<string, string> = {};
  for (const [name, rule] of Object.entries<any>(plugin.rules)) {
    if (rule.meta?.deprecated) continue;
    linter.defineRule(`${prefix}/${name}`, rule);
    rules[`${prefix}/${name}`] = 'error';
  }
  const config = {
    ...(parser && { parser: parser.name }),
    parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
    settings: { react: { version: '18.2.0' } },
    rules,
  };
  const options = parser ? { filename: parser.filename } : undefined;
  let messages: unknown[] = [];
  return {
    async run(times) {
      for (let i = 0; i < times; i++) messages = linter.verify(sample, config, options);
    },
    output() {
      const meta = Object.fromEntries(Object.entries<any>(plugin.rules).map(([name, rule]) => [name, rule.meta]));
      return { messages, meta, exports: Object.keys(plugin).sort(), ruleNames: Object.keys(plugin.rules), configs: Object.keys(plugin.configs) };
    },
  };
}

/** Model names the gateway workload routes: prefix matches across providers, and explicit `provider/model` names. */
const MODEL_NAMES = ['gpt-4o-mini', 'claude-3-5-sonnet', 'gemini-1.5-pro', 'mistral-large', 'command-r', 'llama3', 'meta.llama3-70b', 'groq/llama-3.1-8b-instant', 'text-embedding-3-small', 'phi3'];

/**
 * fixtures/gateway-cjs, built: each iteration resolves every model name to its provider
 * (`providerForModel`: the longest key of `MODEL_PREFIXES` a name starts with, then the value
 * at that key), which is the lookup every completion call does first.
 */
function gatewayWorkload(dir: string): Workload {
  const gateway = require(join(dir, 'dist/index.js'));
  let providers: string[] = [];
  return {
    async run(times) {
      for (let i = 0; i < times; i++) providers = MODEL_NAMES.map((model) => gateway.providerForModel(model));
    },
    output() {
      return { providers, exports: Object.keys(gateway).sort(), prefixes: Object.keys(gateway.MODEL_PREFIXES) };
    },
  };
}

const DATE = Date.UTC(2024, 1, 29, 13, 45, 30);

/**
 * date-fns (2.x, Babel's CommonJS): each iteration reads its functions through the index (a
 * getter per export) and formats and compares dates, which reads the English locale's tables
 * (`formatDistance`, `localize`, `match`: an object map of the locale's parts).
 */
function dateFnsWorkload(dir: string): Workload {
  const dateFns = require(dir);
  let results: unknown[] = [];
  return {
    async run(times) {
      for (let i = 0; i < times; i++) {
        const day = dateFns.addDays(DATE, i % 400);
        results = [
          dateFns.format(day, 'PPPP p'),
          dateFns.format(dateFns.addMonths(day, 1), "yyyy-MM-dd'T'HH:mm EEEE do MMMM"),
          dateFns.formatDistance(day, DATE, { addSuffix: true }),
          dateFns.differenceInCalendarDays(day, DATE),
          dateFns.isValid(day),
          dateFns.parse('7 March 2021', 'd MMMM yyyy', DATE).getTime(),
        ];
      }
    },
    output() {
      return { results, exports: Object.keys(dateFns).sort() };
    },
  };
}

const VALIDATOR_INPUTS = ['42', 'abc', 'a@b.co', '12.5', 'x', 'https://example.com'];

/**
 * validator (13.x): each iteration reads four validators from its map of about 110 and calls
 * them on a short string, so the map's reads are a fair share of the work.
 */
function validatorWorkload(dir: string): Workload {
  const validator = require(dir);
  let counts = [0, 0, 0, 0];
  return {
    async run(times) {
      counts = [0, 0, 0, 0];
      for (let i = 0; i < times; i++) {
        const text = VALIDATOR_INPUTS[i % VALIDATOR_INPUTS.length];
        if (validator.isInt(text)) counts[0]++;
        if (validator.isAlpha(text)) counts[1]++;
        if (validator.isNumeric(text)) counts[2]++;
        if (validator.isLength(text, { min: 2 })) counts[3]++;
      }
    },
    output() {
      return { counts, exports: Object.keys(validator) };
    },
  };
}

async function main(): Promise<void> {
  const [workloadName, dir, mode, iterationsText, eslintDir] = process.argv.slice(2);
  const plugin = workloadName === undefined ? undefined : ESLINT_PLUGINS[workloadName];
  const owned = { winston: winstonWorkload, 'gateway-cjs': gatewayWorkload, 'date-fns': dateFnsWorkload, validator: validatorWorkload };
  const own = workloadName !== undefined && Object.hasOwn(owned, workloadName);
  if (!dir || (mode !== 'time' && mode !== 'output') || (!own && plugin === undefined)) {
    console.error(`usage: hot-path-child.js ${Object.keys(owned).join('|')}|${Object.keys(ESLINT_PLUGINS).join('|')} <package dir> time|output [iterations] [eslint dir]`);
    process.exit(2);
  }
  const requireStart = performance.now();
  const workload = plugin !== undefined ? eslintPluginWorkload(dir, eslintDir ?? 'eslint', plugin) : owned[workloadName as keyof typeof owned](dir);
  const requireMs = performance.now() - requireStart;
  if (mode === 'output') {
    await workload.run(1);
    const output = workload.output();
    await workload.run(2);
    console.log(JSON.stringify(output));
    return;
  }
  const iterations = Number(iterationsText ?? 1000);
  await workload.run(Math.max(1, Math.round(iterations / 10))); // first use, and the JIT warms up
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await workload.run(iterations);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, requireMs }));
}

await main();
