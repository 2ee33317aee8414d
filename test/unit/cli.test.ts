import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, type CheckRecord, type ScanRecord } from '../../src/cli/cli';
import { bundledLayer, ROOT } from './helpers';

/** A Markdown file in a fresh temporary folder; returns its path. */
function tempMarkdown(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'medterms-cli-')), 'article.md');
  writeFileSync(file, text);
  return file;
}

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
    today: () => '2026-12-06',
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

  it('check prints file:line:column, rule and message for each finding, and exits 1', () => {
    const file = tempMarkdown('# Notes\n\nMS can cause paresthesia.\n\nMultiple sclerosis is common.\n');
    const { status, out } = cli('check', file);
    assert.equal(status, 1);
    assert.equal(
      out,
      `${file}:3:1\tabbreviation\tSpell out “MS” at first use: “Multiple sclerosis (MS)”.\n` +
        `${file}:3:14\tjargon\t“paresthesia” is medical jargon; readers may know it as “pins and needles or tingling”.\n`,
    );
  });

  it('check --json gives offsets, line, column, rule, message and fixes', () => {
    const text = 'Some feel paresthesia.\n';
    const { status, out } = cli('check', tempMarkdown(text), '--json');
    assert.equal(status, 1);
    const { findings } = JSON.parse(out) as { findings: CheckRecord[] };
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.deepEqual(Object.keys(f), ['file', 'start', 'end', 'line', 'column', 'rule', 'message', 'fixes']);
    assert.deepEqual([f.start, f.end, f.line, f.column, f.rule, text.slice(f.start, f.end)], [10, 21, 1, 11, 'jargon', 'paresthesia']);
    assert.deepEqual(f.fixes[0], { title: 'Replace with “pins and needles or tingling”', start: 10, end: 21, replacement: 'pins and needles or tingling' });
  });

  it('check exits 0 on the example article, and takes allowed abbreviations', () => {
    assert.deepEqual(cli('check', EXAMPLE), { status: 0, out: '', err: '' });
    const file = tempMarkdown('An MRI shows the brain.\n');
    assert.equal(cli('check', file).status, 1);
    assert.deepEqual(cli('check', file, '--allow', 'MRI', '--json'), { status: 0, out: '{\n  "findings": []\n}\n', err: '' });
  });

  it('check reports an unreadable file, checks the others, and exits 1', () => {
    const { status, out, err } = cli('check', 'no/such/file.md', EXAMPLE);
    assert.equal(status, 1);
    assert.match(err, /^no\/such\/file\.md:1: error: cannot read the file/m);
    assert.equal(out, '');
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
    for (const argv of [[], ['frobnicate'], ['scan'], ['check'], ['check', EXAMPLE, '--allow'], ['search', 'x', '--limit', 'many']]) {
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
