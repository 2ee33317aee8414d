// Eponyms alone (issue 12 follow-up): writers of patient articles name a condition by its
// eponym — "Guillain-Barré", "Ménière's", "Addison's", "Lou Gehrig's" — where the sources only
// have "<Eponym> disease" or "<Eponym>'s syndrome". This step derives those short forms by rule
// and ships them as lay terms (everyday forms: never flagged as jargon, and a name or synonym of
// another entry wins over them). Formats and examples: data/manual/README.md (`eponyms.json`).
//
// The term index drops a possessive from a word's key (src/core/match/normalize.ts: "Addison's"
// = "Addison" = `addison`), so a short form is one key per eponym: "Guillain-Barré" and
// "Guillain-Barré's" are the same term. Precision comes first; an eponym is left out when
//   - it is one word whose key is an everyday word (names.mjs's PROPER_EVERYDAY_WORDS, and
//     data/manual/common-words.txt) or a plural's: "Still's" is `still`, "Bell's" `bell`,
//     "Graves'" `grave`, "Peters'" `peter` — the short form would match those words anywhere;
//   - data/manual/eponyms.json leaves it out, with a reason (an insurer, a magazine, a city, a
//     common given name, a procedure of the same name: "Lloyd's", "Harper's", "the Whipple");
//   - the knowledge base uses it for something else: another kind of entry has a form that
//     starts with it ("Babinski sign", "Apgar score"), or its key is another entry's form;
//   - it names several conditions and no one of them is named by it alone (see soleNamer).
// Each form added and each eponym left out is in data/kb-report.json (`eponymShortForms`,
// `eponymsLeftOut`).

import { fail, termKey } from './common.mjs';
import { PROPER_EVERYDAY_WORDS, sourceProperNames } from './names.mjs';

/**
 * The generic heads an eponym names a condition with: "Addison disease", "Bell palsy", "Hodgkin
 * lymphoma", "Raynaud phenomenon". Places name fevers ("Lassa fever", "Ross River fever") and a
 * finding named after its describer is a sign or test ("Babinski sign"), so neither is a head.
 */
export const EPONYM_HEADS = new Set(['disease', 'syndrome', 'palsy', 'phenomenon', 'lymphoma', 'sarcoma', 'chorea', 'ataxia', 'anomaly', 'thyroiditis', 'arteritis', 'contracture']);

/** The kinds whose eponyms writers use alone: conditions and symptoms. */
const EPONYM_KINDS = new Set(['condition', 'symptom']);

/** A part of a name as a source writes it: a capital, then lower-case letters ("Barré", "Gehrig"). */
const NAME_PART = /^\p{Lu}\p{Ll}+$/u;

/** How the report says an eponym was left out by hand. */
const HAND_LEFT_OUT = 'left out by data/manual/eponyms.json: ';

