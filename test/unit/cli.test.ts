import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, type ScanRecord } from '../../src/cli/cli';
import { bundledLayer, ROOT } from './helpers';

/** Runs the CLI in-process against real files; returns exit status and what it printed. */
function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const status = runCli(argv, {
    bundled: bundledLayer,
    readFile: (p) => readFileSync(path.resolve(ROOT, p), 'utf8'),
    out: (t) => (out += t),
    err: (t) => (err += t),
    version: '9.9.9',
  });
  return { status, out, err };
}

const EXAMPLE = 'examples/numbness-in-hands.md';

describe('CLI', () => {
  it('scan --json lists every term with offsets, line, column, text and entry', () => {
    const { status, out } = cli('scan', EXAMPLE, '--json');
    assert.equal(status, 0);
    const { terms } = JSON.parse(out) as { terms: ScanRecord[] };
    const text = readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const lines = text.split('\n');
    assert.ok(terms.length > 100);
    for (const t of terms) {
      assert.deepEqual(Object.keys(t), ['file', 'start', 'end', 'line', 'column', 'text', 'id', 'name', 'kind']);
      assert.equal(t.file, EXAMPLE);
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.equal(lines[t.line - 1].slice(t.column - 1, t.column - 1 + t.text.length), t.text.split('\n')[0]);
    }
    const ms = terms.find((t) => t.text === 'MS')!;
    assert.deepEqual([ms.id, ms.name, ms.kind], ['multiple-sclerosis', 'multiple sclerosis', 'condition']);
    assert.ok(!terms.some((t) => t.line <= 6), 'front matter was scanned');
  });

  it('scan prints file:line:column lines for people', () => {
    const { out } = cli('scan', 'test/fixtures/edge-cases.md');
    assert.match(out, /^test\/fixtures\/edge-cases\.md:\d+:\d+\tSjogren's\tSjögren's syndrome \(sjogrens-syndrome, condition\)$/m);
  });

  it('scan reports an unreadable file by name, scans the others, and exits 1', () => {
    const { status, out, err } = cli('scan', 'no/such/file.md', EXAMPLE, '--json');
    assert.equal(status, 1);
    assert.match(err, /^no\/such\/file\.md:1: error: cannot read the file/m);
    assert.ok(JSON.parse(out).terms.length > 100);
  });

  it('search --json ranks entries as completion does', () => {
    const { status, out } = cli('search', 'carpel', 'tun', '--limit', '3', '--json');
    assert.equal(status, 0);
    const { query, results } = JSON.parse(out);
    assert.equal(query, 'carpel tun');
    assert.ok(results.length <= 3);
    assert.deepEqual(Object.keys(results[0]), ['id', 'name', 'kind', 'score']);
    assert.ok(results.some((r: { id: string }) => r.id === 'carpal-tunnel-syndrome'));
  });

  it('card prints the card for an id, a term as written, or the closest match', () => {
    assert.match(cli('card', 'multiple-sclerosis').out, /^### multiple sclerosis \(MS\)/);
    assert.match(cli('card', "Sjogren's").out, /^### Sjögren's syndrome/);
    const fuzzy = cli('card', 'rhuematoid');
    assert.match(fuzzy.out, /^### rheumatoid arthritis/);
    assert.match(fuzzy.err, /no exact match/);
    const none = cli('card', 'zzzzqqqq');
    assert.equal(none.status, 1);
    assert.match(none.err, /no entry matches "zzzzqqqq"/);
  });

  it('reports a broken --kb layer with file and line and keeps working', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'medterms-cli-'));
    const bad = path.join(dir, 'team.json');
    writeFileSync(bad, '{\n  "entries": [\n    { "id": "Bad Id", "kind": "condition", "name": "x" },\n    { "id": "team-term", "kind": "condition", "name": "frobnitis" }\n  ]\n}\n');
    const { status, out, err } = cli('--kb', bad, 'card', 'frobnitis');
    assert.equal(status, 1);
    assert.match(err, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: error: entries\\[0\\]\\.id`));
    assert.match(out, /^### frobnitis/);
  });

  it('answers usage errors with status 2 and the usage text', () => {
    for (const argv of [[], ['frobnicate'], ['scan'], ['search', 'x', '--limit', 'many']]) {
      const { status, err } = cli(...argv);
      assert.equal(status, 2, argv.join(' '));
      assert.match(err, /Usage: medterms/);
    }
    assert.equal(cli('--version').out, '9.9.9\n');
  });

  it('runs as the built `medterms` bin', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'search', 'G35', '--json'], { encoding: 'utf8' });
    assert.equal(JSON.parse(out).results[0].id, 'multiple-sclerosis');
  });
});
