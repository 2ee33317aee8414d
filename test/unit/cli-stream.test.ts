import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkText, runCli, scanText } from '../../src/cli/cli';
import { ChunkedWriter, CHUNK_SIZE, jsonText, writeJsonList } from '../../src/cli/output';
import { KnowledgeBase } from '../../src/core';
import { bundledLayer, ROOT } from './helpers';

// `scan --json` and `check --json` are written a record at a time in bounded chunks: their output
// can pass V8's longest string (about 512 MB), which crashed with `RangeError: Invalid string
// length`. The bytes are the same as the one-string output was.

/** Runs the CLI in-process; returns exit status, every chunk written to out, and stderr. */
function cli(files: Record<string, string>, ...argv: string[]) {
  const chunks: string[] = [];
  let err = '';
  const status = runCli(argv, {
    bundled: bundledLayer,
    readFile: (p) => files[p] ?? readFileSync(path.resolve(ROOT, p), 'utf8'),
    out: (t) => chunks.push(t),
    err: (t) => (err += t),
    version: '0',
    today: () => '2026-12-06',
  });
  return { status, chunks, out: chunks.join(''), err };
}

const EXAMPLE = 'examples/numbness-in-hands.md';
const CHECKED = '# Notes\n\nMS can cause paresthesia.\n\nMultiple sclerosis is common. Sjogren’s too.\n';

describe('streamed CLI output', () => {
  const kb = () => new KnowledgeBase([bundledLayer()]);

  it('scan --json is byte for byte the one-string JSON of before', () => {
    const files = { 'b.md': 'No terms here.\n' };
    const { out } = cli(files, 'scan', EXAMPLE, 'b.md', '--json');
    const text = readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const terms = [...scanText(kb(), EXAMPLE, text), ...scanText(kb(), 'b.md', files['b.md'])];
    assert.ok(terms.length > 100);
    assert.equal(out, `${JSON.stringify({ terms }, null, 2)}\n`);
  });

  it('check --json is byte for byte the one-string JSON of before, fixes and all', () => {
    const files = { 'c.md': CHECKED };
    const { out } = cli(files, 'check', 'c.md', '--json');
    const findings = checkText(kb(), 'c.md', CHECKED, [], '2026-12-06');
    assert.ok(findings.some((f) => f.fixes.length > 0));
    assert.equal(out, `${JSON.stringify({ findings }, null, 2)}\n`);
  });

  it('writes an empty list as before', () => {
    assert.equal(cli({ 'e.md': 'Nothing.\n' }, 'scan', 'e.md', '--json').out, '{\n  "terms": []\n}\n');
    assert.equal(cli({ 'e.md': 'Nothing.\n' }, 'check', 'e.md', '--json').out, '{\n  "findings": []\n}\n');
  });

  it('writeJsonList equals JSON.stringify for any records', () => {
    const records = [{ a: 1, b: [1, { c: 'x\ny' }], d: {} }, [], 'str', null, { e: [] }, { quote: '"\\' }];
    for (let n = 0; n <= records.length; n++) {
      let out = '';
      const writer = new ChunkedWriter((t) => (out += t), 7);
      writeJsonList(writer, 'items', records.slice(0, n));
      writer.end();
      assert.equal(out, `${JSON.stringify({ items: records.slice(0, n) }, null, 2)}\n`);
    }
  });

  it('writes a large result in many chunks of bounded size that join to the same JSON', () => {
    // 30,000 terms: some 7 MB of JSON, never held as one string.
    const doc = 'MS can cause paresthesia and neuropathy. Multiple sclerosis, carpal tunnel syndrome.\n'.repeat(6_000);
    const { out, chunks } = cli({ 'big.md': doc }, 'scan', 'big.md', '--json');
    assert.ok(chunks.length > 50, `${chunks.length} chunks`);
    assert.ok(chunks.every((c) => c.length <= CHUNK_SIZE));
    const { terms } = JSON.parse(out) as { terms: unknown[] };
    assert.ok(terms.length >= 30_000, `${terms.length} terms`);
    assert.equal(out, `${JSON.stringify({ terms: scanText(kb(), 'big.md', doc) }, null, 2)}\n`);
    // The text output is chunked the same way.
    const text = cli({ 'big.md': doc }, 'scan', 'big.md');
    assert.ok(text.chunks.length > 20 && text.chunks.every((c) => c.length <= CHUNK_SIZE));
    assert.equal(text.out.split('\n').length - 1, terms.length);
    // And check.
    const check = cli({ 'big.md': doc }, 'check', 'big.md', '--json');
    assert.ok(check.chunks.length > 1 && check.chunks.every((c) => c.length <= CHUNK_SIZE));
    assert.ok((JSON.parse(check.out) as { findings: unknown[] }).findings.length > 0);
  });

  it('never splits a surrogate pair between chunks', () => {
    const chunks: string[] = [];
    const writer = new ChunkedWriter((t) => chunks.push(t), 4);
    writer.write('abc😀def😀😀g');
    writer.end();
    assert.equal(chunks.join(''), 'abc😀def😀😀g');
    for (const c of chunks) assert.ok(c.length <= 4 && !/[\ud800-\udbff]$/.test(c) && !/^[\udc00-\udfff]/.test(c), JSON.stringify(chunks));
  });

  it('writes C1 controls and bidirectional overrides as \\u escapes, the same value to JSON', () => {
    const value = { s: 'a\u009b31m\u202eb\u2028c\u007f' };
    assert.equal(jsonText(value), '{\n  "s": "a\\u009b31m\\u202eb\\u2028c\\u007f"\n}');
    assert.deepEqual(JSON.parse(jsonText(value)), value);
  });
});