/** Lower case with diacritics folded, as the core compares words: `Ménière` → `meniere`. */
const fold = (word) => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * The eponym of a form `<Eponym> <head>` or `<Eponym>'s <head>` (heads: {@link EPONYM_HEADS}),
 * or null. The eponym is one or more capitalised words ("Addison", "Lou Gehrig", "Guillain-Barré"):
 * its last word a proper name (`proper`, see names.mjs's `properNames`) that the sources never
 * write in lower case (`lower`), or a compound of names; the words before it proper names, or
 * words neither in `lower` nor `everyday` ("Lou", not "Pediatric"). A hyphenated compound is one
 * of names when every part is capitalised and one is a proper name ("Charcot-Marie-Tooth") or
 * none is a word of `lower` or `everyday` ("Guillain-Barré"; not "Stiff-Person"). A leading
 * "non-" stays with the eponym: "non-Hodgkin lymphoma" is named after "non-Hodgkin", not
 * "Hodgkin". With `spaced` false, an eponym of several words is none: a source synonym such as
 * "Bernard Horner syndrome" is no name writers shorten. All sets are in lower case, diacritics
 * folded. Returns `{ eponym, possessive, head }`: the eponym without its possessive.
 */
export function parseEponymForm(form, { proper, lower = new Set(), everyday = new Set(), spaced = true }) {
  const words = String(form).trim().split(/\s+/);
  if (words.length < 2) return null;
  const head = words[words.length - 1];
  if (!EPONYM_HEADS.has(head.toLowerCase())) return null;
  const negated = /^non-/i.test(words[0]) ? words[0].slice(0, 4) : '';
  const eponymWords = [words[0].slice(negated.length), ...words.slice(1, -1)];
  const last = eponymWords[eponymWords.length - 1];
  const possessive = /['’]s?$/.test(last);
  eponymWords[eponymWords.length - 1] = last.replace(/['’]s?$/, '');
  const known = (part) => proper.has(fold(part)) && !lower.has(fold(part));
  const unknownWord = (part) => !lower.has(fold(part)) && !everyday.has(fold(part));
  const isName = (word, strict) => {
    const parts = word.split('-');
    if (!parts.every((p) => NAME_PART.test(p))) return false;
    if (parts.length > 1) return parts.some(known) || parts.every(unknownWord);
    return known(word) || (!strict && unknownWord(word));
  };
  if ((!spaced && eponymWords.length > 1) || !eponymWords.every((w, i) => isName(w, i === eponymWords.length - 1))) return null;
  return { eponym: negated + eponymWords.join(' '), possessive, head: head.toLowerCase() };
}

/**
 * The short form writers use for an eponym, one per term key: a hyphenated double eponym bare
 * ("Guillain-Barré", "Creutzfeldt-Jakob"), any other its possessive ("Addison's", "Lou
 * Gehrig's"; "Fuchs'" for a name ending in s). Possessive or not, the key is the same.
 */
export function eponymShortForm(eponym) {
  if (/\S-\S/.test(eponym) && !/\s/.test(eponym)) return eponym;
  return /s$/.test(eponym) ? `${eponym}'` : `${eponym}'s`;
}

/**
 * Why an eponym is no short form of its own, before the knowledge base is asked, or null when it
 * may be one: one `skipped` by hand (lower-case eponym → reason), or one word whose key is an
 * everyday word (`everyday`, lower case) or not the word itself: the key of "Graves" is
 * `grave`, of "Peters" `peter`, so the short form would match those words too. A hyphenated or
 * spaced name is never an everyday word.
 */
export function everydayReason(eponym, everyday, skipped) {
  const k = fold(eponym);
  if (skipped.has(k)) return `${HAND_LEFT_OUT}${skipped.get(k)}`;
  if (/[\s-]/.test(eponym)) return null;
  const key = termKey(eponym);
  if (everyday.has(k) || everyday.has(key)) return `"${eponym}" is an everyday word: its key \`${key}\` matches it in any text, possessive or not`;
  if (key !== k) return `the key of "${eponym}" is \`${key}\` (a plural's): the short form would match "${key}" too`;
  return null;
}

/**
 * The short forms of eponymous conditions in `entries` (shipped entries, not changed here):
 * `{ added: [{ entry, form, eponym, from }], skipped: [{ eponym, entries, reason }] }`, each
 * sorted. `proper`: proper names (lower case, diacritics folded); `everyday`: everyday words
 * that are also proper names, and common words; `skipped`: eponyms left out by hand (lower
 * case → reason). The rules are at the top of this file.
 */
export function eponymShortForms(entries, { proper, lower = new Set(), everyday, skipped = new Map() }) {
  const formsOf = (e) => [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])];
  // every form's key, once: by key (→ its entries) and by first word (→ [entry, key]), so that
  // the uses of an eponym are a look-up, not a pass over the knowledge base
  const owner = new Map();
  const byFirstWord = new Map();
  for (const e of entries) {
    for (const f of [...formsOf(e), ...(e.abbreviations ?? [])]) {
      const k = termKey(f);
      if (k) owner.set(k, [...new Set([...(owner.get(k) ?? []), e])]);
    }
    for (const f of formsOf(e)) {
      const k = termKey(f);
      const first = k.split(' ')[0];
      if (!k) continue;
      if (!byFirstWord.has(first)) byFirstWord.set(first, []);
      byFirstWord.get(first).push([e, k]);
    }
  }
  /** Every entry with a form that starts with the key `k`. */
  const usesOf = (k) => new Set((byFirstWord.get(k.split(' ')[0]) ?? []).filter(([, fk]) => fk === k || fk.startsWith(`${k} `)).map(([e]) => e));
  // every eponym of a condition's or symptom's form, with the entries and forms that name it
  const eponyms = new Map(); // key of the eponym → { eponym, bare: Map<entry, form> }
  for (const e of entries) {
    if (!EPONYM_KINDS.has(e.kind) || e.lookupOnly) continue;
    for (const f of formsOf(e)) {
      // an eponym of several words ("Lou Gehrig") only from the entry's name or a lay term
      const p = parseEponymForm(f, { proper, lower, everyday, spaced: f === e.name || (e.layTerms ?? []).includes(f) });
      if (!p) continue;
      const k = termKey(p.eponym);
      const rec = eponyms.get(k) ?? { eponym: p.eponym, bare: new Map() };
      // the possessive spelling is the one writers use alone: prefer it for the short form
      if (p.possessive && !rec.possessive) Object.assign(rec, { eponym: p.eponym, possessive: true });
      if (!rec.bare.has(e)) rec.bare.set(e, f);
      eponyms.set(k, rec);
    }
  }
  const added = [];
  const skippedOut = [];
  const skip = (rec, list, reason) => skippedOut.push({ eponym: rec.eponym, entries: [...list].map((e) => e.id).sort(), reason });
  for (const [k, rec] of eponyms) {
    const candidates = [...rec.bare.keys()];
    const reason = everydayReason(rec.eponym, everyday, skipped);
    if (reason) {
      skip(rec, candidates, reason);
      continue;
    }
    const users = usesOf(k);
    const winner = soleNamer(candidates, users, k);
    if (!winner.entry) {
      skip(rec, users, winner.reason);
      continue;
    }
    const have = owner.get(k) ?? [];
    if (have.some((o) => o !== winner.entry)) {
      skip(rec, have, `its key \`${k}\` is already a form of ${have.filter((o) => o !== winner.entry).map((o) => o.id).join(', ')}`);
      continue;
    }
    if (have.includes(winner.entry)) continue; // the entry has it already ("Crohn's" by hand)
    added.push({ entry: winner.entry.id, form: eponymShortForm(rec.eponym), eponym: rec.eponym, from: rec.bare.get(winner.entry) });
  }
  added.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  skippedOut.sort((a, b) => (a.eponym < b.eponym ? -1 : a.eponym > b.eponym ? 1 : 0));
  return { added, skipped: skippedOut };
}

/**
 * The one entry an eponym names, or the reason there is none. `candidates`: the conditions and
 * symptoms with a form `<Eponym> <head>`; `users`: every entry with a form that starts with the
 * eponym key `k`. An entry of another kind that uses it ("Babinski sign" on a
 * test) rules it out. Of several conditions, the one whose name or lay term is exactly
 * "<Eponym> <head>" wins when no other has it with a head alone: the others are qualified
 * variants ("Addison's anaemia" beside Addison's disease, "Gaucher's disease perinatal lethal").
 * Otherwise it names more than one condition ("Cushing syndrome", "Cushing disease"), or its
 * conditions' own names do not say which ("Charcot's syndrome" is only a source synonym of
 * intermittent claudication, beside "Charcot's arthropathy").
 */
function soleNamer(candidates, users, k) {
  const kinds = [...users].filter((e) => !EPONYM_KINDS.has(e.kind));
  if (kinds.length) return { reason: `the knowledge base uses it for ${kinds.map((e) => `${e.id} (a ${e.kind})`).join(', ')}` };
  if (users.size === 1 && candidates.length === 1) return { entry: candidates[0] };
  const headAlone = (f) => {
    const rest = termKey(f).slice(k.length).trim();
    return termKey(f).startsWith(`${k} `) && EPONYM_HEADS.has(rest);
  };
  const withHead = (e) => [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])].some(headAlone);
  const parents = candidates.filter((e) => [e.name, ...(e.layTerms ?? [])].some(headAlone));
  if (parents.length === 1 && [...users].every((e) => e === parents[0] || !withHead(e))) return { entry: parents[0] };
  return { reason: `names more than one entry's condition, and no one entry is named by it alone (${[...users].map((e) => e.id).sort().join(', ')})` };
}

