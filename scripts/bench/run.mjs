// `npm run bench [-- --quick]`: proves that MedTerms never makes a writer wait.
//
// Measures, on the bundled knowledge base and on seeded synthetic ones of 10,000 and 50,000
// entries, over generated Markdown of 10 KB, 100 KB and 1 MB: hover, completion queries (side
// by side with plain Fuse.js over every entry, same FUSE_OPTIONS), full-document scans (side
// by side with cspell-lib's default English dictionaries), activation in a fresh process,
// index builds, retained heap, vetted-snippet checks on a 1 MB document with 200 marked blocks
// (issue 9), and the sizes of the bundles and of the knowledge-base files that ship beside them. Prints a table, writes bench/results/<time>.json and exits 1 when a
// budget is missed. The core is bundled with esbuild as the extension bundles it, so the
// figures are those of the shipped code.
import * as esbuild from 'esbuild';
import { core as buildCoreModule } from '../lib/core.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchTeamLayer } from './teamLayer.mjs';
import { completionQueries, hostileLines, markdownDoc, rng, snippetDoc, syntheticKb } from './synthetic.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const quick = process.argv.includes('--quick');
const require = createRequire(import.meta.url);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'medterms-bench-'));
const started = Date.now();

/** Budgets from issue 5 (ms unless named otherwise). */
const BUDGET = {
  hoverP99: 1,
  queryP99: { 'synthetic 10k': 5, 'synthetic 50k': 10, bundled: 5 },
  speedupVsFuse: 10,
  scan100kP99: 10,
  scan1mP50: 100,
  // Ours, not the issue's: an edit's re-analysis (prose, terms: hover-ready) within one frame at 60 Hz.
  editP99: 16,
  activation: 50,
  // The first completion of a session, once the search was prepared in idle time, against a warm one.
  firstToWarmQuery: 2,
  // Issue 9: snippet checks on a 1 MB document with 200 blocks stay within the 1 MB full-scan
  // budget (scan + snippet checks, p50); ours: they cost at most half the scan without them.
  snippetsToScan: 0.5,
  // Issue 11: a hostile line of 1 MB (one repeated abbreviation, a run of spaces inside a term,
  // "](" runs…) scans within this many times the ordinary 1 MB document's scan, in the same run.
  hostileToOrdinary: 3,
  // Issue 11: a 10 MB document is analysed in slices; the extension host is never held longer.
  longestSlice: 50,
  // Issue 16: in VS Code for the Web's worker extension host, the first hover asked for as soon
  // as activation has finished (reading and loading the knowledge base included), less what the
  // workbench alone took at that moment (a hover answered at once, a 1 KB read; most of a
  // starting window's first hover, see test/web/firstHover.ts): 300 ms, checked as a ratio to
  // the same first hover in a fresh Node process measured after each window (the desktop's
  // budget is 50 ms, so 300 ms is 6×), as the raw ms follow the shared machine's load; and the
  // web bundle's gzip size.
  webFirstHoverToNode: 300 / 50,
  webBundleGzipKB: 200,
  // Issue 15: rebuilding the knowledge base after a 1,000-entry team layer changed (read, merged,
  // term index patched, first scan) ÷ loading the bundled one (layer, index, first scan), both
  // warm, medians of the same run: ~45 ms against ~12 ms here, within the 50 ms activation budget.
  teamLayerToBundledLoad: 5,
};
const budgets = [];
const check = (what, value, limit, ok = value < limit) => budgets.push({ what, value: round(value), limit, ok });

// ---------------------------------------------------------------- timing helpers

const now = () => process.hrtime.bigint();
const since = (t) => Number(now() - t) / 1e6;
const round = (x, places = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** places) / 10 ** places : x);
function stats(samples) {
  const s = Float64Array.from(samples).sort();
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: round(at(0.5), 4), p99: round(at(0.99), 4), max: round(s[s.length - 1], 4), mean: round(s.reduce((a, b) => a + b, 0) / s.length, 4) };
}
/**
 * Statistics of timed samples taken in ROUNDS consecutive rounds: each figure is the median of
 * the rounds' figures, and `n` the number of samples. On a shared machine another tenant's burst
 * lands in one round and does not decide a p99; a regression in our code shows in every round.
 */
const ROUNDS = 3;
function roundStats(samples) {
  const size = Math.ceil(samples.length / ROUNDS);
  const rounds = Array.from({ length: ROUNDS }, (_, r) => stats(samples.slice(r * size, (r + 1) * size)));
  const median = (key) => rounds.map((x) => x[key]).sort((a, b) => a - b)[ROUNDS >> 1];
  return { n: samples.length, p50: median('p50'), p99: median('p99'), max: Math.max(...rounds.map((x) => x.max)), mean: median('mean') };
}
/** Times `fn` `runs` times after `warmup` untimed calls; one sample per call (see {@link roundStats}). */
function timeRuns(fn, runs, warmup = 2) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    samples.push(since(t));
  }
  return roundStats(samples);
}
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

// ---------------------------------------------------------------- inputs

