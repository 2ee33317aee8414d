import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, type CheckRecord, type ScanRecord, type SnippetBlockRecord, type SnippetRecord } from '../../src/cli/cli';
import { CLOSE_MARKER, openMarker } from '../../src/core';
import { COMPLETION_CASES } from './completionTable';
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

  it('complete --json gives, for every sentence ending of the completion table, the first entry and where its replacement starts', function () {
    this.timeout(60_000); // each run of the CLI builds its own search index, as a process does
    for (const { before, replaces, first } of COMPLETION_CASES) {
      const { status, out } = cli('complete', before, '--json');
      assert.equal(status, 0, before);
      const answer = JSON.parse(out);
      assert.deepEqual(Object.keys(answer), ['text', 'query', 'replaceStart', 'items']);
      assert.equal(answer.text, before);
      assert.equal(answer.replaceStart, before.length - replaces.length, before);
      assert.deepEqual(Object.keys(answer.items[0]), ['id', 'name', 'kind', 'score', 'replaceStart', 'text']);
      assert.equal(answer.items[0].id, first, before);
      assert.ok(answer.items.every((i: { replaceStart: number }) => i.replaceStart === answer.replaceStart));
    }
  });

  it('complete ranks as search does for the replaced words, and says when there is nothing to offer', () => {
    const completed = JSON.parse(cli('complete', 'Some people with rhuem', '--limit', '5', '--json').out);
    const searched = JSON.parse(cli('search', 'rhuem', '--limit', '5', '--json').out);
    assert.deepEqual(
      completed.items.map((i: { id: string }) => i.id),
      searched.results.map((r: { id: string }) => r.id),
    );
    assert.match(cli('complete', 'A feeling of pins and nee').out, /^Replaces “pins and nee” \(from offset 13\) with:\n 1\. [\d.]+ {2}pins and needles {2}\(paresthesia, symptom\)/);
    const none = cli('complete', 'Some people with', '--json');
    assert.equal(none.status, 0);
    assert.deepEqual(JSON.parse(none.out), { text: 'Some people with', query: null, replaceStart: null, items: [] });
    assert.equal(cli('complete').status, 2);
  });

  it('search says when a long query was cut to its first words', () => {
    const long = cli('search', 'numbness '.repeat(40), '--json');
    assert.equal(long.status, 0);
    assert.match(long.err, /only the first 200 characters of the query were searched/);
    assert.equal(cli('search', 'numbness', '--json').err, '');
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
    assert.match(err, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: error: entries\\[0\\]\\.id`));
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

  describe('snippets', () => {
    const MS = 'multiple-sclerosis-what-it-is';
    /** The marked block `medterms snippet ID --json` prints. */
    const block = (id: string) => JSON.parse(cli('snippet', id, '--json').out) as SnippetBlockRecord;

    it('snippets --json lists every snippet with its id, title, version, status, review and terms', () => {
      const { status, out, err } = cli('snippets', '--json');
      assert.deepEqual([status, err], [0, '']);
      const { snippets } = JSON.parse(out) as { snippets: SnippetRecord[] };
      assert.ok(Array.isArray(snippets) && snippets.length >= 60, `${snippets.length}`);
      for (const r of snippets) {
        assert.deepEqual(Object.keys(r), ['id', 'title', 'version', 'status', 'review', 'reviewedBy', 'reviewedOn', 'reviewDue', 'terms', 'file']);
        assert.equal(typeof r.version, 'number');
        assert.match(r.reviewDue, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(Array.isArray(r.terms) && r.terms.length > 0);
      }
      const ms = snippets.find((r) => r.id === MS)!;
      assert.deepEqual(
        [ms.title, ms.status, ms.review, ms.reviewedBy, ms.terms[0], ms.file],
        ['What multiple sclerosis is', 'vetted', 'source-checked', 'MedTerms writer', 'multiple-sclerosis', `data/snippets/${MS}.md`],
      );
    });

    it('snippets prints one line per snippet for people', () => {
      const { status, out } = cli('snippets');
      assert.equal(status, 0);
      const line = out.split('\n').find((l) => l.startsWith(`${MS}\t`));
      assert.ok(line, out);
      assert.match(line, /^\S+\tv1\tvetted\t/);
      assert.match(line, /\treview due \d{4}-\d{2}-\d{2}\tWhat multiple sclerosis is\t\(multiple-sclerosis, myelin, autoimmune-disease\)$/);
      assert.equal(out.trimEnd().split('\n').length, (JSON.parse(cli('snippets', '--json').out) as { snippets: unknown[] }).snippets.length);
    });

    it('snippet ID --json gives the id, version, hash and the marked block, as text and in snippet syntax', () => {
      const { status, out } = cli('snippet', 'stroke-when-to-get-emergency-help', '--json');
      assert.equal(status, 0);
      const r = JSON.parse(out) as SnippetBlockRecord;
      assert.deepEqual(Object.keys(r), ['id', 'version', 'hash', 'text', 'snippet']);
      assert.equal(r.id, 'stroke-when-to-get-emergency-help');
      assert.match(r.hash, /^[0-9a-f]{8}$/);
      const opening = openMarker(r.id, r.version, r.hash);
      for (const text of [r.text, r.snippet]) {
        assert.ok(text.startsWith(`${opening}\n`), text.slice(0, 80));
        assert.ok(text.endsWith(`\n${CLOSE_MARKER}`));
      }
      // The text has its slots at their defaults; the snippet syntax keeps them to tab through.
      assert.match(r.text, /Time: call 911 right away/);
      assert.doesNotMatch(r.text, /\$\{/);
      assert.match(r.snippet, /\$\{1\|call 911,call your local emergency number\|\}/);
    });

    it('snippet ID prints the marked block as inserted', () => {
      const { status, out } = cli('snippet', MS);
      assert.equal(status, 0);
      assert.equal(out, `${block(MS).text}\n`);
    });

    it('snippet with an unknown id exits 1 and says so; without one it is a usage error', () => {
      const { status, out, err } = cli('snippet', 'no-such-snippet');
      assert.deepEqual([status, out], [1, '']);
      assert.match(err, /no snippet "no-such-snippet"/);
      assert.equal(cli('snippet').status, 2);
    });

    it('check --json reports an edited snippet block as snippet-edited, at the opening marker', () => {
      const { text } = block(MS);
      assert.match(text, /long-term disease/);
      const file = tempMarkdown(`# About MS\n\nAn intro.\n\n${text.replace('long-term disease', 'short-term disease')}\n`);
      const { status, out } = cli('check', file, '--json');
      assert.equal(status, 1);
      const { findings } = JSON.parse(out) as { findings: CheckRecord[] };
      const edited = findings.filter((f) => f.rule === 'snippet-edited');
      assert.equal(edited.length, 1, JSON.stringify(findings));
      assert.deepEqual([edited[0].line, edited[0].column], [5, 1]);
      assert.deepEqual(edited[0].fixes.map((f) => f.title), ['Restore the vetted text (v1)', 'Detach: remove the snippet markers, keep the text']);
    });

    it('check finds nothing in an untouched snippet block before its review is due', () => {
      const file = tempMarkdown(`# About MS\n\n${block(MS).text}\n`);
      assert.deepEqual(cli('check', file, '--json', '--allow', 'MS').out, '{\n  "findings": []\n}\n');
    });

    it('check --today decides which reviews have lapsed', () => {
      const { text } = block(MS);
      const file = tempMarkdown(`# About MS\n\n${text}\n`);
      const reviewDue = (JSON.parse(cli('snippets', '--json').out) as { snippets: SnippetRecord[] }).snippets.find((r) => r.id === MS)!.reviewDue;
      const due = (today: string) => (JSON.parse(cli('check', file, '--json', '--allow', 'MS', '--today', today).out) as { findings: CheckRecord[] }).findings.filter((f) => f.rule === 'snippet-review-due');
      assert.deepEqual(due(reviewDue), []);
      const later = due('2099-01-01');
      assert.equal(later.length, 1);
      assert.deepEqual([later[0].line, later[0].column], [3, 1]);
      assert.match(later[0].message, new RegExp(`due on ${reviewDue}`));
      const plain = cli('check', file, '--allow', 'MS', '--today', '2099-01-01');
      assert.equal(plain.status, 1);
      assert.match(plain.out, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1\tsnippet-review-due\t`, 'm'));
    });

    it('answers a --today that is not a date with status 2', () => {
      for (const today of ['tomorrow', '2027-1-5', '2027-13-01', '2027-02-30']) {
        const { status, err } = cli('check', EXAMPLE, '--today', today);
        assert.equal(status, 2, today);
        assert.match(err, /--today must be a date/);
      }
      assert.equal(cli('check', EXAMPLE, '--today').status, 2);
    });
  });

  it('runs as the built `medterms` bin', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'search', 'G35', '--json'], { encoding: 'utf8' });
    assert.equal(JSON.parse(out).results[0].id, 'multiple-sclerosis');
  });

  it('ends quietly when its reader stops early (`… | head`)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'medterms-pipe-'));
    const file = path.join(dir, 'long.md');
    writeFileSync(file, 'Lupus and multiple sclerosis (MS) with tachycardia.\n\n'.repeat(50_000));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', file, '--json']);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // Read the first chunk, then close the pipe, as `head` does.
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    rmSync(dir, { recursive: true, force: true });
    assert.equal(err, '');
    assert.equal(code, 1); // `check` found problems; the status says so even when cut short
  });
});
