// Real on real: aws-sdk@2.1693.0 (a devDependency, pinned exactly), applied on a temp copy and
// compared with the original in child processes: the same export names, and clients that send
// the same requests to a local HTTP server on 127.0.0.1 and read its answers the same way (DynamoDB
// JSON with pagination through JMESPath, an error response, S3 XML through xml2js), and a
// service-specific `AWS.config.update({ sqs })` that reaches the next SQS client. Its 385-client
// registry (clients/all.js) stays eager, with the reason: lib/aws.js requires it only for the
// clients' own `AWS.S3 = Service.defineService(...)`, and getters on AWS would postpone
// defineService, which records the service names Config.update keeps (a getter copy of all.js
// drops that sqs setting). Require times before / after are printed, never asserted.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { apply } from '../../src/index.js';
import { copyInstalledPackage, removePackageCopy } from '../../bench/installed-package-copy.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const copies: string[] = [];
after(() => copies.forEach(removePackageCopy));

const env = { ...process.env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1', AWS_SDK_LOAD_CONFIG: '', AWS_PROFILE: '', AWS_REGION: 'us-east-1' };

function node(code: string): string {
  const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 120_000, env });
  assert.equal(run.status, 0, run.stderr.split('\n').slice(0, 12).join('\n'));
  return run.stdout;
}

/** What the package does against a local server: exports, requests seen (minus signatures and dates), results. */
function probe(dir: string): unknown {
  return JSON.parse(
    node(`
      const http = require('node:http');
      const AWS = require(${JSON.stringify(dir)});
      const seen = [];
      const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const target = req.headers['x-amz-target'];
          seen.push({ method: req.method, url: req.url, target, contentType: req.headers['content-type'], body });
          if (target === 'DynamoDB_20120810.ListTables') {
            const first = !JSON.parse(body).ExclusiveStartTableName;
            res.setHeader('content-type', 'application/x-amz-json-1.0');
            return res.end(JSON.stringify(first ? { TableNames: ['a', 'b'], LastEvaluatedTableName: 'b' } : { TableNames: ['c'] }));
          }
          if (target === 'DynamoDB_20120810.DescribeTable') {
            res.statusCode = 400;
            res.setHeader('content-type', 'application/x-amz-json-1.0');
            return res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'no table x' }));
          }
          res.setHeader('content-type', 'application/xml');
          res.end('<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Owner><ID>owner-1</ID></Owner><Buckets><Bucket><Name>bucket-1</Name><CreationDate>2020-01-02T03:04:05.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>');
        });
      });
      server.listen(0, '127.0.0.1', async () => {
        const endpoint = 'http://127.0.0.1:' + server.address().port;
        const credentials = new AWS.Credentials('AKIDEXAMPLE', 'secret');
        // Service-specific settings before any client of that service is read: Config.update keeps
        // only keys of services Service.defineService has recorded, which lazy getters on AWS.SQS
        // (each client's module runs defineService) would postpone, dropping the setting.
        AWS.config.update({ sqs: { region: 'eu-west-1' } });
        const sqsRegion = new AWS.SQS({ credentials }).config.region;
        const ddb = new AWS.DynamoDB({ endpoint, region: 'us-east-1', credentials, maxRetries: 0 });
        const pages = [];
        await new Promise((resolve, reject) => ddb.listTables({ Limit: 2 }).eachPage((err, data) => {
          if (err) return reject(err);
          if (data === null) return resolve();
          pages.push(data.TableNames);
        }));
        const error = await ddb.describeTable({ TableName: 'x' }).promise().then(() => null, (e) => ({ code: e.code, message: e.message, statusCode: e.statusCode }));
        const s3 = new AWS.S3({ endpoint, region: 'us-east-1', credentials, s3ForcePathStyle: true, maxRetries: 0 });
        const buckets = await s3.listBuckets().promise();
        server.close();
        const names = Object.keys(AWS).sort();
        process.stdout.write(JSON.stringify({ names, version: AWS.VERSION, sqsRegion, pages, error, buckets: JSON.parse(JSON.stringify(buckets)), seen }));
      });
    `),
  );
}

/** Median wall time of a cold require of `dir` over 3 fresh processes. */
function requireMs(dir: string): number {
  const times = [0, 1, 2].map(() => Number(node(`const s = performance.now(); require(${JSON.stringify(dir)}); process.stdout.write(String(performance.now() - s))`)));
  return times.sort((a, b) => a - b)[1]!;
}

test('aws-sdk@2.1693.0: after apply, the same exports and the same requests and results against a local server', { timeout: 900_000 }, async () => {
  const original = copyInstalledPackage(repoRoot, 'aws-sdk', 'aws-sdk-original');
  copies.push(original);
  const applied = copyInstalledPackage(repoRoot, 'aws-sdk', 'aws-sdk-applied');
  copies.push(applied);
  const result = await apply(applied, { force: true });
  assert.ok(
    skippedLines(result.skipped).includes(
      'stays-eager registry:clients/all.js:module.exports: module.exports stays eager: lib/aws.js:6 loads clients/all.js only for its side effects, which lazy entries would no longer run (its providers are not loaded until a key is read); ' +
        "its 385 providers each assign themselves on lib/core.js's export (clients/acm.js:7 AWS.ACM = Service.defineService(...)), but lazy getters there are not provably safe: " +
        'Service.defineService runs at load (clients/acm.js:7), and what else it does would wait for the first read of the key',
    ),
    skippedLines(result.skipped.filter((s) => s.finding?.startsWith('registry:'))).join('\n'),
  );
  assert.deepEqual(result.operations.filter((o) => o.failed), []);
  const before = probe(original) as { names: string[]; sqsRegion: string; pages: string[][]; seen: unknown[] };
  // The comparison means something only if the clients really talked to the server.
  assert.ok(before.names.length > 380, `${before.names.length} exports`);
  assert.deepEqual(before.pages, [['a', 'b'], ['c']]);
  assert.equal(before.seen.length, 4);
  assert.equal(before.sqsRegion, 'eu-west-1');
  assert.deepEqual(probe(applied), before);
  const ms = { before: requireMs(original), after: requireMs(applied) };
  console.log(`aws-sdk: require before ${ms.before.toFixed(1)} ms, after ${ms.after.toFixed(1)} ms; ${result.plan.operations.length} operations (${[...new Set(result.plan.operations.map((o) => o.transform))].join(', ') || 'none'})`);
});