/** src/core, minified and written to a .cjs file: what dist/extension.js holds minus the `vscode` glue. */
async function buildCore(outfile) {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/core/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    minify: true,
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

log(`MedTerms bench${quick ? ' (quick)' : ''}; scratch ${tmp}`);
const kbs = [{ name: 'bundled', file: path.join(ROOT, 'data/kb.json'), terms: path.join(ROOT, 'data/kb-terms.tsv') }];
for (const n of [10_000, 50_000]) {
  const file = path.join(tmp, `kb-${n}.json`);
  const terms = path.join(tmp, `kb-${n}-terms.tsv`);
  const kb = syntheticKb(n, 20260501);
  // Laid out as `npm run build:kb` lays out data/kb.json, one entry per line, which the
  // extension's loader relies on to parse entries lazily (src/core/bundled.ts).
  writeFileSync(file, `{\n  "version": ${JSON.stringify(kb.version)},\n  "entries": [\n${kb.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`);
  // As `npm run build:kb` does for the bundled knowledge base.
  writeFileSync(terms, buildCoreModule.TermIndex.fromEntries(kb.entries, kb.contextualAbbreviations ?? []).toText());
  kbs.push({ name: `synthetic ${n / 1000}k`, file, terms });
}
const DOC_SIZES = [['10 KB', 10_000], ['100 KB', 100_000], ['1 MB', 1_000_000]];

const coreModule = require(await buildCore(path.join(tmp, 'core.cjs')));
for (const kb of kbs) {
  kb.core = coreModule;
  kb.text = readFileSync(kb.file, 'utf8');
  const t = now();
  kb.layer = { file: kb.name, ...kb.core.parseKbFile(kb.text, kb.name), termIndex: kb.core.TermIndex.fromText(readFileSync(kb.terms, 'utf8')) };
  kb.parseMs = since(t);
  if (kb.layer.problems.length) log(`${kb.name}: ${kb.layer.problems.length} problems, e.g. ${kb.layer.problems[0].message}`);
  kb.kb = new kb.core.KnowledgeBase([kb.layer]);
  kb.docs = DOC_SIZES.map(([label, bytes], i) => {
    const text = markdownDoc(kb.kb.entries, bytes, 100 + i);
    const file = path.join(tmp, `doc-${kb.name.replace(/\W+/g, '-')}-${bytes}.md`);
    writeFileSync(file, text);
    return { label, bytes: Buffer.byteLength(text), text, file };
  });
  log(`${kb.name}: ${kb.kb.entries.length} entries, ${(kb.text.length / 1e6).toFixed(2)} MB JSON`);
}
const results = { machine: machine(), quick, budgets, kbs: {} };

// ---------------------------------------------------------------- index builds

for (const kb of kbs) {
  const { core } = kb;
  const entries = kb.kb.entries;
  const runs = quick ? 1 : 3;
  const build = (make) => stats(Array.from({ length: runs }, () => { const t = now(); make(); return since(t); })).p50;
  kb.builds = {
    parseAndValidateMs: round(kb.parseMs),
    termIndexMs: build(() => core.TermIndex.fromEntries(entries, kb.layer.kb.contextualAbbreviations ?? [])),
    searchMs: build(() => new core.TermSearch(entries)),
    plainFuseMs: build(() => new core.TermSearch(entries, { exhaustive: true })),
  };
  log(`${kb.name}: builds ${JSON.stringify(kb.builds)}`);
}

// ---------------------------------------------------------------- activation (fresh process)

for (const kb of kbs) {
  const runs = quick ? 5 : 11;
  const samples = Array.from({ length: runs }, () =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, 'activation.mjs'), path.join(tmp, 'core.cjs'), kb.file, kb.terms, kb.docs[0].file], { encoding: 'utf8' })),
  );
  const median = (key) => stats(samples.map((s) => s[key])).p50;
  kb.activation = {
    requireMs: median('requireMs'),
    kbParseMs: median('kbMs'),
    termIndexMs: median('indexMs'),
    firstHoverMs: median('firstHoverMs'),
    searchBuildMs: median('searchBuildMs'),
    firstQueryMs: median('firstQueryMs'),
    warmQueryMs: median('warmQueryMs'),
    retainedMB: round(median('retainedBytes') / 2 ** 20, 1),
    runs,
  };
  if (kb.name !== 'synthetic 50k') check(`activation to first hover, ${kb.name} KB (median of ${runs})`, kb.activation.firstHoverMs, BUDGET.activation);
  const firstToWarm = round(kb.activation.firstQueryMs / kb.activation.warmQueryMs, 2);
  kb.activation.firstToWarm = firstToWarm;
  check(`first completion query after the idle-time preparation ÷ warm query, ${kb.name} KB`, firstToWarm, BUDGET.firstToWarmQuery, firstToWarm <= BUDGET.firstToWarmQuery);
  log(`${kb.name}: activation ${JSON.stringify(kb.activation)}`);
}

// ---------------------------------------------------------------- hover (cached occurrences)

for (const kb of kbs) {
  const { core } = kb;
  const index = kb.kb.termIndex;
  kb.hover = {};
  for (const doc of kb.docs) {
    const hits = index.findTerms(doc.text, core.proseSpans(doc.text));
    const r = rng(7);
    const offsets = Array.from({ length: 2000 }, () => {
      const hit = hits[r.int(hits.length)];
      return hit.start + r.int(hit.end - hit.start + 1);
    });
    let i = 0;
    // As the extension hovers: binary search in the version's cached hits, entry, card text.
    const hover = () => {
      const hit = core.hitAt(hits, offsets[i++ % offsets.length]);
      return core.renderCard(kb.kb.get(hit.entryId), kb.kb);
    };
    const s = timeRuns(hover, quick ? 2000 : 10000, 200);
    kb.hover[doc.label] = { ...s, hits: hits.length };
    check(`hover p99, ${kb.name} KB, ${doc.label} doc`, s.p99, BUDGET.hoverP99);
  }
  log(`${kb.name}: hover ${JSON.stringify(kb.hover)}`);
}

