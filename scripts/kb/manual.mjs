// The hand-written layer (data/manual/, formats in data/manual/README.md): reads its files, and
// checks and applies the parts that act on the sources before any entry is built — the source
// ids it points at are force-included (they must exist and be live), the hand-decided ICD-10-CM
// codes are checked, and wrong synonyms are taken off their source terms. Merging the layer into
// the built entries is manual-merge.mjs.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, MANUAL, ROOT, termKey } from './common.mjs';

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

/** Reads every file of data/manual/; records remember their file and index for messages. */
export function loadManual() {
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
  const lookupFile = join(MANUAL, 'lookup-only.json');
  const lookupOnly = existsSync(lookupFile) ? readJson(lookupFile).entries ?? [] : [];
  const eponymsFile = join(MANUAL, 'eponyms.json');
  const eponymsLeftOut = existsSync(eponymsFile) ? readJson(eponymsFile).leftOut ?? [] : [];
  return { entries, definitions, layTerms, collisions, commonWords, wrongSynonyms, separateConcepts, icdCodes, lookupOnly, eponymsLeftOut };
}

/**
 * Every source id the hand-written layer points at, resolved (`forced`: built whatever its
 * rank), and the ICD-10-CM codes decided by hand (`icdOverrides`: DOID id → rule). Fails when
 * the layer points at an id that does not exist or is obsolete, or a rule is malformed.
 */
export function forcedTargets(M, S) {
  const { resolveSourceId } = S;
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
  return { forced, icdOverrides };
}

/**
 * Wrong synonyms (data/manual/wrong-synonyms.json), taken off the source term itself before
 * anything reads it: the ICD-10-CM choice (conditions.mjs) matches code titles against a term's
 * exact synonyms, and a candidate code whose title is a wrong synonym names the other concept
 * (DOID merged Cushing syndrome into primary hyperaldosteronism, with its synonyms and E24).
 * Returns `wrongKeys` (source term id → termKeys of its wrong synonyms) and `wrongAtSource` (the
 * indexes of the rules that took a synonym off their source term).
 */
export function removeWrongSynonymsAtSource(M, S) {
  const wrongKeys = new Map(); // source term id → termKeys of its wrong synonyms
  const wrongAtSource = new Set(); // rules that took a synonym off their source term
  for (const [i, w] of M.wrongSynonyms.entries()) {
    const t = S.resolveSourceId(w.from)?.term;
    const k = termKey(w.synonym ?? '');
    if (!t || !k) continue;
    const n = t.synonyms.length;
    t.synonyms = t.synonyms.filter((s) => termKey(s.text) !== k);
    if (t.synonyms.length < n) wrongAtSource.add(i);
    wrongKeys.set(t.id, new Set([...(wrongKeys.get(t.id) ?? []), k]));
  }
  return { wrongKeys, wrongAtSource };
}