/**
 * The build step: adds the short forms of {@link eponymShortForms} to the shipped entries `out`
 * as lay terms (in place), with the sources' proper names (`S`), the everyday words (names.mjs,
 * data/manual/common-words.txt) and the eponyms left out by hand (`M.eponymsLeftOut`, from
 * data/manual/eponyms.json; one without a reason fails the build, one that decides nothing is a
 * warning). Lists each form added in `report.eponymShortForms` and each eponym left out in
 * `report.eponymsLeftOut`.
 */
export function eponymStep(out, S, M, report) {
  const skipped = new Map();
  for (const [i, r] of M.eponymsLeftOut.entries()) {
    if (typeof r.eponym !== 'string' || !r.eponym || typeof r.reason !== 'string' || !r.reason.trim()) fail(`data/manual/eponyms.json leftOut[${i}]: needs an "eponym" and a one-line "reason"`);
    skipped.set(fold(r.eponym), r.reason);
  }
  const proper = new Set([...sourceProperNames(S).proper].map(fold));
  const lower = new Set();
  for (const t of S.doidTerms.values())
    if (!t.obsolete) for (const text of [t.name, ...t.synonyms.map((x) => x.text)]) for (const w of text.split(/[\s-]+/)) if (/^\p{Ll}+$/u.test(w)) lower.add(fold(w));
  const everyday = new Set([...PROPER_EVERYDAY_WORDS, ...M.commonWords].map(fold));
  const { added, skipped: leftOut } = eponymShortForms(out, { proper, lower, everyday, skipped });
  const byId = new Map(out.map((e) => [e.id, e]));
  for (const a of added) {
    const e = byId.get(a.entry);
    e.layTerms = [...(e.layTerms ?? []), a.form];
  }
  const used = new Set(leftOut.filter((s) => s.reason.startsWith(HAND_LEFT_OUT)).map((s) => fold(s.eponym)));
  for (const [i, r] of M.eponymsLeftOut.entries()) if (!used.has(fold(r.eponym))) report.warnings.push(`data/manual/eponyms.json leftOut[${i}]: "${r.eponym}" is no eponym the build would derive a short form of (any more); remove it`);
  report.eponymShortForms = added;
  report.eponymsLeftOut = leftOut;
}