// ---------------------------------------------------------------- completion / palette queries

for (const kb of kbs) {
  const { core } = kb;
  const queries = completionQueries(kb.kb.entries, 300, 11);
  const fast = kb.kb.search;
  const plain = new core.TermSearch(kb.kb.entries, { exhaustive: true });
  // Plain Fuse over 50k entries costs ~0.1 s a query: --quick scores every third query with it.
  const plainQueries = quick && kb.name === 'synthetic 50k' ? queries.filter((_, i) => i % 3 === 0) : queries;
  const top5 = (search, q) => search.search(q, 20).slice(0, 5).map((r) => r.id);
  const run = (search, qs, passes) => {
    const samples = [];
    const answers = new Map();
    for (let pass = 0; pass < passes; pass++) {
      for (const { query } of qs) {
        const t = now();
        const ids = top5(search, query);
        samples.push(since(t));
        answers.set(query, ids);
      }
    }
    return { time: roundStats(samples), answers };
  };
  for (const { query } of queries.slice(0, 30)) top5(fast, query); // warm-up
  for (const { query } of plainQueries.slice(0, 5)) top5(plain, query);
  const f = run(fast, queries, quick ? 3 : 10);
  const p = run(plain, plainQueries, 1);
  const recall = (answers, qs) => round(qs.filter((q) => answers.get(q.query).includes(q.intended)).length / qs.length, 3);
  const overlap = round(plainQueries.reduce((sum, { query }) => {
    const want = p.answers.get(query);
    return sum + (want.length ? want.filter((id) => f.answers.get(query).includes(id)).length / want.length : 1);
  }, 0) / plainQueries.length, 3);
  const byType = {};
  for (const type of new Set(queries.map((q) => q.type))) {
    const qs = plainQueries.filter((q) => q.type === type);
    byType[type] = { n: qs.length, recallTiered: recall(f.answers, qs), recallPlainFuse: recall(p.answers, qs) };
  }
  kb.query = {
    tiered: f.time,
    plainFuse: p.time,
    speedupP50: round(p.time.p50 / f.time.p50, 1),
    speedupMean: round(p.time.mean / f.time.mean, 1),
    recall5Tiered: recall(f.answers, plainQueries),
    recall5PlainFuse: recall(p.answers, plainQueries),
    recall5TieredAll300: recall(f.answers, queries),
    overlapTop5: overlap,
    byType,
    queriesComparedWithPlainFuse: plainQueries.length,
  };
  check(`query p99, ${kb.name} KB`, f.time.p99, BUDGET.queryP99[kb.name]);
  check(`query speed-up vs plain Fuse (p50 and mean), ${kb.name} KB`, Math.min(kb.query.speedupP50, kb.query.speedupMean), BUDGET.speedupVsFuse, Math.min(kb.query.speedupP50, kb.query.speedupMean) >= BUDGET.speedupVsFuse);
  check(`query recall@5 ≥ plain Fuse, ${kb.name} KB`, kb.query.recall5Tiered, kb.query.recall5PlainFuse, kb.query.recall5Tiered >= kb.query.recall5PlainFuse);
  log(`${kb.name}: query ${JSON.stringify(kb.query)}`);
}

// ---------------------------------------------------------------- document scans

