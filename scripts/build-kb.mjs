#!/usr/bin/env node
// Builds data/kb.json (plus its term index data/kb-terms.tsv, data/kb-report.json and NOTICE)
// from the raw open sources kept in
// data/sources/ and the hand-written layer in data/manual/. Deterministic, no network:
// the same inputs always give byte-identical outputs.
//
//   node scripts/build-kb.mjs [--out <kb.json>] [--terms <file>] [--report <file>] [--notice <file>] [--quiet]
//
// With --out and no --report/--notice, the report and NOTICE go next to --out (for the
// rebuild-equals-committed test). See data/manual/README.md for the hand-written formats.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { core } from './lib/core.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
const SRC = join(DATA, 'sources');
const MANUAL = join(DATA, 'manual');

// ---------------------------------------------------------------------------------------------
// Tuning: how many generated entries to ship. Floors (tested): 2,000 conditions, 800 symptoms.
const CONDITION_TARGET = 2500;
const HPO_SYMPTOM_TARGET = 1000;
const NO_ICD_MAX = 40;
const MAX_SYNONYMS = 12;
const MAX_LAY_TERMS = 12;
const MAX_RELATED = 6;

const KIND_ORDER = ['condition', 'symptom', 'test', 'treatment', 'anatomy'];

class BuildError extends Error {}
const fail = (msg) => {
  throw new BuildError(msg);
};

// ---------------------------------------------------------------------------------------------
// Command line
function parseArgs(argv) {
  const args = { out: join(DATA, 'kb.json'), terms: null, report: null, notice: null, quiet: false };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') (args.out = resolve(argv[++i])), (outGiven = true);
    else if (a === '--terms') args.terms = resolve(argv[++i]);
    else if (a === '--report') args.report = resolve(argv[++i]);
    else if (a === '--notice') args.notice = resolve(argv[++i]);
    else if (a === '--quiet') args.quiet = true;
    else fail(`unknown argument ${a}`);
  }
  const base = outGiven ? dirname(args.out) : null;
  args.terms ??= join(base ?? DATA, 'kb-terms.tsv');
  args.report ??= base ? join(base, 'kb-report.json') : join(DATA, 'kb-report.json');
  args.notice ??= base ? join(base, 'NOTICE') : join(ROOT, 'NOTICE');
  return args;
}

// ---------------------------------------------------------------------------------------------
// Normalisation: the core's own (src/core/match/normalize.ts), so "the same term" here means
// the same thing as in the matcher.
const { foldCase, termKey } = core;

function slug(text) {
  return foldCase(text)
    .replace(/['’]s\b/g, 's')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const uniq = (xs) => [...new Set(xs)];

// ---------------------------------------------------------------------------------------------
// Checksums
function verifyChecksums() {
  const sums = readFileSync(join(SRC, 'SHA256SUMS'), 'utf8').split('\n').filter(Boolean);
  const problems = [];
  for (const line of sums) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line);
    if (!m) fail(`data/sources/SHA256SUMS: cannot read line "${line}"`);
    const file = join(SRC, m[2]);
    if (!existsSync(file)) {
      problems.push(`missing ${m[2]}`);
      continue;
    }
    const got = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (got !== m[1]) problems.push(`${m[2]}: expected sha256 ${m[1]}, got ${got}`);
  }
  if (problems.length)
    fail(`data/sources/SHA256SUMS does not match the raw source files (they must be the unaltered releases):\n  ${problems.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// Parsers
function unquoteObo(s) {
  return s.replace(/\\(.)/g, '$1');
}

/** Minimal OBO 1.2 reader: [Term] stanzas with the tags this build uses. */
function parseObo(text) {
  const header = {};
  const terms = [];
  let cur = null;
  let inHeader = true;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('[')) {
      inHeader = false;
      cur = line === '[Term]' ? { id: '', name: '', def: null, synonyms: [], xrefs: [], isA: [], altIds: [], subsets: [], obsolete: false, props: [] } : null;
      if (cur) terms.push(cur);
      continue;
    }
    const m = /^([A-Za-z_-]+): (.*)$/.exec(line);
    if (!m) continue;
    const [, tag, value] = m;
    if (inHeader) {
      (header[tag] ??= []).push(value);
      continue;
    }
    if (!cur) continue;
    switch (tag) {
      case 'id':
        cur.id = value.trim();
        break;
      case 'name':
        cur.name = value.trim();
        break;
      case 'def': {
        const d = /^"((?:[^"\\]|\\.)*)"/.exec(value);
        if (d) cur.def = unquoteObo(d[1]);
        break;
      }
      case 'synonym': {
        const s = /^"((?:[^"\\]|\\.)*)"\s+(EXACT|BROAD|NARROW|RELATED)(?:\s+([A-Za-z_:]+))?/.exec(value);
        if (s) cur.synonyms.push({ text: unquoteObo(s[1]), scope: s[2], type: s[3] ?? null });
        break;
      }
      case 'xref':
        cur.xrefs.push(value.split(/\s/)[0]);
        break;
      case 'is_a':
        cur.isA.push(value.split(/\s/)[0]);
        break;
      case 'alt_id':
        cur.altIds.push(value.trim());
        break;
      case 'subset':
        cur.subsets.push(value.trim());
        break;
      case 'is_obsolete':
        cur.obsolete = value.trim() === 'true';
        break;
      case 'property_value':
        cur.props.push(value);
        break;
    }
  }
  return { header, terms };
}

function parseTsv(text) {
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
  const head = lines.shift().split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

function sssomVersion(text) {
  const m = /^# mapping_set_version: .*\/releases\/([0-9-]+)\//m.exec(text);
  return m ? m[1] : 'unknown';
}

const HP_IRI = 'http://purl.obolibrary.org/obo/HP_';
const hpId = (iri) => (iri.startsWith(HP_IRI) ? `HP:${iri.slice(HP_IRI.length)}` : null);

function loadSources() {
  // DOID
  const doidText = gunzipSync(readFileSync(join(SRC, 'doid/doid-2024-01-31.obo.gz'))).toString('utf8');
  const doid = parseObo(doidText);
  const doidVersion = /releases\/([0-9-]+)\//.exec(doid.header['data-version']?.[0] ?? '')?.[1] ?? 'unknown';
  // DOID terms added since that release: the 2026-07-31 reports (id, label, parent label; xrefs).
  // Only ids missing from the full OBO file are taken from them (no synonyms or definitions there).
  const unq = (c) => c.replace(/^"|"$/g, '');
  const doidReport = parseTsv(readFileSync(join(SRC, 'doid/HumanDO-2026-07-31.tsv'), 'utf8')).map((r) => ({ id: unq(r.id), label: unq(r.label), parent: unq(r.subClassOf) }));
  const doidXrefs = new Map();
  for (const r of parseTsv(readFileSync(join(SRC, 'doid/allXREFinDO-2026-07-31.tsv'), 'utf8'))) {
    const id = unq(r.id);
    if (!doidXrefs.has(id)) doidXrefs.set(id, []);
    doidXrefs.get(id).push(unq(r.xref).replace(/^MIM:/, 'OMIM:'));
  }
  const known = new Set(doid.terms.map((t) => t.id));
  const idByLabel = new Map();
  for (const r of doidReport) if (!idByLabel.has(r.label)) idByLabel.set(r.label, r.id);
  for (const t of doid.terms) if (!t.obsolete && !idByLabel.has(t.name)) idByLabel.set(t.name, t.id);
  const added = new Map();
  for (const r of doidReport) {
    if (known.has(r.id) || !r.label) continue;
    if (!added.has(r.id)) {
      const t = { id: r.id, name: r.label, def: null, synonyms: [], xrefs: (doidXrefs.get(r.id) ?? []).map((x) => x.replace(/^UMLS_CUI:/, 'UMLS_CUI:')), isA: [], altIds: [], subsets: [], obsolete: false, props: [], fromReport: true };
      added.set(r.id, t);
      doid.terms.push(t);
    }
    const p = idByLabel.get(r.parent);
    if (p) added.get(r.id).isA.push(p);
  }
  // SYMP
  const symp = parseObo(readFileSync(join(SRC, 'symp/symp-2026-07-30.obo'), 'utf8'));
  const sympVersion = /releases\/([0-9-]+)\//.exec(symp.header['data-version']?.[0] ?? '')?.[1] ?? 'unknown';
  // HPO (obographs JSON)
  const hpJson = JSON.parse(gunzipSync(readFileSync(join(SRC, 'hpo/hp-2023-01-27.json.gz'))).toString('utf8'));
  const graph = hpJson.graphs[0];
  const hpoVersion = graph.meta.basicPropertyValues.find((p) => p.pred.endsWith('#versionInfo'))?.val ?? 'unknown';
  const hpo = new Map();
  for (const n of graph.nodes) {
    const id = hpId(n.id);
    if (!id || n.type !== 'CLASS' || !n.lbl) continue;
    const meta = n.meta ?? {};
    hpo.set(id, {
      id,
      name: n.lbl,
      def: meta.definition?.val ?? null,
      obsolete: meta.deprecated === true,
      synonyms: (meta.synonyms ?? []).map((s) => ({
        text: s.val,
        scope: s.pred.replace(/^has/, '').replace(/Synonym$/, '').toUpperCase(),
        type: s.synonymType ? s.synonymType.replace(/^.*[#/]/, '') : null,
      })),
      xrefs: (meta.xrefs ?? []).map((x) => x.val),
      altIds: (meta.basicPropertyValues ?? []).filter((p) => p.pred.endsWith('#hasAlternativeId')).map((p) => p.val),
      isA: [],
    });
  }
  for (const e of graph.edges) {
    if (e.pred !== 'is_a') continue;
    const sub = hpo.get(hpId(e.sub) ?? '');
    const obj = hpId(e.obj);
    if (sub && obj) sub.isA.push(obj);
  }
  // MONDO mapping sets
  const mondoFiles = {};
  let mondoVersion = 'unknown';
  for (const f of ['mondo_exactmatch_doid', 'mondo_exactmatch_icd10cm', 'mondo_hasdbxref_icd10cm', 'mondo_exactmatch_mesh']) {
    const text = readFileSync(join(SRC, `mondo/${f}.sssom.tsv`), 'utf8');
    mondoVersion = sssomVersion(text);
    mondoFiles[f] = parseTsv(text);
  }
  // ICD-10-CM FY2019
  const icdRows = parseTsv(gunzipSync(readFileSync(join(SRC, 'icd10cm/icd10cm-fy2019.tsv.gz'))).toString('utf8'));
  const icd = new Map();
  for (const r of icdRows) {
    const code = r.code.length > 3 ? `${r.code.slice(0, 3)}.${r.code.slice(3)}` : r.code;
    icd.set(code, { code, long: r.long_desc, short: r.short_desc });
  }
  return { doid, doidVersion, symp, sympVersion, hpo, hpoVersion, mondoFiles, mondoVersion, icd };
}

// ---------------------------------------------------------------------------------------------
// Hand-written layer
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file.slice(ROOT.length + 1)}: not valid JSON (${e.message})`);
  }
}

