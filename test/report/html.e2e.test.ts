// The HTML report end to end: the CLI measures a temp project and writes the page; a real
// headless Chromium (Debian's, driven by playwright-core) opens it offline. The chart must be
// drawn with a time axis, one colour per package and a legend; a click zooms into a subtree and
// the breadcrumb leads back; the chart follows the window's width; analyze's page lists the
// findings before the chart; a before/after page switches between the two measurements.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../helpers/copy-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && `${CHROMIUM} is not installed (.ci/run installs it)`;
const work = mkdtempSync(join(tmpdir(), 'lazify-html-e2e-'));
let context: BrowserContext | undefined;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

const busy = (n: number) => `let s = 0; for (let i = 0; i < ${n}; i++) s += i;\n`;

function lazify(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/index.ts'), ...args], { encoding: 'utf8', cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 });
}

/** Opens a page, failing the test on any script error or any request that leaves the file. */
async function open(html: string, name: string, viewport = { width: 1280, height: 800 }): Promise<{ tab: Page; done: () => Promise<void> }> {
  const page = join(work, `${name}.html`);
  writeFileSync(page, html);
  const tab = await context!.newPage();
  await tab.setViewportSize(viewport);
  const errors: string[] = [];
  const requests: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('request', (request) => requests.push(request.url()));
  await tab.goto(pathToFileURL(page).href);
  return {
    tab,
    done: async () => {
      await tab.screenshot({ path: join(work, `${name}.png`), fullPage: true });
      if (process.env.LAZIFY_KEEP_SCREENSHOTS) await tab.screenshot({ path: join(process.env.LAZIFY_KEEP_SCREENSHOTS, `${name}.png`), fullPage: true });
      await tab.close();
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
    },
  };
}

const moduleIds = (tab: Page) => tab.locator('#chart svg g.module').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')));
const rectWidth = (tab: Page, id: string) =>
  tab.locator(`#chart svg g.module:not(.ancestor)[data-id="${id}"] rect`).evaluate((r) => r.getBoundingClientRect().width);

before(async () => {
  if (skip) return;
  // An app with its own modules and two packages, each module busy for a while.
  write('app/package.json', '{"name":"app","main":"index.js"}');
  write('app/index.js', "require('./providers');\nrequire('./utils');\n");
  write('app/providers.js', `require('sdk-openai');\nrequire('sdk-anthropic');\n${busy(2e5)}`);
  write('app/node_modules/sdk-openai/package.json', '{"name":"sdk-openai","version":"1.0.0","main":"index.js"}');
  write('app/node_modules/sdk-openai/index.js', `require('./client');\n${busy(1e6)}`);
  write('app/node_modules/sdk-openai/client.js', busy(2e6));
  write('app/node_modules/sdk-anthropic/package.json', '{"name":"sdk-anthropic","version":"1.0.0","main":"index.js"}');
  write('app/node_modules/sdk-anthropic/index.js', busy(2e6));
  write('app/utils.js', `require('./tokenizer');\n${busy(1e6)}`);
  write('app/tokenizer.js', busy(4e6));
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true });
});

