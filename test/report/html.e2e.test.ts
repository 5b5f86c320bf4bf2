// The HTML report end to end: the CLI measures a temp project and writes the page; a real
// headless Chromium (Debian's, driven by playwright-core) opens it offline, the chart must be
// drawn and a click must show the module's details and import chain.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { repoRoot } from '../helpers/copy-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'lazify-html-e2e-'));
after(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

const busy = (n: number) => `let s = 0; for (let i = 0; i < ${n}; i++) s += i;\n`;

test('importtime --format html renders an icicle chart; clicking a module shows its details', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed (.ci/run installs it)`, timeout: 120_000 }, async () => {
  write('app/package.json', '{"name":"app","main":"index.js"}');
  write('app/index.js', "require('./providers');\nrequire('./utils');\n");
  write('app/providers.js', `require('./sdk/openai');\nrequire('./sdk/anthropic');\n${busy(2e5)}`);
  write('app/sdk/openai.js', busy(3e6));
  write('app/sdk/anthropic.js', busy(2e6));
  write('app/utils.js', `require('./tokenizer');\n${busy(1e6)}`);
  write('app/tokenizer.js', busy(4e6));

  const html = execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/index.ts'), 'importtime', join(work, 'app'), '--format', 'html', '--runs', '2'], {
    encoding: 'utf8',
    cwd: repoRoot,
  });
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=["']?https?:/i, 'nothing is fetched at view time');
  const page = join(work, 'report.html');
  writeFileSync(page, html);

  const profile = join(work, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(pathToFileURL(page).href);

    const modules = tab.locator('#chart svg g.module');
    assert.equal(await modules.count(), 6, 'one rect per module');
    const ids = await modules.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')));
    assert.deepEqual(new Set(ids), new Set(['index.js', 'providers.js', 'sdk/openai.js', 'sdk/anthropic.js', 'utils.js', 'tokenizer.js']));
    const widths = await tab.locator('#chart svg g.module rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    assert.ok(widths.every((w) => w > 0), `all rects drawn: ${widths.join(', ')}`);
    // The root spans the chart: children never stick out of their parent.
    assert.ok(Math.max(...widths) === widths[0]);

    await tab.locator('#chart svg g.module[data-id="tokenizer.js"] rect').click();
    assert.equal(await tab.locator('#details h2').textContent(), 'tokenizer.js');
    const chain = await tab.locator('#details .chain li').allTextContents();
    assert.deepEqual(chain, ['index.js', 'utils.js', 'tokenizer.js']);
    assert.match((await tab.locator('#details dl').textContent()) ?? '', /cumulative\s*[\d.]+ ms/);
    assert.equal(await tab.locator('#chart svg g.selected').getAttribute('data-id'), 'tokenizer.js');

    // A module link in the details panel selects that module too.
    await tab.locator('#details .chain a', { hasText: 'utils.js' }).click();
    assert.equal(await tab.locator('#details h2').textContent(), 'utils.js');

    await tab.screenshot({ path: join(work, 'report.png'), fullPage: true });
    if (process.env.LAZIFY_KEEP_SCREENSHOT) await tab.screenshot({ path: process.env.LAZIFY_KEEP_SCREENSHOT, fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
  } finally {
    await context.close();
  }
});