function listJson(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
}

function loadManual() {
  const entries = [];
  for (const f of listJson(join(MANUAL, 'entries'))) {
    const j = readJson(join(MANUAL, 'entries', f));
    if (!Array.isArray(j.entries)) fail(`data/manual/entries/${f}: expected { "entries": [ … ] }`);
    j.entries.forEach((e, i) => entries.push({ ...e, __file: `data/manual/entries/${f}`, __index: i }));
  }
  const definitions = [];
  for (const f of listJson(join(MANUAL, 'definitions'))) {
    const j = readJson(join(MANUAL, 'definitions', f));
    if (!Array.isArray(j.definitions)) fail(`data/manual/definitions/${f}: expected { "definitions": [ … ] }`);
    j.definitions.forEach((d, i) => definitions.push({ ...d, __file: `data/manual/definitions/${f}`, __index: i }));
  }
  const layFile = join(MANUAL, 'lay-terms.json');
  const layTerms = existsSync(layFile) ? readJson(layFile).layTerms ?? [] : [];
  const collFile = join(MANUAL, 'abbreviation-collisions.json');
  const collisions = existsSync(collFile) ? readJson(collFile) : { wordCollisions: {}, sharedAbbreviations: {} };
  const wordsFile = join(MANUAL, 'common-words.txt');
  const commonWords = new Set(
    existsSync(wordsFile)
      ? readFileSync(wordsFile, 'utf8')
          .split('\n')
          .map((l) => l.replace(/#.*$/, '').trim().toLowerCase())
          .filter(Boolean)
      : [],
  );
  const synFile = join(MANUAL, 'wrong-synonyms.json');
  const wrongSynonyms = existsSync(synFile) ? readJson(synFile).wrongSynonyms ?? [] : [];
  const sepFile = join(MANUAL, 'separate-concepts.json');
  const separateConcepts = existsSync(sepFile) ? readJson(sepFile).separateConcepts ?? [] : [];
  const icdFile = join(MANUAL, 'icd-codes.json');
  const icdCodes = existsSync(icdFile) ? readJson(icdFile).icdCodes ?? [] : [];
  return { entries, definitions, layTerms, collisions, commonWords, wrongSynonyms, separateConcepts, icdCodes };
}

// ---------------------------------------------------------------------------------------------
// Names, synonyms, abbreviations

const ACCENTED = [
  [/\bSjogren/g, 'Sjögren'],
  [/\bBehcet/g, 'Behçet'],
  [/\bMeniere/g, 'Ménière'],
  [/\bGuillain-Barre\b/g, 'Guillain-Barré'],
  [/\bRaynaud/g, 'Raynaud'],
];

function isAbbreviationToken(s) {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{1,9}$/.test(s)) return false;
  const letters = s.replace(/[^A-Za-z]/g, '');
  const upper = s.replace(/[^A-Z]/g, '').length;
  return upper >= 2 && upper * 2 >= letters.length && !/[a-z]{3}/.test(s);
}

function isJunkSynonym(s) {
  return (
    /[[\](){};:_,|/]/.test(s) ||
    /\bNOS\b/.test(s) ||
    / - /.test(s) ||
    /\bobsolete\b/i.test(s) ||
    /\bdisorder\)$/.test(s) ||
    /^\s|\s$/.test(s) ||
    s.length > 60 ||
    s.split(/\s+/).length > 8 ||
    s.length < 3 ||
    !/[A-Za-z]/.test(s)
  );
}

/**
 * Sorts a DOID/SYMP synonym into abbreviation, synonym or junk. "CTS - Carpal tunnel syndrome"
 * gives the abbreviation CTS and (when it is clean) the synonym "Carpal tunnel syndrome".
 */
function classifySynonym(text) {
  const out = { abbreviations: [], synonyms: [] };
  const dash = /^([A-Za-z0-9][A-Za-z0-9-]{1,9}) - (.+)$/.exec(text);
  if (dash && isAbbreviationToken(dash[1])) {
    out.abbreviations.push(dash[1]);
    if (!isJunkSynonym(dash[2])) out.synonyms.push(dash[2]);
    return out;
  }
  if (isAbbreviationToken(text)) out.abbreviations.push(text);
  else if (!isJunkSynonym(text)) out.synonyms.push(text);
  return out;
}

/** Words DOID itself writes in lower case somewhere after the first word of a name. */
function lowercaseVocabulary(terms) {
  const vocab = new Set();
  for (const t of terms) {
    const words = t.name.split(/\s+/);
    for (const w of words.slice(1)) if (/^[a-z][a-z-]*$/.test(w)) vocab.add(w);
  }
  return vocab;
}