// Enough runs that a p99 is not simply the slowest run (one GC pause on a shared machine).
const RUNS = { '10 KB': quick ? 200 : 1000, '100 KB': quick ? 200 : 400, '1 MB': quick ? 9 : 27 };
for (const kb of kbs) {
  const { core } = kb;
  const index = kb.kb.termIndex;
  kb.scan = {};
  for (const doc of kb.docs) {
    // What the extension does for a document it has not seen: prose spans, terms, then every
    // rule group that makes its diagnostics (plain language, general jargon, person-first,
    // snippets, nesting, reading grade), as `documentFindings` runs them.
    const allRules = (analysis) => {
      const input = { text: analysis.text, hits: analysis.terms(index), headings: analysis.headings, prose: analysis.prose, flattened: analysis.flattened, tables: analysis.tables };
      return core.documentFindings(input, kb.kb, { today: '2027-06-01' }, (group, err) => { throw err; });
    };
    const scan = (text) => allRules(core.DocumentAnalysis.of(text));
    const s = timeRuns(() => scan(doc.text), RUNS[doc.label]);
    const half = Math.ceil(RUNS[doc.label] / 2);
    const prose = timeRuns(() => core.DocumentAnalysis.of(doc.text), half);
    const analysis = core.DocumentAnalysis.of(doc.text);
    const terms = timeRuns(() => index.findTerms(doc.text, analysis.prose), half);
    const rules = timeRuns(() => allRules(analysis), half);
    const findings = allRules(analysis).length;
    const hits = analysis.terms(index);
    kb.scan[doc.label] = { ...s, proseP50: prose.p50, termsP50: terms.p50, rulesP50: rules.p50, hits: hits.length, findings, bytes: doc.bytes };
  }
  // An edit, as the extension handles one: the next version's analysis derived from the last
  // (prose re-parsed only where the edit touched blocks, terms rescanned only on its lines) —
  // what hover needs right away; then the rules, which the diagnostics run 250 ms after the
  // last keystroke. Each edit types one character at a random place in the prose, or deletes one.
  kb.edit = {};
  kb.editWithRules = {};
  for (const doc of kb.docs) {
    const r = rng(31);
    let analysis = core.DocumentAnalysis.of(doc.text);
    analysis.terms(index);
    const edits = [];
    const withRules = [];
    for (let i = 0; i < (quick ? 100 : 400); i++) {
      const span = analysis.prose[r.int(analysis.prose.length)];
      const at = span.start + r.int(span.end - span.start);
      const text = r.int(4) === 0 ? analysis.text.slice(0, at) + analysis.text.slice(at + 1) : `${analysis.text.slice(0, at)}e${analysis.text.slice(at)}`;
      // An editor hands over a flat string, not the rope of slices that concatenation makes.
      const flat = Buffer.from(text, 'utf16le').toString('utf16le');
      const t = now();
      analysis = analysis.next(flat);
      const hits = analysis.terms(index);
      edits.push(since(t));
      core.styleFindings({ text: flat, hits, headings: analysis.headings }, kb.kb);
      withRules.push(since(t));
    }
    kb.edit[doc.label] = roundStats(edits);
    kb.editWithRules[doc.label] = roundStats(withRules);
  }
  // Scan and activation budgets are set for a KB of up to 10k entries (shared/notes/performance.md);
  // the 50k figures are reported, not judged.
  if (kb.name !== 'synthetic 50k') {
    check(`scan p99, ${kb.name} KB, 100 KB doc`, kb.scan['100 KB'].p99, BUDGET.scan100kP99);
    check(`scan p50, ${kb.name} KB, 1 MB doc`, kb.scan['1 MB'].p50, BUDGET.scan1mP50);
    check(`edit re-analysis p99, ${kb.name} KB, 1 MB doc`, kb.edit['1 MB'].p99, BUDGET.editP99);
  }
  log(`${kb.name}: scan ${JSON.stringify(kb.scan)} edit ${JSON.stringify(kb.edit)} edit with rules ${JSON.stringify(kb.editWithRules)}`);
}

// ---------------------------------------------------------------- vetted snippets (issue 9)