test('importtime --format html: icicle chart with a time axis, a colour per package and a legend; a click zooms in, the breadcrumb zooms out', { skip, timeout: 120_000 }, async () => {
  const html = lazify('importtime', join(work, 'app'), '--format', 'html', '--runs', '2');
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=["']?https?:/i, 'nothing is fetched at view time');
  const { tab, done } = await open(html, 'importtime');

  const all = ['index.js', 'providers.js', 'sdk-openai/index.js', 'sdk-openai/client.js', 'sdk-anthropic/index.js', 'utils.js', 'tokenizer.js'];
  assert.deepEqual(new Set(await moduleIds(tab)), new Set(all), 'one bar per module');
  const widths = await tab.locator('#chart svg g.module rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
  assert.ok(widths.every((w) => w > 0), `all rects drawn: ${widths.join(', ')}`);
  assert.ok(Math.max(...widths) === widths[0], 'the root spans the chart: children never stick out of their parent');

  // Colours: one per package, the same for all of a package's modules, none like the project's.
  const fill = (id: string) => tab.locator(`#chart svg g.module[data-id="${id}"] rect`).getAttribute('fill');
  const [openai, openaiClient, anthropic, local] = await Promise.all([fill('sdk-openai/index.js'), fill('sdk-openai/client.js'), fill('sdk-anthropic/index.js'), fill('utils.js')]);
  assert.equal(openai, openaiClient);
  assert.notEqual(openai, anthropic);
  assert.notEqual(openai, local);
  assert.notEqual(anthropic, local);
  const legend = await tab.locator('#legend li').allTextContents();
  assert.equal(legend[0], 'project module');
  assert.ok(legend.some((l) => l.startsWith('sdk-openai ')) && legend.some((l) => l.startsWith('sdk-anthropic ')), legend.join(' | '));
  const legendColour = await tab.locator('#legend li', { hasText: 'sdk-anthropic' }).locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
  const barColour = await tab.locator('#chart svg g.module[data-id="sdk-anthropic/index.js"] rect').evaluate((r) => getComputedStyle(r).fill);
  assert.equal(legendColour, barColour, 'the legend shows the colour the bars have');

  // The time axis starts at 0 ms and its ticks stay inside the chart.
  const ticks = await tab.locator('#chart svg g.axis text').allTextContents();
  assert.ok(ticks.length >= 3, ticks.join(', '));
  assert.equal(ticks[0], '0 ms');
  assert.ok(ticks.every((t) => /^\d+(\.\d)? ms$/.test(t)), ticks.join(', '));

  // A click zooms into utils.js: it spans the chart, its ancestors sit above it, nothing else shows.
  const fullWidth = widths[0]!;
  await tab.locator('#chart svg g.module[data-id="utils.js"] rect').click();
  assert.equal(await tab.locator('#details h2').textContent(), 'utils.js');
  assert.deepEqual(await moduleIds(tab), ['index.js', 'utils.js', 'tokenizer.js']);
  assert.ok(Math.abs((await rectWidth(tab, 'utils.js')) - fullWidth) < 2, 'the focused module spans the chart');
  assert.equal(await tab.locator('#breadcrumb').textContent(), 'all modules \u203a index.js \u203a utils.js');
  assert.equal(await tab.locator('#chart svg g.selected').getAttribute('data-id'), 'utils.js');

  // Deeper, then back out by the breadcrumb.
  await tab.locator('#chart svg g.module[data-id="tokenizer.js"] rect').click();
  assert.equal(await tab.locator('#details h2').textContent(), 'tokenizer.js');
  assert.deepEqual(await tab.locator('#details .chain li').allTextContents(), ['index.js', 'utils.js', 'tokenizer.js']);
  assert.match((await tab.locator('#details dl').textContent()) ?? '', /cumulative\s*[\d.]+ ms/);
  await tab.locator('#breadcrumb a', { hasText: 'utils.js' }).click();
  assert.deepEqual(await moduleIds(tab), ['index.js', 'utils.js', 'tokenizer.js']);
  await tab.locator('#breadcrumb a', { hasText: 'all modules' }).click();
  assert.deepEqual(new Set(await moduleIds(tab)), new Set(all));

  // A module link in the details panel selects that module too.
  await tab.locator('#chart svg g.module[data-id="tokenizer.js"] rect').click();
  await tab.locator('#details .chain a', { hasText: 'index.js' }).click();
  assert.equal(await tab.locator('#details h2').textContent(), 'index.js');

  // The chart follows the window's width.
  const wide = await tab.locator('#chart svg').evaluate((s) => s.getBoundingClientRect().width);
  await tab.setViewportSize({ width: 800, height: 800 });
  await tab.waitForFunction((w) => document.querySelector('#chart svg')!.getBoundingClientRect().width < w - 100, wide);
  const narrow = await tab.locator('#chart svg').evaluate((s) => s.getBoundingClientRect().width);
  const room = await tab.locator('#chart').evaluate((c) => c.clientWidth);
  assert.ok(narrow <= room, `the chart fits its box after the resize (${narrow} <= ${room})`);
  await done();
});

test('analyze --format html lists the findings, severity as a word, before the chart', { skip, timeout: 120_000 }, async () => {
  const html = lazify('analyze', join(repoRoot, 'fixtures/gateway-js'), '--format', 'html', '--runs', '1');
  const { tab, done } = await open(html, 'analyze');
  const findings = tab.locator('#findings li.finding');
  assert.ok((await findings.count()) >= 3);
  const first = await findings.first().textContent();
  assert.match(first ?? '', /^(high|medium|low) (registry|eager-init|global-side-effect|god-module|cycle|heavy-import) \S+:\d+/);
  const order = await tab.evaluate(() => {
    const f = document.getElementById('findings')!;
    const c = document.getElementById('chart')!;
    return f.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the findings come before the chart');
  assert.ok((await tab.locator('#chart svg g.module').count()) > 1);
  await done();
});

test('importtime --compare before.json after.json: totals, the modules that changed, and a chart of either side', { skip, timeout: 120_000 }, async () => {
  write('before.json', lazify('importtime', join(work, 'app'), '--format', 'json', '--runs', '2'));
  // The "after" app loads its providers only when asked.
  write('app/index.js', "exports.providers = () => require('./providers');\nrequire('./utils');\n");
  write('after.json', lazify('importtime', join(work, 'app'), '--format', 'json', '--runs', '2'));
  write('app/index.js', "require('./providers');\nrequire('./utils');\n");

  const text = lazify('importtime', '--compare', join(work, 'before.json'), join(work, 'after.json'));
  assert.match(text, /^import time of index\.js: [\d.]+ ms -> [\d.]+ ms \([\d.]+x (faster|slower)\), 7 modules -> 3 modules: 4 no longer loaded, 0 new/);
  assert.match(text, /sdk-openai\/client\.js  \(not loaded after\)/);

  const { tab, done } = await open(lazify('importtime', '--compare', join(work, 'before.json'), join(work, 'after.json'), '--format', 'html'), 'compare');
  const rows = await tab.locator('#changes tbody tr').allTextContents();
  assert.ok(rows.some((r) => r.startsWith('sdk-openai/client.js') && r.includes('not loaded')), rows.join('\n'));
  assert.deepEqual(new Set(await moduleIds(tab)), new Set(['index.js', 'utils.js', 'tokenizer.js']), 'the chart shows the after side first');
  await tab.locator('#measurement button', { hasText: 'before' }).click();
  assert.equal(await tab.locator('#chart svg g.module').count(), 7);
  assert.equal(await tab.locator('#measurement button[aria-pressed="true"]').textContent(), 'before');
  await done();
});

test('importtime --format speedscope writes a profile speedscope reads: every module opens and closes, nested', { skip: false, timeout: 60_000 }, () => {
  const profile = JSON.parse(lazify('importtime', join(repoRoot, 'fixtures/gateway-js'), '--format', 'speedscope', '--runs', '1'));
  assert.equal(profile.$schema, 'https://www.speedscope.app/file-format-schema.json');
  const [p] = profile.profiles;
  assert.equal(p.type, 'evented');
  const stack: number[] = [];
  let last = 0;
  for (const event of p.events) {
    assert.ok(event.at >= last, 'events in time order');
    last = event.at;
    if (event.type === 'O') stack.push(event.frame);
    else assert.equal(stack.pop(), event.frame, 'a frame closes after the frames it opened');
  }
  assert.equal(stack.length, 0);
  assert.equal(p.endValue, last);
  assert.ok(profile.shared.frames.length > 5);
});