/** DOID names are lower case except proper nouns; fix the few that capitalise a common word. */
function canonicalConditionName(name, vocab) {
  let n = name;
  const first = n.split(/\s+/)[0];
  if (/^[A-Z][a-z-]+$/.test(first) && vocab.has(first.toLowerCase())) n = first.toLowerCase() + n.slice(first.length);
  for (const [re, rep] of ACCENTED) n = n.replace(re, rep);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Codes
const ICD_RE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const MESH_RE = /^[DC][0-9]{6,9}$/;


function buildMondoIndex(mondoFiles) {
  const doidToMondo = new Map();
  const mondoLabel = new Map();
  for (const r of mondoFiles.mondo_exactmatch_doid) {
    mondoLabel.set(r.subject_id, r.subject_label);
    if (!doidToMondo.has(r.object_id)) doidToMondo.set(r.object_id, []);
    doidToMondo.get(r.object_id).push({ mondo: r.subject_id, label: r.subject_label, doidLabel: r.object_label });
  }
  const icdExact = new Map();
  const icdXref = new Map();
  const icdTitles = new Map();
  for (const [file, map] of [
    ['mondo_exactmatch_icd10cm', icdExact],
    ['mondo_hasdbxref_icd10cm', icdXref],
  ]) {
    for (const r of mondoFiles[file]) {
      const code = r.object_id.replace(/^ICD10CM:/, '');
      if (!ICD_RE.test(code)) continue;
      icdTitles.set(code, r.object_label);
      if (!map.has(r.subject_id)) map.set(r.subject_id, new Set());
      map.get(r.subject_id).add(code);
    }
  }
  const mesh = new Map();
  for (const r of mondoFiles.mondo_exactmatch_mesh) {
    const id = r.object_id.replace(/^mesh:/i, '');
    if (!MESH_RE.test(id)) continue;
    if (!mesh.has(r.subject_id)) mesh.set(r.subject_id, new Set());
    mesh.get(r.subject_id).add(id);
  }
  return { doidToMondo, icdExact, icdXref, icdTitles, mesh };
}

// ---------------------------------------------------------------------------------------------
// Build

function build(args) {
  const t0 = Date.now();
  verifyChecksums();
  const S = loadSources();
  const M = loadManual();
  const report = { counts: {}, warnings: [], droppedIcdCodes: [], conditionIcdTitleMatches: [], icdOverrides: [], aliasCollisions: [], abbreviationCollisions: [], symptomIcdMatches: [] };
  const mondo = buildMondoIndex(S.mondoFiles);
  const icdValid = (code) => ICD_RE.test(code) && (S.icd.has(code) || mondo.icdTitles.has(code));
  const icdTitleKeys = (code) =>
    uniq(
      [mondo.icdTitles.get(code), S.icd.get(code)?.long, S.icd.get(code)?.short]
        .filter(Boolean)
        .flatMap((t) => [t, t.replace(/, unspecified$/i, '').replace(/, not specified as acute or chronic$/i, '')])
        .map(termKey),
    );
  /** One code for a set: the only one, or the common category of siblings, or the most general. */
  const pickCode = (codes) => {
    const list = uniq(codes).sort((a, b) => a.length - b.length || cmp(a, b));
    if (list.length > 1) {
      let prefix = list.reduce((p, c) => {
        let i = 0;
        while (i < p.length && p[i] === c[i]) i++;
        return p.slice(0, i);
      });
      prefix = prefix.replace(/\.$/, '');
      while (prefix.length > 3 && !icdValid(prefix)) prefix = prefix.slice(0, -1).replace(/\.$/, '');
      if (prefix.length >= 3 && icdValid(prefix)) return prefix;
    }
    return list[0];
  };

  // --- index the sources -----------------------------------------------------------------
  // An ontology's own terms by id, and its alternative ids → the current id.
  const byId = (terms, prefix) => {
    const ids = new Map();
    const alt = new Map();
    for (const t of terms) {
      if (!t.id.startsWith(prefix)) continue;
      ids.set(t.id, t);
      for (const a of t.altIds) alt.set(a, t.id);
    }
    return [ids, alt];
  };
  const [doidTerms, doidAlt] = byId(S.doid.terms, 'DOID:');
  const doidChildren = new Map();
  for (const t of doidTerms.values()) for (const p of t.isA) doidChildren.set(p, (doidChildren.get(p) ?? 0) + 1);
  const [sympTerms, sympAlt] = byId(S.symp.terms, 'SYMP:');
  const hpoAlt = new Map();
  for (const t of S.hpo.values()) for (const a of t.altIds) hpoAlt.set(a, t.id);

  /** Resolves a DOID/HP/SYMP id (or alt id) to a live source term; null when unknown. */
  function resolveSourceId(id) {
    if (typeof id !== 'string') return null;
    if (id.startsWith('DOID:')) {
      const t = doidTerms.get(doidAlt.get(id) ?? id);
      return t ? { kind: 'doid', term: t } : null;
    }
    if (id.startsWith('HP:')) {
      const t = S.hpo.get(hpoAlt.get(id) ?? id);
      return t ? { kind: 'hpo', term: t } : null;
    }
    if (id.startsWith('SYMP:')) {
      const t = sympTerms.get(sympAlt.get(id) ?? id);
      return t ? { kind: 'symp', term: t } : null;
    }
    return null;
  }

  // --- forced inclusions: every source id the hand-written layer points at -----------------
  const forced = new Set();
  const targetProblems = [];
  const forceTarget = (id, where) => {
    const r = resolveSourceId(id);
    if (!r) return targetProblems.push(`${where}: target ${JSON.stringify(id)} is not a DOID, HP or SYMP id found in data/sources/`);
    if (r.term.obsolete) return targetProblems.push(`${where}: target ${id} (${r.term.name}) is obsolete in its source`);
    forced.add(r.term.id);
  };
  for (const d of M.definitions) forceTarget(d.target, `${d.__file} definitions[${d.__index}]`);
  for (const e of M.entries)
    for (const key of ['doid', 'hpo', 'symp']) if (e.codes?.[key]) forceTarget(e.codes[key], `${e.__file} entries[${e.__index}] (${e.id}) codes.${key}`);
  for (const [i, l] of M.layTerms.entries())
    if (/^(DOID|HP|SYMP):/.test(l.target ?? '')) forceTarget(l.target, `data/manual/lay-terms.json layTerms[${i}]`);
  // both ends of a wrong-synonym rule: taking a synonym off `from` can take away the ICD-10-CM
  // code that kept it in the knowledge base (chronic adenoiditis J35.02 on adenoiditis)
  for (const [i, w] of M.wrongSynonyms.entries()) for (const id of [w.from, w.to].filter(Boolean)) forceTarget(id, `data/manual/wrong-synonyms.json wrongSynonyms[${i}]`);
  for (const [i, c] of M.separateConcepts.entries()) for (const id of [c.id, c.from, c.to].filter(Boolean)) forceTarget(id, `data/manual/separate-concepts.json separateConcepts[${i}]`);
  // ICD-10-CM codes decided by hand (data/manual/icd-codes.json): a DOID condition, and a code of
  // the FY2019 table or null. The target is force-included, so a code taken away cannot drop it.
  const icdOverrides = new Map(); // DOID id → rule
  for (const [i, o] of M.icdCodes.entries()) {
    const where = `data/manual/icd-codes.json icdCodes[${i}]`;
    if (!String(o.target).startsWith('DOID:')) targetProblems.push(`${where}: target ${JSON.stringify(o.target)} is not a DOID id`);
    else if (o.icd10cm !== null && !S.icd.has(o.icd10cm)) targetProblems.push(`${where}: ${JSON.stringify(o.icd10cm)} is not a code of the ICD-10-CM FY2019 table (or null)`);
    else if (!o.reason) targetProblems.push(`${where}: no reason`);
    else {
      forceTarget(o.target, where);
      const id = resolveSourceId(o.target)?.term.id;
      if (id && icdOverrides.has(id)) targetProblems.push(`${where}: a second rule for ${id}`);
      else if (id) icdOverrides.set(id, { ...o, where });
    }
  }
  if (targetProblems.length) fail(`the hand-written layer points at ids that do not exist:\n  ${targetProblems.join('\n  ')}`);

  // --- wrong synonyms (data/manual/wrong-synonyms.json), taken off the source term itself -----
  // before anything reads it: the ICD-10-CM choice below matches code titles against a term's
  // exact synonyms, and a candidate code whose title is a wrong synonym names the other concept
  // (DOID merged Cushing syndrome into primary hyperaldosteronism, with its synonyms and E24).
  const wrongKeys = new Map(); // source term id → termKeys of its wrong synonyms
  const wrongAtSource = new Set(); // rules that took a synonym off their source term
  for (const [i, w] of M.wrongSynonyms.entries()) {
    const t = resolveSourceId(w.from)?.term;
    const k = termKey(w.synonym ?? '');
    if (!t || !k) continue;
    const n = t.synonyms.length;
    t.synonyms = t.synonyms.filter((s) => termKey(s.text) !== k);
    if (t.synonyms.length < n) wrongAtSource.add(i);
    wrongKeys.set(t.id, new Set([...(wrongKeys.get(t.id) ?? []), k]));
  }

  // --- ICD-10-CM exact title matches (FY2019 table) --------------------------------------------
  // Used only where the mappings give no code: a name or exact synonym that *is* an ICD-10-CM
  // title, after removing the qualifiers ", unspecified", "Unspecified " and (symptoms) " of skin".
  const titleIndex = new Map();
  const addTitle = (key, code) => {
    if (!key) return;
    if (!titleIndex.has(key)) titleIndex.set(key, new Set());
    titleIndex.get(key).add(code);
  };
  for (const r of S.icd.values()) {
    if (/^[STVWXYZ]/.test(r.code)) continue; // injuries and external causes: never a name match
    for (const title of uniq([r.long, r.short])) {
      addTitle(termKey(title), r.code);
      let stripped = title.replace(/, unspecified$/i, '').replace(/^Unspecified /, '');
      if (r.code.startsWith('R')) stripped = stripped.replace(/ of skin$/i, '');
      if (stripped !== title) addTitle(termKey(stripped), r.code);
    }
  }
  function matchTitle(forms, id, chapter, field) {
    for (const f of forms) {
      const codes = [...(titleIndex.get(termKey(f)) ?? [])].filter((c) => !chapter || c.startsWith(chapter));
      if (codes.length) {
        const code = pickCode(codes);
        report[field].push({ id, form: f, code, title: S.icd.get(code)?.long ?? mondo.icdTitles.get(code) });
        return code;
      }
    }
    return null;
  }
  const matchRCode = (forms, id) => matchTitle(forms, id, 'R', 'symptomIcdMatches');

  // --- conditions from DOID --------------------------------------------------------------
  const vocab = lowercaseVocabulary([...doidTerms.values()].filter((t) => !t.obsolete));
  const doidDepth = new Map();
  const depthOf = (id, seen = new Set()) => {
    if (doidDepth.has(id)) return doidDepth.get(id);
    const t = doidTerms.get(id);
    if (!t || seen.has(id) || t.isA.length === 0) return 0;
    seen.add(id);
    const d = 1 + Math.min(...t.isA.map((p) => depthOf(p, seen)));
    doidDepth.set(id, d);
    return d;
  };

  const conditionCandidates = [];
  for (const t of doidTerms.values()) {
    if (t.obsolete || !t.name || t.name.startsWith('obsolete ')) continue;
    const mondoIds = (mondo.doidToMondo.get(t.id) ?? []).slice().sort((a, b) => {
      const am = termKey(a.label) === termKey(t.name) ? 0 : 1;
      const bm = termKey(b.label) === termKey(t.name) ? 0 : 1;
      return am - bm || cmp(a.mondo, b.mondo);
    });
    const mondoId = mondoIds[0]?.mondo ?? null;
    // ICD-10-CM, in this order: a candidate code whose title is the disease's name, or else an exact
    // synonym (wrong synonyms and the codes they title left out, see above); Mondo's exact match
    // when Mondo and DOID name the same concept (current titles); DOID's own xrefs (several sibling codes → their common category); Mondo's otherwise.
    // Last, a rule of data/manual/icd-codes.json replaces the result.
    let icd = null;
    let icdFrom = null;
    const doidIcd = t.xrefs.filter((x) => x.startsWith('ICD10CM:')).map((x) => x.slice(8));
    for (const c of doidIcd) if (!icdValid(c)) report.droppedIcdCodes.push({ id: t.id, code: c, reason: 'not in ICD-10-CM FY2019 nor in the Mondo 2026 ICD-10-CM titles' });
    // a code whose title is a wrong synonym of the term (data/manual/wrong-synonyms.json) is not one
    const wrong = wrongKeys.get(t.id);
    const isWrong = (c) => wrong && icdTitleKeys(c).some((k) => wrong.has(k));
    for (const c of uniq([...doidIcd, ...(mondoId ? [...(mondo.icdExact.get(mondoId) ?? []), ...(mondo.icdXref.get(mondoId) ?? [])] : [])]).filter(icdValid).filter(isWrong))
      report.droppedIcdCodes.push({ id: t.id, code: c, reason: 'its title is a wrong synonym of the term (data/manual/wrong-synonyms.json)' });
    const mondoExact = [...((mondoId && mondo.icdExact.get(mondoId)) ?? [])].filter((c) => icdValid(c) && !isWrong(c));
    const mondoXref = [...((mondoId && mondo.icdXref.get(mondoId)) ?? [])].filter((c) => icdValid(c) && !isWrong(c));
    const doidValid = doidIcd.filter((c) => icdValid(c) && !isWrong(c));
    const sameConcept = mondoIds[0] && termKey(mondoIds[0].label) === termKey(t.name);
    // A code titled with the name wins over one titled with a synonym only: DOID merges subtypes
    // into a term with their names as synonyms ("acute bronchitis" J20 into bronchitis, J40
    // "Bronchitis, not specified as acute or chronic"). A code matched through a synonym only gives
    // way to its own category among the candidates when DOID merged other terms into this one
    // (alt ids): penile cancer took in "malignant neoplasm of body of penis" (C60.2 → C60).
    const candidates = uniq([...mondoExact, ...mondoXref, ...doidValid]);
    const synKeys = new Set(t.synonyms.filter((s) => s.scope === 'EXACT').map((s) => termKey(s.text)));
    const byName = candidates.filter((c) => icdTitleKeys(c).includes(termKey(t.name)));
    const bySynonym = candidates.filter((c) => icdTitleKeys(c).some((k) => synKeys.has(k)));
    const category = (c) => !t.altIds.length ? c : candidates.filter((a) => a !== c && c.startsWith(a)).sort((a, b) => a.length - b.length)[0] ?? c;
    const titleMatch = byName.length ? byName : uniq(bySynonym.map(category));
    for (const [from, codes] of [
      ['title', titleMatch],
      ['mondo-exact', sameConcept ? mondoExact : []],
      ['mondo-dbxref', sameConcept ? mondoXref : []],
      ['doid', doidValid],
      ['mondo-exact', mondoExact],
      ['mondo-dbxref', mondoXref],
    ]) {
      if (codes.length) {
        icd = pickCode(codes);
        icdFrom = from;
        break;
      }
    }
    if (!icd) {
      icd = matchTitle([t.name, ...t.synonyms.filter((x) => x.scope === 'EXACT').map((x) => x.text)], t.id, null, 'conditionIcdTitleMatches');
      if (icd) icdFrom = 'icd-title';
    }
    const sourceIcd = icd; // ranks the term below: a rule changes its code, not its rank
    const override = icdOverrides.get(t.id);
    if (override && override.icd10cm === icd) report.warnings.push(`${override.where}: the build already gives ${t.id} (${t.name}) ${icd ?? 'no code'}; remove the rule`);
    else if (override) {
      report.icdOverrides.push({ id: t.id, name: t.name, code: override.icd10cm, replaces: icd, reason: override.reason });
      icd = override.icd10cm;
      icdFrom = 'manual';
    }
    // MeSH: DOID exactMatch property > Mondo exact match > DOID xref (when only one).
    const exactMesh = t.props.map((p) => /^exactMatch "MESH:([DC][0-9]+)"/.exec(p)?.[1]).filter(Boolean);
    const xrefMesh = t.xrefs.filter((x) => x.startsWith('MESH:')).map((x) => x.slice(5)).filter((x) => MESH_RE.test(x));
    const mondoMesh = [...((mondoId && mondo.mesh.get(mondoId)) ?? [])];
    const mesh = exactMesh.find((x) => MESH_RE.test(x)) ?? (mondoMesh.length === 1 ? mondoMesh[0] : null) ?? (xrefMesh.length === 1 ? xrefMesh[0] : null);
    const umls = t.xrefs.filter((x) => x.startsWith('UMLS_CUI:')).map((x) => x.slice(9));
    const name = t.name;
    const words = name.split(/\s+/).length;
    const rare = t.subsets.includes('DO_rare_slim');
    // Rank: what a patient-education writer meets first. Codes in ICD-10-CM and MeSH, a short
    // name, a general (category-level) ICD code, children in DOID; rare-disease and
    // numbered-subtype terms last.
    let score = 0;
    if (sourceIcd) score += 10;
    if (sourceIcd && sourceIcd.length === 3) score += 3;
    else if (sourceIcd && sourceIcd.length === 5) score += 1.5;
    if (mesh) score += 3;
    if (umls.length) score += 1;
    if (t.def) score += 1;
    if (mondoId) score += 0.5;
    score += Math.min(3, t.synonyms.length) * 0.3;
    score += Math.min(2, Math.log2(1 + (doidChildren.get(t.id) ?? 0)) * 0.5);
    score -= Math.max(0, words - 2) * 0.7;
    if (rare) score -= 3;
    if (/\d/.test(name) && !/\btype [12]\b/.test(name)) score -= 2;
    // numbered or lettered subtypes: "retinitis pigmentosa 14", "dilated cardiomyopathy 1AA",
    // "glycogen storage disease IXa", "type 1 diabetes mellitus 10"
    const subtype = name.replace(/^type [12] /, '');
    if (/\s(?:type\s)?[0-9]+[A-Za-z]{0,2}$|\s[0-9]+[A-Z]{0,2}\s|\s[A-Z]$|\s[IVX]+[a-dA-D]?[0-9]?$/.test(subtype)) score -= 6;
    if (/\b(autosomal|X-linked|congenital|familial|syndrome type|deficiency|due to)\b/i.test(name)) score -= 1.5;
    if (/^[A-Z0-9-]+\b/.test(name) && !/^[A-Z][a-z]/.test(name)) score -= 1; // gene-named
    score -= Math.max(0, depthOf(t.id) - 6) * 0.3;
    conditionCandidates.push({ term: t, mondoId, icd, icdFrom, mesh, umls, score });
  }
  conditionCandidates.sort((a, b) => b.score - a.score || cmp(a.term.id, b.term.id));
  const selectedConditions = [];
  const isRoot = (t) => t.id === 'DOID:4' || t.isA.length === 0;
  for (const c of conditionCandidates) {
    if (forced.has(c.term.id)) selectedConditions.push(c);
    else if (selectedConditions.length < CONDITION_TARGET && c.icd && !isRoot(c.term)) selectedConditions.push(c);
  }
  // A few very common conditions have no single ICD-10-CM code in the sources (tuberculosis,
  // melanoma: ranges or site-specific codes only). Keep the best-ranked of those, capped so
  // that at least 97% of the generated conditions still carry a code.
  // The hand-written layer's own targets without a code count against the same budget.
  let noIcd = selectedConditions.filter((c) => !c.icd).length;
  for (const c of conditionCandidates) {
    if (noIcd >= NO_ICD_MAX) break;
    if (c.icd || forced.has(c.term.id) || isRoot(c.term)) continue;
    const children = doidChildren.get(c.term.id) ?? 0;
    if (!c.mesh || !c.umls.length || c.term.name.split(/\s+/).length > 3 || /\d/.test(c.term.name) || children < 2 || children > 8) continue;
    if (/\b(disease|disorder|syndrome|neoplasm|carcinoma|cancer|adenoma)$/.test(c.term.name) && children > 4) continue; // groupings
    selectedConditions.push(c);
    noIcd++;
  }
  // forced ones further down the ranking
  for (const c of conditionCandidates) if (forced.has(c.term.id) && !selectedConditions.includes(c)) selectedConditions.push(c);


  // --- symptoms from HPO -------------------------------------------------------------------
  const PHENOTYPE_ROOT = 'HP:0000118';
  const underPhenotype = new Map();
  const isPhenotype = (id, seen = new Set()) => {
    if (id === PHENOTYPE_ROOT) return true;
    if (underPhenotype.has(id)) return underPhenotype.get(id);
    const t = S.hpo.get(id);
    if (!t || seen.has(id)) return false;
    seen.add(id);
    const r = t.isA.some((p) => isPhenotype(p, seen));
    underPhenotype.set(id, r);
    return r;
  };
  /** An HPO term's exact synonyms other than layperson ones: abbreviations and clean synonyms. */
  const hpoSynonyms = (t) => {
    const abbreviations = [];
    const synonyms = [];
    for (const s of t.synonyms) {
      if (s.scope !== 'EXACT' || s.type === 'layperson' || s.type === 'obsolete_synonym') continue;
      if (s.type === 'abbreviation') {
        if (isAbbreviationToken(s.text)) abbreviations.push(s.text);
        continue;
      }
      if (!isJunkSynonym(s.text)) synonyms.push(s.text);
    }
    return { abbreviations: uniq(abbreviations), synonyms };
  };
  const hpoLay = (t) => t.synonyms.filter((s) => s.type === 'layperson' && s.scope === 'EXACT').map((s) => s.text);
  const hpoCandidates = [];
  for (const t of S.hpo.values()) {
    if (t.obsolete || !isPhenotype(t.id)) continue;
    const lay = hpoLay(t);
    const mesh = t.xrefs.map((x) => /^MSH:([DC][0-9]+)$/.exec(x)?.[1]).filter((x) => x && MESH_RE.test(x));
    const umls = t.xrefs.filter((x) => x.startsWith('UMLS:')).map((x) => x.slice(5));
    if (!forced.has(t.id) && (lay.length === 0 || (mesh.length === 0 && umls.length === 0))) continue;
    const words = t.name.split(/\s+/).length;
    let score = 0;
    if (mesh.length) score += 3;
    if (umls.length) score += 1;
    score += Math.min(3, lay.length) * 0.5;
    score -= Math.max(0, words - 2) * 0.8;
    if (/^Abnormal(ity)?\b/.test(t.name)) score -= 3;
    if (/\b(morphology|physiology)\b/i.test(t.name)) score -= 2;
    if (/\d/.test(t.name)) score -= 1;
    hpoCandidates.push({ term: t, lay, mesh: mesh.length === 1 ? mesh[0] : mesh.sort()[0] ?? null, meshes: mesh, umls, score });
  }
  hpoCandidates.sort((a, b) => b.score - a.score || cmp(a.term.id, b.term.id));

  // --- assemble generated entries ------------------------------------------------------------
  /** @type {Map<string, any>} keyed by primary source id */
  const gen = new Map();
  const surface = (e) => [e.name, ...e.synonyms];

  for (const c of selectedConditions) {
    const t = c.term;
    const name = canonicalConditionName(t.name, vocab);
    const abbreviations = [];
    const synonyms = [];
    if (name !== t.name) synonyms.push(t.name);
    for (const s of t.synonyms) {
      if (s.scope !== 'EXACT') continue;
      const k = classifySynonym(s.text);
      abbreviations.push(...k.abbreviations);
      synonyms.push(...k.synonyms);
    }
    gen.set(t.id, {
      src: t.id,
      kind: 'condition',
      name,
      abbreviations: uniq(abbreviations),
      synonyms,
      layTerms: [],
      codes: { icd10cm: c.icd, mesh: c.mesh, doid: t.id, mondo: c.mondoId },
      parents: t.isA,
      umls: c.umls,
      score: c.score,
      forced: forced.has(t.id),
      hpoLayTerms: [],
    });
  }

  // HPO terms that name a shipped condition (same UMLS concept or same name) lend it their
  // id and layperson synonyms instead of becoming a separate symptom.
  const condByCui = new Map();
  const condByKey = new Map();
  const condByName = new Map();
  for (const e of gen.values()) {
    condByName.set(termKey(e.name), e);
    for (const u of e.umls) if (!condByCui.has(u)) condByCui.set(u, e);
    for (const f of surface(e)) if (!condByKey.has(termKey(f))) condByKey.set(termKey(f), e);
  }
  let hpoSymptoms = 0;
  const symptomKeys = new Map();
  // an HPO term kept apart from the condition it would join (data/manual/separate-concepts.json)
  const apart = new Map(M.separateConcepts.map((c) => [`${resolveSourceId(c.id).term.id} ${resolveSourceId(c.from).term.id}`, c]));
  for (const c of hpoCandidates) {
    const t = c.term;
    let cond = c.umls.map((u) => condByCui.get(u)).find(Boolean) ?? condByKey.get(termKey(t.name));
    const sep = cond && apart.get(`${t.id} ${cond.src}`);
    if (sep) {
      // it may still join the condition the rule names (`to`) or the one of its own name ("Cervical polyp", "Stroke")
      const to = sep.to && gen.get(resolveSourceId(sep.to).term.id);
      if (sep.to && !to) fail(`data/manual/separate-concepts.json: ${sep.to} (to) was not built as a condition`);
      const named = to || condByName.get(termKey(t.name));
      const other = named && named !== cond && (to || !named.codes.hpo) && !apart.has(`${t.id} ${named.src}`) ? named : null;
      report.aliasCollisions.push({ form: t.name, field: 'name', keptOn: other?.src ?? t.id, droppedFrom: cond.src, resolution: `not merged into ${cond.src} (${sep.reason}): ${other ? `merged into ${other.src}, ${to ? 'the condition the rule names' : 'the condition of that name'}` : 'an entry of its own'}` });
      apart.delete(`${t.id} ${cond.src}`);
      c.mesh = c.meshes.filter((m) => m !== cond.codes.mesh).sort()[0] ?? null; // not the condition's heading
      cond = other;
      if (to && to.codes.hpo) {
        // the condition has its own HPO twin already: this term's name and synonyms join it as synonyms
        const h = hpoSynonyms(t);
        to.synonyms.push(t.name, ...h.synonyms);
        to.abbreviations.push(...h.abbreviations);
        to.hpoLayTerms.push(...c.lay);
        to.layTerms.push(...c.lay);
        (to.absorbed ??= []).push(t.id);
        continue;
      }
    }
    if (cond && (!forced.has(t.id) || !cond.codes.hpo)) {
      if (!cond.codes.hpo) {
        cond.codes.hpo = t.id;
        cond.hpoLayTerms.push(...c.lay);
        cond.layTerms.push(...c.lay);
      }
      continue;
    }
    if (!forced.has(t.id) && hpoSymptoms >= HPO_SYMPTOM_TARGET) continue;
    const { abbreviations, synonyms } = hpoSynonyms(t);
    const icd = matchRCode([t.name, ...synonyms], t.id);
    const e = {
      src: t.id,
      kind: 'symptom',
      name: t.name, // verbatim HPO label (licence: do not alter)
      abbreviations: uniq(abbreviations),
      synonyms,
      layTerms: [...c.lay],
      codes: { icd10cm: icd, mesh: c.mesh, hpo: t.id },
      parents: t.isA,
      umls: c.umls,
      score: c.score + (icd ? 3 : 0),
      forced: forced.has(t.id),
      hpoLayTerms: [...c.lay],
    };
    gen.set(t.id, e);
    hpoSymptoms++;
    for (const f of surface(e)) if (!symptomKeys.has(termKey(f))) symptomKeys.set(termKey(f), e);
    for (const u of c.umls) if (!symptomKeys.has(`cui:${u}`)) symptomKeys.set(`cui:${u}`, e);
  }
  for (const c of apart.values()) report.warnings.push(`data/manual/separate-concepts.json: ${c.id} would not be merged into ${c.from} anyway; remove the rule`);
  // hpo ids already attached to conditions
  const hpoOwner = new Map();
  for (const e of gen.values()) if (e.codes.hpo) hpoOwner.set(e.codes.hpo, e);

  // --- symptoms from SYMP (deduplicated against HPO and conditions) --------------------------
  const SYMP_ROOT = 'SYMP:0000462';
  for (const t of [...sympTerms.values()].sort((a, b) => cmp(a.id, b.id))) {
    if (t.obsolete || !t.name || t.id === SYMP_ROOT) continue;
    const isGroup = / symptom$/.test(t.name) || / symptoms$/.test(t.name);
    if ((isGroup || t.name.split(/\s+/).length > 4) && !forced.has(t.id)) continue;
    const synonyms = [];
    const abbreviations = [];
    for (const s of t.synonyms) {
      if (s.scope !== 'EXACT') continue;
      const k = classifySynonym(s.text);
      abbreviations.push(...k.abbreviations);
      synonyms.push(...k.synonyms);
    }
    const cuis = t.xrefs.filter((x) => x.startsWith('UMLS_CUI:')).map((x) => x.slice(9));
    // The twin, by the strongest evidence first: the term's own name, a shared UMLS concept, and
    // only then one of its exact synonyms. SYMP's synonyms are loose ("rash" lists "erythema",
    // "skin redness"): a synonym match must not beat the concept the term is cross-referenced to.
    const nameKey = termKey(t.name);
    const synonymKeys = synonyms.map(termKey);
    const twin =
      symptomKeys.get(nameKey) ??
      cuis.map((u) => symptomKeys.get(`cui:${u}`) ?? condByCui.get(u)).find(Boolean) ??
      condByKey.get(nameKey) ??
      synonymKeys.map((k) => symptomKeys.get(k) ?? condByKey.get(k)).find(Boolean);
    if (twin && !twin.codes.symp) {
      twin.codes.symp = t.id;
      // a synonym that names another entry is that entry's concept, not the twin's
      const elsewhere = (f) => [symptomKeys.get(termKey(f)), condByKey.get(termKey(f))].find((o) => o && o !== twin);
      for (const f of synonyms.filter(elsewhere))
        report.aliasCollisions.push({ form: f, field: 'synonyms', keptOn: elsewhere(f).src, droppedFrom: t.id, resolution: `${t.id} is merged into ${twin.src}; this synonym names another entry: left out` });
      twin.synonyms.push(t.name, ...synonyms.filter((f) => !elsewhere(f)));
      twin.abbreviations.push(...abbreviations);
      continue;
    }
    if (twin && !forced.has(t.id)) continue;
    const icd = matchRCode([t.name, ...synonyms], t.id);
    gen.set(t.id, {
      src: t.id,
      kind: 'symptom',
      name: t.name,
      abbreviations: uniq(abbreviations),
      synonyms,
      layTerms: [],
      codes: { icd10cm: icd, symp: t.id },
      parents: t.isA,
      umls: cuis,
      score: 2 + (icd ? 3 : 0) - Math.max(0, t.name.split(/\s+/).length - 2) * 0.8,
      forced: forced.has(t.id),
      hpoLayTerms: [],
    });
  }

  // --- the hand-written layer ------------------------------------------------------------------
  const bySourceId = new Map();
  for (const e of gen.values()) for (const k of ['doid', 'hpo', 'symp']) if (e.codes[k]) bySourceId.set(e.codes[k], e);
  const findGenerated = (id) => {
    const r = resolveSourceId(id);
    return r ? bySourceId.get(r.term.id) ?? null : null;
  };
  // wrong synonyms in the sources: taken off the entry of `from`, given to the entry of `to` if any
  for (const [i, w] of M.wrongSynonyms.entries()) {
    const from = findGenerated(w.from);
    const to = w.to ? findGenerated(w.to) : null;
    if (w.to && !to) fail(`data/manual/wrong-synonyms.json wrongSynonyms[${i}]: ${w.to} was not built (not a condition or symptom term)`);
    const k = termKey(w.synonym ?? '');
    if (!from || (!wrongAtSource.has(i) && !from.synonyms.some((f) => termKey(f) === k))) {
      report.warnings.push(`data/manual/wrong-synonyms.json wrongSynonyms[${i}]: "${w.synonym}" is not a synonym of ${w.from} (any more); remove the rule`);
      continue;
    }
    from.synonyms = from.synonyms.filter((f) => termKey(f) !== k);
    if (to) to.synonyms.push(w.synonym);
    report.aliasCollisions.push({ form: w.synonym, field: 'synonyms', keptOn: to?.src ?? null, droppedFrom: w.from, resolution: `wrong synonym in the sources (${w.reason}): ${to ? `moved to ${to.src}` : 'removed'}` });
  }
  // manualForms: every hand-written form of the entry; handLay / handSyn: its hand-written lay
  // terms and synonyms, which decide the field a form ships in (see the claims below)
  const entries = [...gen.values()].map((e) => ({ ...e, manual: false, manualForms: new Set(), handLay: new Set(), handSyn: new Set() }));
  const byGen = new Map(entries.map((e) => [e.src, e]));
  const genOf = (g) => (g ? byGen.get(g.src) : null);
  const manualIds = new Map();
  const mergeProblems = [];

  for (const m of M.entries) {
    const where = `${m.__file} entries[${m.__index}]`;
    if (typeof m.id !== 'string' || !m.id) {
      mergeProblems.push(`${where}: no id`);
      continue;
    }
    if (manualIds.has(m.id)) {
      mergeProblems.push(`${where}: id "${m.id}" repeats ${manualIds.get(m.id)}`);
      continue;
    }
    manualIds.set(m.id, where);
    const targets = uniq(['doid', 'hpo', 'symp'].map((k) => m.codes?.[k] && genOf(findGenerated(m.codes[k]))).filter(Boolean));
    if (targets.some((t) => t.manual)) {
      mergeProblems.push(`${where} (${m.id}): ${targets.find((t) => t.manual).src} is already merged with the manual entry "${targets.find((t) => t.manual).id}"`);
      continue;
    }
    // Codes pointing at several generated entries (say a DOID disease and its HPO twin): they
    // become one entry, the one of the manual entry's kind absorbing the others.
    targets.sort((a, b) => (a.kind === m.kind ? 0 : 1) - (b.kind === m.kind ? 0 : 1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    for (const other of targets.slice(1)) {
      const t = targets[0];
      t.synonyms.push(other.name, ...other.synonyms);
      t.layTerms.push(...other.layTerms);
      t.hpoLayTerms.push(...other.hpoLayTerms);
      t.abbreviations.push(...other.abbreviations);
      for (const [k, v] of Object.entries(other.codes)) if (v && !t.codes[k]) t.codes[k] = v;
      t.forced = true;
      entries.splice(entries.indexOf(other), 1);
      byGen.set(other.src, t);
    }
    const { __file, __index, ...fields } = m;
    const target = targets[0];
    const manualForms = new Set([...(m.synonyms ?? []), ...(m.layTerms ?? []), ...(m.abbreviations ?? [])]);
    if (target) {
      const oldName = target.name;
      Object.assign(target, {
        manual: true,
        manualEntry: fields,
        id: m.id,
        kind: m.kind ?? target.kind,
        name: m.name ?? target.name,
        abbreviations: uniq([...(m.abbreviations ?? []), ...target.abbreviations]),
        synonyms: [...(m.synonyms ?? []), ...(m.name && m.name !== oldName ? [oldName] : []), ...target.synonyms],
        layTerms: [...(m.layTerms ?? []), ...target.layTerms],
        codes: { ...target.codes, ...(m.codes ?? {}) },
        manualForms: new Set([...target.manualForms, ...manualForms]),
        handLay: new Set([...target.handLay, ...(m.layTerms ?? [])]),
        handSyn: new Set([...target.handSyn, ...(m.synonyms ?? [])]),
      });
    } else {
      entries.push({
        src: `manual:${m.id}`,
        manual: true,
        manualEntry: fields,
        id: m.id,
        kind: m.kind,
        name: m.name,
        abbreviations: [...(m.abbreviations ?? [])],
        synonyms: [...(m.synonyms ?? [])],
        layTerms: [...(m.layTerms ?? [])],
        codes: { ...(m.codes ?? {}) },
        parents: [],
        umls: [],
        score: 100,
        forced: true,
        hpoLayTerms: [],
        manualForms,
        handLay: new Set(m.layTerms ?? []),
        handSyn: new Set(m.synonyms ?? []),
      });
    }
  }
  if (mergeProblems.length) fail(`cannot merge the hand-written entries:\n  ${mergeProblems.join('\n  ')}`);

  // definitions
  const defined = new Map();
  for (const d of M.definitions) {
    const where = `${d.__file} definitions[${d.__index}]`;
    const target = genOf(findGenerated(d.target));
    if (!target) {
      mergeProblems.push(`${where}: target ${d.target} was not built (it is a source id, but not a condition or symptom term)`);
      continue;
    }
    // hand-written lay terms and synonyms of every record that targets the entry
    for (const [field, hand] of [
      ['layTerms', 'handLay'],
      ['synonyms', 'handSyn'],
    ]) {
      target[field] = [...(d[field] ?? []), ...target[field]];
      for (const f of d[field] ?? []) target.manualForms.add(f), target[hand].add(f);
    }
    // and its abbreviations (case-sensitive; through the collision checks below)
    target.abbreviations = uniq([...(d.abbreviations ?? []), ...target.abbreviations]);
    for (const a of d.abbreviations ?? []) target.manualForms.add(a);
    if (defined.has(target)) {
      // two ids that the build merged into one entry (e.g. a DOID disease and its HPO twin)
      report.warnings.push(`${where}: ${d.target} is part of the same entry as the definition in ${defined.get(target)}; that definition was kept, this one left out (its lay terms and synonyms were added)`);
      continue;
    }
    defined.set(target, where);
    target.definitionOverlay = d;
    target.manual = true;
    // A hand-written entry's own definition, sources and review win. A record fills a missing
    // one only when it targets one of the entry's own terms, not another term merged into it.
    const m = target.manualEntry;
    const ownTerm = ['doid', 'hpo', 'symp'].some((k) => m?.codes?.[k] && resolveSourceId(m.codes[k])?.term.id === resolveSourceId(d.target).term.id);
    if (m && (m.definition || !ownTerm)) {
      report.warnings.push(`${where}: the definition of ${d.target} was left out: the hand-written entry "${m.id}" ${m.definition ? 'has its own' : `is not ${d.target}, which was merged into it`}`);
      target.definitionOverlay = { layTerms: d.layTerms, sayInstead: d.sayInstead };
    }
  }
  // lay-term overlay
  for (const [i, l] of M.layTerms.entries()) {
    const where = `data/manual/lay-terms.json layTerms[${i}]`;
    const target = /^(DOID|HP|SYMP):/.test(l.target ?? '') ? genOf(findGenerated(l.target)) : entries.find((e) => e.manual && e.id === l.target);
    if (!target) {
      // a hand-layer id written by someone else may not exist yet: warn (a unit test checks it)
      report.warnings.push(`${where}: target ${JSON.stringify(l.target)} is not an entry of the knowledge base yet; its lay terms were left out`);
      continue;
    }
    target.layTerms = [...(l.terms ?? []), ...target.layTerms];
    target.abbreviations = uniq([...(l.abbreviations ?? []), ...target.abbreviations]);
    for (const x of [...(l.terms ?? []), ...(l.abbreviations ?? [])]) target.manualForms.add(x);
    for (const x of l.terms ?? []) target.handLay.add(x);
    target.manual = true;
  }
  if (mergeProblems.length) fail(`cannot apply the hand-written layer:\n  ${mergeProblems.join('\n  ')}`);

  // --- a hand-written lay term that is the whole name of a generated entry (the SYMP term
  // "high blood pressure", say) says that entry is the same thing: merge it into the target.
  const byNameKey = new Map();
  for (const g of entries) if (!g.manual && !g.forced) byNameKey.set(termKey(g.name), [...(byNameKey.get(termKey(g.name)) ?? []), g]);
  for (const e of [...entries]) {
    if (!e.manual) continue;
    for (const f of [...e.manualForms]) {
      const k = termKey(f);
      const twin = (byNameKey.get(k) ?? []).find((g) => g !== e && entries.includes(g) && (g.kind !== 'condition' || e.kind === 'condition'));
      if (!twin) continue;
      e.synonyms.push(twin.name, ...twin.synonyms);
      e.layTerms.push(...twin.layTerms);
      e.hpoLayTerms.push(...twin.hpoLayTerms);
      for (const [ck, v] of Object.entries(twin.codes)) if (v && !e.codes[ck] && ck !== 'icd10cm') e.codes[ck] = v;
      (e.absorbed ??= []).push(twin.codes.doid ?? twin.codes.hpo ?? twin.codes.symp);
      entries.splice(entries.indexOf(twin), 1);
      report.aliasCollisions.push({ form: f, field: 'name', keptOn: e.src, droppedFrom: twin.src, resolution: `hand-written lay term names a generated entry: merged ${twin.src} into ${e.src}` });
    }
  }

  // --- surface forms: one entry per normalised name, synonym or lay term ---------------------
  const priority = (e) => [e.manualEntry ? 0 : e.manual ? 1 : 2, KIND_ORDER.indexOf(e.kind), -e.score, e.src];
  const byPriority = (a, b) => {
    const pa = priority(a);
    const pb = priority(b);
    for (let i = 0; i < pa.length; i++) {
      const c = typeof pa[i] === 'string' ? cmp(pa[i], pb[i]) : pa[i] - pb[i];
      if (c) return c;
    }
    return 0;
  };
  entries.sort(byPriority);
  const owner = new Map();
  const live = [];
  for (const e of entries) {
    const k = termKey(e.name);
    const o = owner.get(k);
    if (o) {
      if (!e.manual && !e.forced) {
        report.aliasCollisions.push({ form: e.name, field: 'name', keptOn: o.src, droppedFrom: e.src, resolution: 'duplicate entry left out' });
        continue;
      }
      report.aliasCollisions.push({ form: e.name, field: 'name', keptOn: o.src, alsoOn: e.src, resolution: 'both kept (hand-written layer); review' });
    } else owner.set(k, e);
    live.push(e);
  }
  // manual forms claim before generated ones, then by entry priority. Within an entry a form
  // ships in one field: a hand-written lay term > a hand-written synonym > an HPO layperson
  // synonym (lay term) > any other source synonym.
  const claims = [];
  for (const e of live) {
    const keys = (xs) => new Set([...xs].map(termKey));
    const [handLay, handSyn, hpoLay] = [keys(e.handLay), keys(e.handSyn), keys(e.hpoLayTerms)];
    const isLay = (k) => handLay.has(k) || (!handSyn.has(k) && hpoLay.has(k));
    for (const field of ['synonyms', 'layTerms'])
      for (const f of e[field]) if (isLay(termKey(f)) === (field === 'layTerms')) claims.push({ e, field, f, manual: e.manualForms.has(f) });
  }
  claims.sort((a, b) => (a.manual === b.manual ? 0 : a.manual ? -1 : 1) || byPriority(a.e, b.e));
  const keep = new Map(live.map((e) => [e, { synonyms: [], layTerms: [] }]));
  const ownKeys = new Map(live.map((e) => [e, new Set([termKey(e.name)])]));
  for (const { e, field, f, manual } of claims) {
    const k = termKey(f);
    if (!k || typeof f !== 'string' || !f.trim()) continue;
    if (ownKeys.get(e).has(k)) continue; // duplicate within the entry
    const o = owner.get(k);
    if (o && o !== e) {
      report.aliasCollisions.push({ form: f, field, keptOn: o.src, droppedFrom: e.src, resolution: manual ? 'hand-written form already used by another entry; left out, review' : 'left out' });
      continue;
    }
    owner.set(k, e);
    ownKeys.get(e).add(k);
    keep.get(e)[field].push(f);
  }
  for (const e of live) {
    const k = keep.get(e);
    const hpo = new Set(e.hpoLayTerms);
    const trim = (list, max) => {
      const manualOnes = list.filter((x) => e.manualForms.has(x));
      const rest = list.filter((x) => !e.manualForms.has(x));
      return [...manualOnes, ...rest.slice(0, Math.max(0, max - manualOnes.length))];
    };
    // lay terms: manual first, then HPO layperson synonyms verbatim
    e.layTerms = trim(k.layTerms.filter((x) => e.manualForms.has(x) || hpo.has(x)), MAX_LAY_TERMS);
    e.synonyms = trim(k.synonyms, MAX_SYNONYMS);
  }

  // --- abbreviations: case-sensitive, one entry each, common-word collisions resolved ---------
  const decided = M.collisions;
  const wordDecisions = decided.wordCollisions ?? {};
  const sharedDecisions = decided.sharedAbbreviations ?? {};
  const idOf = (e) => e.manualEntry?.id ?? e.src;
  const matchesRef = (e, ref) => idOf(e) === ref || e.src === ref || e.codes.doid === ref || e.codes.hpo === ref || e.codes.symp === ref;
  for (const [i, r] of (decided.removed ?? []).entries()) {
    const e = live.find((x) => matchesRef(x, r.from));
    if (!e || !e.abbreviations.includes(r.abbreviation)) {
      report.warnings.push(`data/manual/abbreviation-collisions.json removed[${i}]: ${r.abbreviation} is not an abbreviation of ${r.from} (any more); remove the rule`);
      continue;
    }
    e.abbreviations = e.abbreviations.filter((a) => a !== r.abbreviation);
    report.abbreviationCollisions.push({ abbreviation: r.abbreviation, type: 'wrong-or-ambiguous', entries: [idOf(e)], resolution: 'removed', reason: r.reason, keptOn: null });
  }
  const abbrOwners = new Map();
  for (const e of live) for (const a of uniq(e.abbreviations)) {
    if (!abbrOwners.has(a)) abbrOwners.set(a, []);
    abbrOwners.get(a).push(e);
  }
  const contextual = new Set();
  const isWord = (a) => {
    const l = a.toLowerCase();
    return M.commonWords.has(l) || (l.endsWith('s') && M.commonWords.has(l.slice(0, -1))) || (l.endsWith('es') && M.commonWords.has(l.slice(0, -2)));
  };
  const abbrKeep = new Map(live.map((e) => [e, []]));
  for (const a of [...abbrOwners.keys()].sort()) {
    const owners = abbrOwners.get(a);
    let winner = owners[0]; // highest priority (live is sorted)
    if (owners.length > 1) {
      const d = sharedDecisions[a];
      let resolution;
      if (d?.keep === null || d?.drop === true) {
        winner = null;
        resolution = `dropped from all: ${d.reason ?? 'ambiguous'}`;
      } else if (d?.keep) {
        winner = owners.find((e) => matchesRef(e, d.keep)) ?? winner;
        resolution = `kept on ${idOf(winner)} (decided: ${d.reason ?? 'see data/manual/abbreviation-collisions.json'})`;
      } else resolution = `kept on the highest-ranked entry ${idOf(winner)}, dropped from the others`;
      report.abbreviationCollisions.push({ abbreviation: a, type: 'shared', entries: owners.map(idOf), resolution, keptOn: winner ? idOf(winner) : null });
    }
    if (!winner) continue;
    const manualAbbr = winner.manualForms.has(a);
    if (isWord(a) || wordDecisions[a]) {
      const d = wordDecisions[a];
      const action = d?.action ?? 'contextual';
      report.abbreviationCollisions.push({
        abbreviation: a,
        type: 'common-word',
        entries: [idOf(winner)],
        resolution: action,
        reason: d?.reason ?? `"${a.toLowerCase()}" is a common English word (data/manual/common-words.txt); matched only where the document also uses the full name`,
        keptOn: action === 'drop' ? null : idOf(winner),
        handWritten: manualAbbr,
      });
      if (action === 'drop') continue;
      if (action === 'contextual') contextual.add(a);
    }
    abbrKeep.get(winner).push(a);
  }
  for (const e of live) e.abbreviations = abbrKeep.get(e).sort();

  // --- ids ----------------------------------------------------------------------------------
  const taken = new Set(live.filter((e) => e.manualEntry).map((e) => e.id));
  const generated = live.filter((e) => !e.manualEntry).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || cmp(a.src, b.src));
  for (const e of generated) {
    const base = slug(e.name) || slug(e.src);
    let id = base;
    if (taken.has(id)) id = `${base}-${e.kind}`;
    if (taken.has(id)) id = `${base}-${slug(e.src)}`;
    e.id = id;
    taken.add(id);
  }
  const idBySource = new Map();
  for (const e of live) for (const id of [e.codes.doid, e.codes.hpo, e.codes.symp, ...(e.absorbed ?? [])]) if (id) idBySource.set(id, e.id);

  // --- final entries ---------------------------------------------------------------------------
  const out = live.map((e) => {
    const m = e.manualEntry ?? {};
    const d = e.definitionOverlay ?? {};
    const codes = {};
    for (const k of ['icd10cm', 'mesh', 'doid', 'mondo', 'hpo', 'symp']) if (e.codes[k]) codes[k] = e.codes[k];
    const related = uniq([...(m.related ?? []), ...e.parents.map((p) => idBySource.get(doidAlt.get(p) ?? p)).filter((x) => x && x !== e.id)]).slice(0, Math.max(MAX_RELATED, (m.related ?? []).length));
    const entry = { id: e.id, kind: e.kind, name: e.name };
    if (e.abbreviations.length) entry.abbreviations = e.abbreviations;
    if (e.synonyms.length) entry.synonyms = e.synonyms;
    if (e.layTerms.length) entry.layTerms = e.layTerms;
    const sayInstead = m.sayInstead ?? d.sayInstead;
    if (sayInstead) entry.sayInstead = sayInstead;
    const text = d.definition ? d : m; // the definition with its own sources and review
    if (text.definition) entry.definition = text.definition;
    if (Object.keys(codes).length) entry.codes = codes;
    if (related.length) entry.related = related;
    if (text.sources?.length) entry.sources = text.sources;
    if (text.review) entry.review = text.review;
    return entry;
  });
  const allIds = new Set(out.map((e) => e.id));
  for (const e of out) {
    if (!e.related) continue;
    const dangling = e.related.filter((r) => !allIds.has(r));
    if (dangling.length) report.warnings.push(`${e.id}: related ids not in the knowledge base were left out: ${dangling.join(', ')}`);
    e.related = e.related.filter((r) => allIds.has(r));
    if (!e.related.length) delete e.related;
  }
  out.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || cmp(a.id, b.id));

  // --- sources, version, output -------------------------------------------------------------
  const sources = [
    {
      name: 'Human Disease Ontology (DOID)',
      version: `${S.doidVersion} (full file); 2026-07-31 (reports)`,
      licence: 'CC0 1.0',
      url: 'https://disease-ontology.org',
      notice: `Disease names, synonyms, abbreviations and cross-references from the Human Disease Ontology, release ${S.doidVersion} (CC0 1.0), plus the terms added by 2026-07-31 from that release's reports. Its definitions are not shipped.`,
    },
    {
      name: 'Symptom Ontology (SYMP)',
      version: S.sympVersion,
      licence: 'CC0 1.0',
      url: 'https://github.com/DiseaseOntology/SymptomOntology',
      notice: `Symptom names and synonyms from the Symptom Ontology, release ${S.sympVersion} (CC0 1.0). Its definitions are not shipped.`,
    },
    {
      name: 'Human Phenotype Ontology (HPO)',
      version: S.hpoVersion,
      licence: 'HPO licence (https://hpo.jax.org/license): free use with acknowledgement, version shown, content unaltered',
      url: 'https://hpo.jax.org',
      notice: `This product is using the Human Phenotype Ontology (version ${S.hpoVersion}). Find out more at https://hpo.jax.org. HPO labels, synonyms and layperson synonyms are shown unaltered; HPO definitions are not shipped. Citation: Gargano MA et al. The Human Phenotype Ontology in 2024. Nucleic Acids Res. 2024;52(D1):D1333-D1346.`,
    },
    {
      name: 'Mondo Disease Ontology (MONDO) mappings',
      version: S.mondoVersion,
      licence: 'CC BY 4.0 (mapping files: CC0 1.0)',
      url: 'https://mondo.monarchinitiative.org',
      notice: `Mondo ids and Mondo's ICD-10-CM and MeSH mappings from the Mondo Disease Ontology (Monarch Initiative), release ${S.mondoVersion}, CC BY 4.0: https://creativecommons.org/licenses/by/4.0/. Only ids are used; nothing was changed in the mapping files.`,
    },
    {
      name: 'ICD-10-CM (CDC/NCHS)',
      version: 'FY2019',
      licence: 'Public domain (US Government work)',
      url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/',
      notice:
        'ICD-10-CM codes checked against the FY2019 code table, which is out of date: codes have been added, split (e.g. G35 in FY2026) and retitled since. Condition codes come mainly from the current Mondo mappings; symptom R-codes only where a name matches an FY2019 title exactly. Check codes against the current ICD-10-CM before coding or billing.',
    },
    {
      name: 'Medical Subject Headings (MeSH) ids',
      version: 'ids as cross-referenced by DOID 2024-01-31, HPO 2023-01-27 and Mondo ' + S.mondoVersion,
      licence: 'NLM terms and conditions (https://www.nlm.nih.gov/databases/download/terms_and_conditions.html)',
      url: 'https://www.nlm.nih.gov/mesh/',
      notice:
        'MeSH descriptor ids courtesy of the U.S. National Library of Medicine (NLM). Only ids are shipped (no MeSH text); they come from the cross-references of the sources above and are not checked against a particular MeSH year. NLM does not endorse this product.',
    },
  ];
  const body = { contextualAbbreviations: [...contextual].filter((a) => out.some((e) => e.abbreviations?.includes(a))).sort(), entries: out };
  const hash = createHash('sha256').update(JSON.stringify({ sources, ...body })).digest('hex').slice(0, 12);
  const version = `sources-${S.mondoVersion}+${hash}`;
  const lines = ['{', `  "$schema": "./schema/kb.schema.json",`, `  "version": ${JSON.stringify(version)},`, '  "sources": ['];
  sources.forEach((s, i) => lines.push(`    ${JSON.stringify(s)}${i < sources.length - 1 ? ',' : ''}`));
  lines.push('  ],', `  "contextualAbbreviations": ${JSON.stringify(body.contextualAbbreviations)},`, '  "entries": [');
  out.forEach((e, i) => lines.push(`    ${JSON.stringify(e)}${i < out.length - 1 ? ',' : ''}`));
  lines.push('  ]', '}', '');
  const kbText = lines.join('\n');

  // a hand-written entry's own code wins over an ICD-10-CM rule for a term merged into it
  for (const o of report.icdOverrides) {
    const e = out.find((x) => x.codes?.doid === o.id);
    if (!e) report.warnings.push(`data/manual/icd-codes.json: ${o.id} (${o.name}) is not an entry of its own in the knowledge base`);
    else if ((e.codes.icd10cm ?? null) !== o.code) report.warnings.push(`data/manual/icd-codes.json: ${e.id} ships ${e.codes.icd10cm ?? 'no code'}, not ${o.code ?? 'no code'} (its hand-written entry wins)`);
  }
  // --- report --------------------------------------------------------------------------------
  const count = (k) => out.filter((e) => e.kind === k).length;
  const conds = out.filter((e) => e.kind === 'condition');
  report.counts = {
    conditions: conds.length,
    conditionsWithIcd10cm: conds.filter((e) => e.codes?.icd10cm).length,
    symptoms: count('symptom'),
    symptomsWithIcd10cm: out.filter((e) => e.kind === 'symptom' && e.codes?.icd10cm).length,
    tests: count('test'),
    treatments: count('treatment'),
    anatomy: count('anatomy'),
    definitions: out.filter((e) => e.definition).length,
    entriesWithLayTerms: out.filter((e) => e.layTerms?.length).length,
    layTerms: out.reduce((n, e) => n + (e.layTerms?.length ?? 0), 0),
    abbreviations: out.reduce((n, e) => n + (e.abbreviations?.length ?? 0), 0),
    contextualAbbreviations: body.contextualAbbreviations.length,
    abbreviationCollisions: report.abbreviationCollisions.length,
    aliasCollisions: report.aliasCollisions.length,
  };
  report.aliasCollisions.sort((a, b) => cmp(a.form, b.form) || cmp(a.field, b.field) || cmp(a.droppedFrom ?? a.alsoOn, b.droppedFrom ?? b.alsoOn));
  const reportText = `{\n  "note": "Generated by scripts/build-kb.mjs; do not edit. Decisions live in data/manual/.",\n  "kbVersion": ${JSON.stringify(version)},\n${Object.entries(report)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${Array.isArray(v) ? (v.length ? `[\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]` : '[]') : JSON.stringify(v)}`)
    .join(',\n')}\n}\n`;

  const noticeText = renderNotice(sources, version);

  // The term index, built here once rather than by every editor at start-up (see TermIndex.toText).
  const termsText = core.TermIndex.fromEntries(out, body.contextualAbbreviations).toText();

  for (const [file, text] of [
    [args.out, kbText],
    [args.terms, termsText],
    [args.report, reportText],
    [args.notice, noticeText],
  ]) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  if (!args.quiet) {
    console.log(`build:kb ${version}: ${JSON.stringify(report.counts)}`);
    console.log(`build:kb wrote ${args.out} (${(Buffer.byteLength(kbText) / 1e6).toFixed(2)} MB), ${args.terms}, ${args.report}, ${args.notice} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const w of report.warnings) console.warn(`warning: ${w}`);
  }
}