/** The bundled snippet files, read as esbuild.mjs bundles them: one `{ file, text }` record each. */
function snippetRecords() {
  const dir = path.join(ROOT, 'data/snippets');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ file: `data/snippets/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

// A 1 MB document with 200 marked blocks (10 of them edited), 5 snippet texts pasted without
// markers (one of them a near copy), and the bundled KB's prose around them; checked as the
// diagnostics check it: the full scan, then snippetFindings over the same analysis's prose.
const snippetBench = {};
{
  const kb = kbs[0];
  const { core } = kb;
  const index = kb.kb.termIndex;
  const records = snippetRecords();
  const knownTerm = (id) => kb.kb.get(id) !== undefined; // as KnowledgeBase.snippets loads them
  const library = new core.SnippetLibrary([records], knownTerm);
  if (library.problems.length) log(`snippets: ${library.problems.length} problems, e.g. ${library.problems[0].file}:${library.problems[0].line} ${library.problems[0].message}`);
  const builds = quick ? 5 : 15;
  const parse = timeRuns(() => new core.SnippetLibrary([records], knownTerm), builds, 1);
  const finderBuild = timeRuns(() => new core.PastedSnippetFinder(library.all), builds, 1);

  // Eight plain words of a snippet's vetted wording (outside its slots), for an edit to change.
  const literal = (snippet) => snippet.parts.filter((p) => p.kind === 'text').map((p) => /(?:[A-Za-z]+ ){7}[A-Za-z]+/.exec(p.text)?.[0]).find(Boolean);
  const usable = library.all
    .filter((s) => s.status !== 'retired' && literal(s))
    .map((s) => ({ marked: core.markedSnippet(s).text, plain: core.markedSnippet(s, '\n', false).text, literal: literal(s) }));
  const doc = snippetDoc(kb.kb.entries, usable, 1_000_000, { blocks: 200, edited: 10, pasted: 5, seed: 109 });
  const { text } = doc;
  // Fixed, so that the findings do not change with the day the benchmark runs (no review lapsed).
  const today = '2027-06-01';
  const scan = () => {
    const analysis = core.DocumentAnalysis.of(text);
    return { analysis, findings: core.styleFindings({ text, hits: analysis.terms(index), headings: analysis.headings }, kb.kb) };
  };
  const { prose } = core.DocumentAnalysis.of(text);
  const snippetChecks = () => core.snippetFindings(text, prose, library, { today, pasted: library.pasted });
  const runs = RUNS['1 MB'];
  const scanOnly = timeRuns(scan, runs);
  const snippets = timeRuns(snippetChecks, runs * 3);
  const blocksOnly = timeRuns(() => core.snippetFindings(text, prose, library, { today }), runs * 3);
  const both = timeRuns(() => {
    const { analysis, findings } = scan();
    return [...findings, ...core.snippetFindings(text, analysis.prose, library, { today, pasted: library.pasted })];
  }, runs);
  const byRule = {};
  for (const f of snippetChecks()) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const blocks = core.findMarkedBlocks(text).blocks.length;
  Object.assign(snippetBench, {
    bytes: Buffer.byteLength(text),
    blocks,
    planted: { edited: doc.edited, pasted: doc.pasted },
    findings: byRule,
    files: records.length,
    libraryParseMs: parse.p50,
    pastedFinderBuildMs: finderBuild.p50,
    scan: scanOnly,
    snippetChecks: snippets,
    snippetChecksWithoutPastedP50: blocksOnly.p50,
    scanWithSnippetChecks: both,
    ratioSnippetsToScanP50: round(snippets.p50 / scanOnly.p50, 3),
  });
  // A check that finds nothing is not worth timing: the planted blocks and copies must be found.
  const found = `${blocks} / ${byRule['snippet-edited'] ?? 0} / ${byRule['snippet-unmarked'] ?? 0} / ${byRule['snippet-marker'] ?? 0}`;
  const planted = `200 / ${doc.edited} / ${doc.pasted} / 0`;
  check('snippet blocks / edited / unmarked / marker findings in the 1 MB snippet doc, as planted', found, planted, found === planted);
  check('scan + snippet checks p50, bundled KB, 1 MB doc with 200 snippet blocks', both.p50, BUDGET.scan1mP50);
  check('snippet checks ÷ scan without them (p50), same doc', snippetBench.ratioSnippetsToScanP50, BUDGET.snippetsToScan, snippetBench.ratioSnippetsToScanP50 <= BUDGET.snippetsToScan);
  log(`snippets: ${JSON.stringify(snippetBench)}`);
}

// ---------------------------------------------------------------- hostile lines (issue 11)

// Each line of 1 MB, scanned as `medterms check` and the diagnostics scan a document: prose,
// terms, plain-language rules, snippet checks (pasted text looked for). Each must stay linear:
// its p50 is judged against the ordinary 1 MB document's, scanned the same way in the same run.
const hostileBench = {};
{
  const kb = kbs[0];
  const { core } = kb;
  const index = kb.kb.termIndex;
  const records = snippetRecords();
  const library = new core.SnippetLibrary([records], (id) => kb.kb.get(id) !== undefined);
  const today = '2027-06-01';
  const stages = (text) => {
    const t0 = now();
    const analysis = core.DocumentAnalysis.of(text);
    const t1 = now();
    const hits = analysis.terms(index);
    const t2 = now();
    const findings = core.styleFindings({ text, hits, headings: analysis.headings }, kb.kb).length;
    const t3 = now();
    const snippets = core.snippetFindings(text, analysis.prose, library, { today, pasted: library.pasted }).length;
    const t4 = now();
    const ms = (a, b) => Number(b - a) / 1e6;
    return { total: ms(t0, t4), prose: ms(t0, t1), terms: ms(t1, t2), rules: ms(t2, t3), snippets: ms(t3, t4), hits: hits.length, findings: findings + snippets };
  };
  const runs = quick ? 3 : 9;
  const measure = (text) => {
    stages(text); // warm-up
    const samples = Array.from({ length: runs }, () => stages(text));
    const p50 = (key) => stats(samples.map((s) => s[key])).p50;
    const total = roundStats(samples.map((s) => s.total));
    return { ...total, proseP50: p50('prose'), termsP50: p50('terms'), rulesP50: p50('rules'), snippetsP50: p50('snippets'), hits: samples[0].hits, findings: samples[0].findings };
  };
  const ordinary = kb.docs.find((d) => d.label === '1 MB');
  hostileBench.ordinary = { bytes: ordinary.bytes, ...measure(ordinary.text) };
  const pasted = library.all.filter((s) => s.status !== 'retired').slice(0, 3).map((s) => core.markedSnippet(s, '\n', false).text.replace(/\s+/g, ' ')).join(' ');
  hostileBench.lines = {};
  for (const [label, text] of hostileLines(1_000_000, pasted)) {
    const m = measure(text);
    // Per MB of the line against per MB of the ordinary document.
    const ratio = round((m.p50 / (text.length / 1e6)) / (hostileBench.ordinary.p50 / (ordinary.bytes / 1e6)), 2);
    hostileBench.lines[label] = { chars: text.length, ...m, perMBToOrdinary: ratio };
    check(`hostile 1 MB line "${label}": scan per MB ÷ ordinary 1 MB doc's (p50)`, ratio, BUDGET.hostileToOrdinary, ratio <= BUDGET.hostileToOrdinary);
  }
  log(`hostile lines: ${JSON.stringify(hostileBench)}`);
}

// ---------------------------------------------------------------- a 10 MB document (issue 11)

