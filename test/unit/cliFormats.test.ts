import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type * as Sarif from 'sarif';
import { runCli, type CheckRecord } from '../../src/cli/cli';
import { SARIF_SCHEMA } from '../../src/cli/sarif';
import { STYLE_RULES, type Entry, type Layer } from '../../src/core';
import { bundledLayer, ROOT } from './helpers';

// An article with a finding of each severity the defaults give: information (jargon,
// person-first) and warning (an abbreviation used before it is spelled out).
const ARTICLE = 'Diabetics should ask about the prognosis.\n\nA UTI can cause pain.\n';

/** Runs the CLI in-process on in-memory files; returns exit status, output and the files it wrote. */
function cli(files: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const written = new Map<string, string>();
  const status = runCli(argv, {
    bundled: bundledLayer,
    readFile: (p) => {
      if (!(p in files)) throw new Error('no such file');
      return files[p];
    },
    writeFile: (p, text) => written.set(p, text),
    out: (t) => (out += t),
    err: (t) => (err += t),
    version: '9.9.9',
    today: () => '2026-12-06',
  });
  return { status, out, err, written };
}

/** The SARIF 2.1.0 schema (a draft-04 schema, shipped as a fixture: see NOTICE), compiled by Ajv. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // Ajv 8 reads draft-07 and later; this schema uses no draft-04 keyword that differs, only the
  // draft-04 names of the schema's own id and meta-schema, which are left out here. One of its
  // patterns (language tags) is not a valid regular expression in Unicode mode, as Ajv compiles them by default.
  delete schema.$schema;
  delete schema.id;
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

describe('CLI output formats (issue 14)', () => {
  describe('check --format sarif', () => {
    const { status, out } = cli({ 'docs/a b#1.md': ARTICLE }, 'check', 'docs/a b#1.md', '--format', 'sarif');
    const log = JSON.parse(out) as Sarif.Log;

    it('writes a log valid against the SARIF 2.1.0 schema', () => {
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, SARIF_SCHEMA);
      assert.equal(status, 1);
    });

    it('lists every rule with its help text and default level', () => {
      const rules = log.runs[0].tool.driver.rules!;
      assert.deepEqual(rules.map((r) => r.id), [...STYLE_RULES]);
      for (const rule of rules) assert.ok((rule.help?.text.length ?? 0) > 20, rule.id);
      assert.equal(rules.find((r) => r.id === 'abbreviation')!.defaultConfiguration!.level, 'warning');
      assert.equal(rules.find((r) => r.id === 'person-first')!.defaultConfiguration!.level, 'note');
    });

    it('gives each finding its rule, level, message, region and fixes, as the JSON output does', () => {
      const { findings } = JSON.parse(cli({ 'docs/a b#1.md': ARTICLE }, 'check', 'docs/a b#1.md', '--json').out) as { findings: CheckRecord[] };
      const results = log.runs[0].results!;
      assert.equal(results.length, findings.length);
      for (const [i, result] of results.entries()) {
        const finding = findings[i];
        assert.equal(result.ruleId, finding.rule);
        assert.equal(log.runs[0].tool.driver.rules![result.ruleIndex!].id, finding.rule);
        assert.equal(result.message.text, finding.message);
        const { artifactLocation, region } = result.locations![0].physicalLocation!;
        assert.deepEqual(artifactLocation, { uri: 'docs/a%20b%231.md', uriBaseId: '%SRCROOT%' });
        assert.deepEqual([region!.startLine, region!.startColumn, region!.charOffset, region!.charLength], [finding.line, finding.column, finding.start, finding.end - finding.start]);
        assert.deepEqual(result.fixes?.map((f) => [f.description!.text, f.artifactChanges[0].replacements[0].insertedContent!.text]) ?? [], finding.fixes.map((f) => [f.title, f.replacement]));
      }
      const personFirst = results.find((r) => r.ruleId === 'person-first')!;
      assert.equal(personFirst.level, 'note');
      assert.deepEqual(personFirst.fixes![0].artifactChanges[0].replacements[0].deletedRegion, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 10, charOffset: 0, charLength: 9 });
      assert.equal(results.find((r) => r.ruleId === 'abbreviation')!.level, 'warning');
    });

    it('writes an empty, valid log for a clean file, and exits 0', () => {
      const clean = cli({ 'ok.md': 'People with diabetes check their feet.\n' }, 'check', 'ok.md', '--format', 'sarif');
      assert.equal(clean.status, 0);
      const cleanLog = JSON.parse(clean.out) as Sarif.Log;
      assert.deepEqual(cleanLog.runs[0].results, []);
      assert.ok(sarifValidator()(cleanLog));
    });

    it('gives an absolute path as a file URI', () => {
      const abs = JSON.parse(cli({ '/srv/docs/x.md': ARTICLE }, 'check', '/srv/docs/x.md', '--format', 'sarif').out) as Sarif.Log;
      assert.deepEqual(abs.runs[0].results![0].locations![0].physicalLocation!.artifactLocation, { uri: 'file:///srv/docs/x.md' });
    });
  });

  describe('check --format json|text and --min-severity', () => {
    it('--format json is --json, and --format text the default', () => {
      const files = { 'a.md': ARTICLE };
      assert.equal(cli(files, 'check', 'a.md', '--format', 'json').out, cli(files, 'check', 'a.md', '--json').out);
      assert.equal(cli(files, 'check', 'a.md', '--format', 'text').out, cli(files, 'check', 'a.md').out);
    });

    it('--min-severity sets the least severity that fails the run; every finding is still reported', () => {
      const files = { 'a.md': ARTICLE, 'info.md': 'Diabetics should ask about the prognosis.\n' };
      assert.equal(cli(files, 'check', 'a.md', '--min-severity', 'warning').status, 1);
      assert.equal(cli(files, 'check', 'a.md', '--min-severity', 'error').status, 0);
      const info = cli(files, 'check', 'info.md', '--min-severity', 'warning');
      assert.equal(info.status, 0);
      assert.match(info.out, /person-first/);
      assert.equal(cli(files, 'check', 'info.md').status, 1);
      assert.equal(cli(files, 'check', 'info.md', '--min-severity', 'information').status, 1);
    });

    it('refuses an unknown format or severity', () => {
      assert.equal(cli({}, 'check', 'a.md', '--format', 'xml').status, 2);
      assert.equal(cli({}, 'check', 'a.md', '--min-severity', 'off').status, 2);
      assert.equal(cli({}, 'check', 'a.md', '--min-severity').status, 2);
    });
  });

  describe('render', () => {
    const unsafe: Entry = { id: 'x-syndrome', kind: 'condition', name: 'x syndrome', definition: 'A "rare" <b>thing</b> & more.' };
    const withUnsafe = (): Layer => {
      const base = bundledLayer();
      return { ...base, kb: { ...base.kb, entries: [...base.kb.entries, unsafe] }, entry: undefined, termIndex: undefined };
    };

    it('writes a standalone HTML page with the terms explained, titled by the first heading', () => {
      const { status, out } = cli({ 'a.md': '---\ntitle: x\n---\n# Living with <lupus> & MS\n\nLupus can cause joint pain. `lupus` in code.\n' }, 'render', 'a.md');
      assert.equal(status, 0);
      assert.match(out, /^<!DOCTYPE html>/);
      assert.match(out, /<title>Living with &lt;lupus&gt; &amp; MS<\/title>/);
      assert.match(out, /<style>[^]*\.medterms-term \{[^]*<\/style>/);
      assert.match(out, /<span class="medterms-term" title="[^"]+" data-medterms-id="[^"]+">Lupus<\/span> can cause/);
      assert.match(out, /<code>lupus<\/code>/);
      assert.doesNotMatch(out, /title: x/);
      assert.doesNotMatch(out, /<script/);
    });

    it('escapes what it takes from the knowledge base', () => {
      let out = '';
      runCli(['render', 'a.md'], { bundled: withUnsafe, readFile: () => 'About x syndrome.\n', out: (t) => (out += t), err: () => {}, version: '9', today: () => '2026-12-06' });
      assert.match(out, /title="X syndrome: A &quot;rare&quot; &lt;b&gt;thing&lt;\/b&gt; &amp; more\."/);
    });

    it('writes to the file given with -o, and reports a file it cannot read', () => {
      const { status, out, written } = cli({ 'a.md': 'Lupus.\n' }, 'render', 'a.md', '-o', 'out.html');
      assert.equal(status, 0);
      assert.equal(out, '');
      assert.match(written.get('out.html')!, /medterms-term/);
      const missing = cli({}, 'render', 'nope.md');
      assert.equal(missing.status, 1);
      assert.match(missing.err, /nope\.md:1: error: cannot read the file/);
      assert.equal(cli({}, 'render').status, 2);
    });
  });
});