function renderNotice(sources, version) {
  const parts = [
    'MedTerms',
    'Copyright (c) the MedTerms authors. Code: MIT licence (see package.json).',
    '',
    `The bundled knowledge base (data/kb.json, version ${version}) is built by scripts/build-kb.mjs`,
    'from the open sources below, kept unaltered in data/sources/ with their licence files and',
    'SHA-256 checksums, plus a hand-written layer (data/manual/).',
    '',
    'Plain-language definitions, "say instead" wording and the lay terms in data/manual/ are the',
    "MedTerms team's own words. No source definition is shipped: a unit test checks that no",
    'hand-written text shares a run of 8 or more words with a DOID, SYMP or HPO definition.',
    '',
    'No SNOMED CT content or identifiers are shipped (SNOMED CT needs an Affiliate Licence).',
    '',
    'Sources',
    '=======',
  ];
  for (const s of sources) {
    parts.push('', `${s.name}`, `  Version: ${s.version}`, `  Licence: ${s.licence}`, `  URL:     ${s.url}`, `  ${wrap(s.notice, 92).join('\n  ')}`);
  }
  parts.push(
    '',
    'Files in data/sources/ and their origins',
    '========================================',
    '',
    'See data/sources/README.md. The Human Phenotype Ontology file is the official hp.json release',
    '2023-01-27, redistributed byte-for-byte; its terms are at https://hpo.jax.org/license.',
    'The Mondo licence text is data/sources/mondo/LICENSE-CC-BY-4.0.txt.',
    '',
  );
  return parts.join('\n');
}

function wrap(text, width) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

try {
  build(parseArgs(process.argv.slice(2)));
} catch (e) {
  if (e instanceof BuildError) {
    console.error(`build:kb failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