// Read as the editor reads it (src/vscode/session.ts, diagnostics.ts): prose and terms, then
// every rule group, in slices of EDITOR_SLICE_MS with a timer's turn of the event loop between
// them; then one character typed in the middle, re-analysed the same way. Each slice is timed
// from resuming to pausing: the longest is the longest the extension host is held. A hover on
// another document is answered at each pause, as the editor would answer one.
const largeBench = {};
{
  const kb = kbs[0];
  const { core } = kb;
  const index = kb.kb.termIndex;
  const text = markdownDoc(kb.kb.entries, quick ? 5_000_000 : 10_000_000, 113);
  const small = kb.docs[0];
  const smallHits = index.findTerms(small.text, core.proseSpans(small.text));
  kb.kb.snippets.pasted; // prepared in idle time by the extension
  const today = '2027-06-01';
  let hovers = 0;
  // CPU time of the process (all its threads, so garbage collection included) as well as wall
  // time: on a shared machine a slice's wall time also holds the time the system gave to other
  // processes, which would block no editor; the CPU time is what the analysis itself held.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  // The process's CPU time also counts V8's helper threads, which mark and sweep concurrently
  // without holding the event loop. The main thread's own run time (Linux: schedstat, updated
  // at each context switch and scheduler tick, so within a tick, ~4 ms) is what blocks the
  // editor, garbage-collection pauses on that thread included. Elsewhere, the process's CPU time.
  const schedstat = '/proc/thread-self/schedstat';
  const mainThreadMs = existsSync(schedstat) ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6 : cpuMs;
  const paced = async (work) => {
    const slices = [];
    const cpu = [];
    const mainThread = [];
    let resumed, resumedCpu, resumedMain;
    const resume = () => {
      resumed = now();
      resumedCpu = cpuMs();
      resumedMain = mainThreadMs();
    };
    const end = () => {
      slices.push(since(resumed));
      cpu.push(cpuMs() - resumedCpu);
      mainThread.push(mainThreadMs() - resumedMain);
    };
    const t = now();
    resume();
    const value = await core.inSlices(work, {
      sliceMs: core.EDITOR_SLICE_MS,
      pause: async () => {
        end();
        await new Promise((resolve) => setTimeout(resolve, 0));
        core.renderCard(kb.kb.get(core.hitAt(smallHits, smallHits[hovers++ % smallHits.length].start).entryId), kb.kb);
        resume();
      },
    });
    end();
    return {
      value,
      totalMs: round(since(t), 1),
      slices: slices.length,
      longestSliceMs: round(Math.max(...slices), 1),
      p99SliceMs: stats(slices).p99,
      longestSliceCpuMs: round(Math.max(...cpu), 1),
      longestSliceMainThreadMs: round(Math.max(...mainThread), 1),
    };
  };
  function* everything(analysing) {
    const analysis = yield* analysing;
    const hits = yield* analysis.findTerms(index);
    const input = { text: analysis.text, hits, headings: analysis.headings, prose: analysis.prose, flattened: analysis.flattened };
    const findings = yield* core.documentFindingsSliced(input, kb.kb, { today }, (group, err) => { throw err; });
    return { analysis, hits: hits.length, findings: findings.length };
  }
  const open = await paced(everything(core.DocumentAnalysis.read(text)));
  const at = open.value.analysis.prose[open.value.analysis.prose.length >> 1].start + 1;
  const edited = Buffer.from(`${text.slice(0, at)}e${text.slice(at)}`, 'utf16le').toString('utf16le');
  const edit = await paced(everything(open.value.analysis.update(edited)));
  const unsliced = timeRuns(() => core.DocumentAnalysis.of(text).terms(index), 1, 0);
  Object.assign(largeBench, {
    bytes: Buffer.byteLength(text),
    hits: open.value.hits,
    findings: open.value.findings,
    hoversAnsweredDuringRead: hovers,
    open: { ...open, value: undefined },
    edit: { ...edit, value: undefined },
    unslicedReadAndTermsMs: unsliced.p50,
  });
  check(`10 MB document: longest slice the extension host is held (main thread's run time), opening it (prose, terms, every rule)`, largeBench.open.longestSliceMainThreadMs, BUDGET.longestSlice);
  check(`10 MB document: longest slice the extension host is held (main thread's run time), after an edit in the middle`, largeBench.edit.longestSliceMainThreadMs, BUDGET.longestSlice);
  log(`10 MB document: ${JSON.stringify(largeBench)}`);
}

// cspell-lib on the same documents (bundled-KB docs), default English dictionaries only.
const cspell = await import('cspell-lib');
const cspellDoc = (text) => ({ uri: 'file:///bench/patient-guide.md', text, languageId: 'markdown', locale: 'en' });
const cspellCheck = (text) => cspell.spellCheckDocument(cspellDoc(text), { generateSuggestions: false, noConfigSearch: true }, { language: 'en' });
const peer = {};
{
  const bundled = kbs[0];
  let t = now();
  const first = await cspellCheck(bundled.docs[0].text);
  peer.coldFirstCallMs = round(since(t), 1);
  peer.dictionaries = first.settingsUsed.dictionaries?.filter((d) => first.settingsUsed.dictionaryDefinitions?.some((def) => def.name === d)) ?? [];
  for (const doc of bundled.docs) {
    const runs = { '10 KB': quick ? 10 : 30, '100 KB': quick ? 5 : 15, '1 MB': quick ? 2 : 5 }[doc.label];
    await cspellCheck(doc.text);
    const samples = [];
    let issues = 0;
    for (let i = 0; i < runs; i++) {
      t = now();
      issues = (await cspellCheck(doc.text)).issues.length;
      samples.push(since(t));
    }
    const s = stats(samples);
    peer[doc.label] = { ...s, issues, medtermsScanP50: bundled.scan[doc.label].p50, ratioMedtermsToCspell: round(bundled.scan[doc.label].p50 / s.p50, 3) };
  }
  log(`cspell-lib: ${JSON.stringify(peer)}`);
}

// ---------------------------------------------------------------- bundles (production build)

const bundles = buildBundles();
log(`bundles: ${JSON.stringify(bundles)}`);
check('web bundle dist/web/extension.js, gzip KB', bundles['dist/web/extension.js'].gzipKB, BUDGET.webBundleGzipKB);

// ---------------------------------------------------------------- web worker extension host (issue 16)

// A child process (scripts/bench/web.mjs): VS Code for the Web in headless chromium, five fresh
// windows (about 10 s each), medians; --quick too, as MedTerms' part of a starting window's
// first hover falls either near 30 ms or near 500 ms with what the workbench is doing then.
const web = JSON.parse(execFileSync(process.execPath, [path.join(import.meta.dirname, 'web.mjs'), '5'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1));
log(`web: ${JSON.stringify(web)}`);
check(`web worker host: first hover after activation, MedTerms' part (${web.firstHoverAddedMs} ms) ÷ the same in Node (${web.nodeFirstHoverMs} ms), medians`, web.firstHoverAddedToNode, BUDGET.webFirstHoverToNode, web.cardFound && web.firstHoverAddedToNode <= BUDGET.webFirstHoverToNode);

// ---------------------------------------------------------------- a team's knowledge layer (issue 15)

const teamLayer = benchTeamLayer(coreModule, { runs: quick ? 3 : 7 });
log(`team layer: ${JSON.stringify(teamLayer)}`);
check('rebuild with a 1,000-entry team layer ÷ loading the bundled KB (medians, same run)', teamLayer.ratio, BUDGET.teamLayerToBundledLoad, teamLayer.ratio <= BUDGET.teamLayerToBundledLoad);

// ---------------------------------------------------------------- report

for (const kb of kbs) results.kbs[kb.name] = { entries: kb.kb.entries.length, jsonMB: round(kb.text.length / 1e6, 2), builds: kb.builds, activation: kb.activation, hover: kb.hover, query: kb.query, scan: kb.scan, edit: kb.edit, editWithRules: kb.editWithRules };
results.snippets = snippetBench;
results.hostile = hostileBench;
results.large = largeBench;
results.cspell = peer;
results.bundles = bundles;
results.web = web;
results.teamLayer = teamLayer;
results.seconds = round((Date.now() - started) / 1000, 1);
printTable();
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const out = path.join(ROOT, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
rmSync(tmp, { recursive: true, force: true });
const missed = budgets.filter((b) => !b.ok);
console.log(`\nWrote ${path.relative(ROOT, out)} in ${results.seconds} s. ${missed.length === 0 ? 'All budgets met.' : `${missed.length} budget(s) MISSED:`}`);
for (const b of missed) console.log(`  ✗ ${b.what}: ${b.value} (budget ${b.limit})`);
process.exit(missed.length === 0 ? 0 : 1);

// ---------------------------------------------------------------- helpers

function machine() {
  // Read from node_modules directly: some packages do not export their package.json.
  const version = (name) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    node: process.version,
    libraries: Object.fromEntries(['fuse.js', 'markdown-it', 'esbuild', 'cspell-lib', '@cspell/dict-en_us'].map((n) => [n, version(n)])),
  };
}

/**
 * Runs the repository's own `node esbuild.mjs --production` in a scratch copy (sources and
 * node_modules linked): the bundles' sizes and gzip sizes, and those of the knowledge-base files
 * that ship beside them (read on first use, not bundled).
 */
function buildBundles() {
  const dir = path.join(tmp, 'build');
  mkdirSync(dir, { recursive: true });
  for (const name of ['src', 'node_modules', 'data']) symlinkSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ['esbuild.mjs', 'package.json', 'tsconfig.json']) cpSync(path.join(ROOT, name), path.join(dir, name));
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, stdio: 'pipe' });
  const size = (file) => {
    const bytes = readFileSync(path.join(dir, file));
    return { KB: round(bytes.length / 1024, 1), gzipKB: round(gzipSync(bytes).length / 1024, 1) };
  };
  return Object.fromEntries(['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js', 'data/kb.json', 'data/kb-terms.tsv'].map((f) => [f, size(f)]));
}

function printTable() {
  const m = results.machine;
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const head = (...cells) => { row(...cells); row(...cells.map(() => '---')); };
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.platform}; Node ${m.node}; ${Object.entries(m.libraries).map(([k, v]) => `${k} ${v}`).join(', ')}${quick ? '; --quick' : ''}`, '');
  lines.push('Times in ms, p50 / p99 unless marked.', '');
  head('KB', 'entries', 'parse+validate', 'term index build', 'search build (tiers+Fuse index)', 'plain Fuse build', 'activation → first hover (require / KB / index)', 'search prepared in idle time; first query, warm query (first ÷ warm)', 'retained heap');
  for (const kb of kbs) {
    const a = kb.activation;
    row(kb.name, kb.kb.entries.length, kb.builds.parseAndValidateMs, kb.builds.termIndexMs, kb.builds.searchMs, kb.builds.plainFuseMs, `**${a.firstHoverMs}** (${a.requireMs} / ${a.kbParseMs} / ${a.termIndexMs})`, `${a.searchBuildMs}; ${a.firstQueryMs}, ${a.warmQueryMs} (${a.firstToWarm}×)`, `${a.retainedMB} MB`);
  }
  lines.push('');
  head('KB', 'query, tiered', 'query, plain Fuse', 'speed-up p50 / mean', 'recall@5 tiered / plain Fuse', 'top-5 overlap', 'queries');
  for (const kb of kbs) {
    const q = kb.query;
    row(kb.name, `**${q.tiered.p50} / ${q.tiered.p99}**`, `${q.plainFuse.p50} / ${q.plainFuse.p99}`, `${q.speedupP50}× / ${q.speedupMean}×`, `${q.recall5Tiered} / ${q.recall5PlainFuse}`, q.overlapTop5, q.queriesComparedWithPlainFuse);
  }
  lines.push('');
  head('KB', 'doc', 'hits', 'findings', 'hover (cached)', 'scan: prose + terms + rules', 'prose p50', 'terms p50', 'rules p50', 'edit: re-analysis', 'edit: + rules', 'cspell-lib', 'scan ÷ cspell');
  for (const kb of kbs) {
    for (const doc of kb.docs) {
      const s = kb.scan[doc.label];
      const h = kb.hover[doc.label];
      const c = kb === kbs[0] ? results.cspell[doc.label] : undefined;
      const e = kb.edit[doc.label];
      const f = kb.editWithRules[doc.label];
      row(kb.name, doc.label, s.hits, s.findings, `${h.p50} / ${h.p99}`, `**${s.p50} / ${s.p99}**`, s.proseP50, s.termsP50, s.rulesP50, `${e.p50} / ${e.p99}`, `${f.p50} / ${f.p99}`, c ? `${round(c.p50, 1)} / ${round(c.p99, 1)}` : '—', c ? c.ratioMedtermsToCspell : '—');
    }
  }
  lines.push('', `cspell-lib cold first call: ${results.cspell.coldFirstCallMs} ms.`, '');
  const sn = results.snippets;
  head('vetted snippets, bundled KB, 1 MB doc', 'blocks (edited) + pasted', 'findings', 'scan, no snippets', 'snippet checks', 'without pasted-text search p50', 'scan + snippet checks', 'snippets ÷ scan (p50)', `library parse (${sn.files} files) p50`, 'pasted-text finder build p50');
  row(`${round(sn.bytes / 1e6, 2)} MB`, `${sn.blocks} (${sn.planted.edited}) + ${sn.planted.pasted}`, Object.entries(sn.findings).map(([k, v]) => `${k} ${v}`).join(', '), `${sn.scan.p50} / ${sn.scan.p99}`, `${sn.snippetChecks.p50} / ${sn.snippetChecks.p99}`, sn.snippetChecksWithoutPastedP50, `**${sn.scanWithSnippetChecks.p50} / ${sn.scanWithSnippetChecks.p99}**`, `${sn.ratioSnippetsToScanP50}×`, sn.libraryParseMs, sn.pastedFinderBuildMs);
  lines.push('');
  const ho = results.hostile;
  head('1 MB line, bundled KB (issue 11)', 'hits', 'findings', 'scan + snippet checks', 'prose p50', 'terms p50', 'rules p50', 'snippets p50', 'per MB ÷ ordinary MB (p50)');
  row(`ordinary 1 MB document (${round(ho.ordinary.bytes / 1e6, 2)} MB)`, ho.ordinary.hits, ho.ordinary.findings, `**${ho.ordinary.p50} / ${ho.ordinary.p99}**`, ho.ordinary.proseP50, ho.ordinary.termsP50, ho.ordinary.rulesP50, ho.ordinary.snippetsP50, '1×');
  for (const [label, h] of Object.entries(ho.lines)) row(label, h.hits, h.findings, `**${h.p50} / ${h.p99}**`, h.proseP50, h.termsP50, h.rulesP50, h.snippetsP50, `${h.perMBToOrdinary}×`);
  lines.push('');
  const la = results.large;
  head(`${round(la.bytes / 1e6, 1)} MB document, bundled KB, in slices (issue 11)`, 'hits', 'findings', 'total', 'slices', 'longest slice, CPU', 'longest slice, wall', 'p99 slice, wall', 'hovers answered meanwhile', 'unsliced prose + terms');
  row('open: prose, terms, every rule', la.hits, la.findings, la.open.totalMs, la.open.slices, `**${la.open.longestSliceCpuMs}**`, la.open.longestSliceMs, la.open.p99SliceMs, la.hoversAnsweredDuringRead, la.unslicedReadAndTermsMs);
  row('one character typed in the middle', '', '', la.edit.totalMs, la.edit.slices, `**${la.edit.longestSliceCpuMs}**`, la.edit.longestSliceMs, la.edit.p99SliceMs, '', '');
  lines.push('');
  head('shipped file (production build)', 'KB', 'gzip KB');
  for (const [file, b] of Object.entries(results.bundles)) row(file, b.KB, b.gzipKB);
  lines.push('');
  const w = results.web;
  head(`VS Code for the Web, web worker host (median of ${w.runs})`, 'opening → activated', 'first hover after activation', 'same moment: no-op hover / 1 KB read', 'MedTerms’ part', 'same in Node', 'ratio', 'warm hover', 'KB data via workspace.fs', 'same data inside a JS file');
  row('dist/web/extension.js on the example article', w.activationMs, w.firstHoverMs, `${w.anchorHoverMs} / ${w.anchorReadMs}`, `**${w.firstHoverAddedMs}**`, w.nodeFirstHoverMs, `${w.firstHoverAddedToNode}×`, w.warmHoverMs, w.data.workspaceFsMs, w.data.bundledInJsMs);
  lines.push('');
  head('budget', 'measured', 'limit', '');
  for (const b of budgets) row(b.what, b.value, b.limit, b.ok ? '✓' : '✗ MISSED');
  console.log(lines.join('\n'));
}
