// The alias audit: every synonym, lay term, say-instead wording and ICD-10-CM code of the
// shipped entries is checked against what the entry's name says (issue 13). Each check flags
// the items a person has to look at; each flagged item must be decided in
// data/manual/alias-decisions.json (keep, move or drop, with a one-line reason), or the build
// fails. The checks run one after another on the entries as the decisions so far left them, so
// an alias dropped by one check is not flagged again by the next:
//
//   crossEntry   an alias that is the say-instead wording of another entry (names, synonyms and
//                lay terms are already unique across entries, surface-forms.mjs), and entries
//                that are one concept twice (shared MeSH heading, or the say-instead wording of
//                one is the name of another); and an alias that is the Disease Ontology's name of
//                another disease (sourceLabelFlags)
//   qualifier    a synonym with a qualifier the name lacks (site, subtype, eponym, "benign",
//                "hypertensive", …) or without one the name has; an alias ending in a vague word
//                the name lacks ("sweating dysfunction", "mood alterations", "syphilitic chancre"), or
//                a synonym naming one part of an organ the name lacks ("commissure of lip" on lip cancer)
//   sayInstead   a say-instead that is a clinical name, an abbreviation or another entry's term,
//                that nests the name in itself, or that stands on a widely understood name
//                (data/manual/understood-names.json: the say-instead is taken off, no flag)
//   icdTitle     an ICD-10-CM code whose title shares no content word with the name or any
//                synonym, or a non-billable header whose table has a billable "other"/"unspecified" child
//   icdNarrower  a code from a source mapping whose title carries a qualifier the name lacks
//
// The check functions are pure and exported for the unit tests (test/unit/aliasAudit.test.ts).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { core } from '../lib/core.mjs';
import { cmp, fail, MANUAL, termKey } from './common.mjs';

export const CHECKS = ['crossEntry', 'qualifier', 'sayInstead', 'icdTitle', 'icdNarrower'];

// Words that carry no content of their own in a medical name or code title.
const STOP_WORDS = new Set(
  'a an and or of the in on at to for by with without due not other others unspecified specified elsewhere classified nos nec type types form forms disease diseases disorder disorders condition conditions syndrome abnormal abnormality finding findings involving site sites part parts'.split(
    ' ',
  ),
);

// Qualifiers that make a name narrower: a synonym with one the name lacks names a subtype (or a sibling).
export const QUALIFIERS = new Set(
  `benign malignant hypertensive hypotensive recurrent recurring relapsing chronic acute subacute congenital acquired familial hereditary inherited
  primary secondary juvenile adult childhood infantile neonatal senile gestational postpartum bilateral unilateral left right upper lower superficial
  deep partial complete severe mild idiopathic essential alcoholic traumatic postoperative induced rheumatic nonrheumatic viral bacterial fungal
  allergic metastatic localized generalized focal diffuse anterior posterior internal external paroxysmal persistent transient intermittent
  positional atypical obstructive nonobstructive hemorrhagic ischemic cystic nodular syndromic nonsyndromic sporadic early late onset stage grade
  eyelid leg legs arm arms foot hand skin lip lips tongue kidney renal lung pulmonary liver hepatic heart cardiac brain cerebral spinal bone
  breast ovary ovarian uterus uterine cervix cervical prostate bladder colon rectal rectum anal esophagus esophageal stomach gastric bowel
  intestinal intestine pancreas pancreatic thyroid adrenal pituitary ear eye ocular retina retinal cornea corneal nose nasal throat larynx
  laryngeal mouth oral jaw neck head face facial chest abdominal pelvic vulva vaginal penis testis testicular scrotum urethra ureter vein
  venous artery arterial muscle joint soft tissue nerve extremity extremities limb catheter laser`.split(/\s+/),
);

/** The content words of a text, lower case, each cut to a short stem so "renal"/"renally" and "tumor"/"tumors" meet. */
export function contentWords(text) {
  return String(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}
const stem = (w) => w.replace(/(ies|es|s)$/, '').slice(0, 6);
const stems = (text) => new Set(contentWords(text).map(stem));

// Words a name implies without saying: a cancer is malignant, an adrenal disease is of the
// adrenal gland; and the adjective and noun of one site are one site ("renal", "kidney").
const MALIGNANT_NAME = /\b(cancers?|carcinomas?|sarcomas?|lymphomas?|leukaemias?|leukemias?|melanomas?|\w+blastomas?|mesotheliomas?|myelomas?|malignan\w*)\b/i;
const BENIGN_NAME = /\b(benign|\w*adenomas?|lipomas?|fibromas?|papillomas?|nevus|naevus|hemangiomas?|angiomas?|cysts?)\b/i;
const SAME_SITE = [
  ['renal', 'kidney', 'nephr'], ['hepatic', 'liver', 'hepat'], ['pulmonary', 'lung', 'pneum'], ['cardiac', 'heart', 'cardi'], ['cerebral', 'brain', 'encephal'],
  ['gastric', 'stomach', 'gastr'], ['esophageal', 'esophagus', 'oesophag', 'esophag'], ['ocular', 'eye', 'ophthalm'], ['nasal', 'nose', 'rhin'], ['oral', 'mouth', 'stomat'],
  ['uterine', 'uterus', 'uter'], ['ovarian', 'ovary', 'ovar'], ['intestinal', 'intestine', 'bowel', 'colon', 'enter'], ['facial', 'face'], ['arterial', 'artery', 'arter'],
  ['venous', 'vein', 'phleb'], ['corneal', 'cornea', 'kerat'], ['retinal', 'retina', 'retin'], ['testicular', 'testis', 'orch'], ['rectal', 'rectum', 'proct'],
  ['pancreatic', 'pancreas', 'pancrea'], ['laryngeal', 'larynx', 'laryn'], ['spinal', 'spine', 'vertebr', 'spin'], ['skin', 'derm', 'cutaneous'], ['bone', 'oste', 'osse'],
  ['joint', 'arthr'], ['muscle', 'my'], ['nerve', 'neur'], ['breast', 'mamm', 'mast'], ['cervix', 'cervical'], ['bladder', 'cyst', 'vesic'], ['lip', 'cheil', 'labial'],
  ['tongue', 'gloss', 'lingual'], ['ear', 'ot', 'aural'], ['leg', 'legs', 'limb', 'extremity', 'extremities'], ['arm', 'arms', 'limb'], ['eyelid', 'blephar', 'palpebr'],
  ['abdominal', 'abdomen', 'belly'], ['neck', 'cervical'], ['jaw', 'mandib', 'maxill', 'gnath'], ['vaginal', 'vagina', 'colp'],
];

/** Whether `text` already says the qualifier `w`, in its own or an implied word. */
function implies(text, w) {
  const lower = String(text).toLowerCase();
  if (w === 'malignant') return MALIGNANT_NAME.test(lower);
  if (w === 'benign') return BENIGN_NAME.test(lower);
  return SAME_SITE.some((group) => group.includes(w) && group.some((g) => new RegExp(`\\b${g}|${g}\\b`).test(lower)));
}

/** The words of `text` (lower case) that are qualifiers and that `base` neither has (also as a stem) nor implies. */
export function extraQualifiers(text, base) {
  const have = stems(base);
  const words = new Set(contentWords(base));
  return [...new Set(contentWords(text))].filter((w) => QUALIFIERS.has(w) && !words.has(w) && !have.has(stem(w)) && !implies(base, w));
}

/**
 * A name that is malignant (a cancer, a lymphoma) whose synonym names only a tumour or neoplasm
 * without saying malignant: the synonym takes in benign tumours too ("tumor of soft tissue").
 */
export function lacksMalignant(synonym, name) {
  return MALIGNANT_NAME.test(name) && /\b(tumou?rs?|neoplasms?|neoplasia|growths?|masse?s?)\b/i.test(synonym) && !MALIGNANT_NAME.test(synonym);
}

// Words that end an alias without saying which problem: "sweating dysfunction" takes in too much
// sweat as well as none, "mood alterations" any change of mood; a sign named as the disease
// ("syphilitic chancre") is one lesion of it.
const VAGUE_HEAD = /\b(dysfunctions?|alterations?|abnormalit(?:y|ies)|disturbances?|problems?|changes?|issues?|irregularit(?:y|ies)|lesions?|chancres?)$/i;

/** The vague last word of an alias (synonym or lay term) when the entry's name does not itself use it, else null. */
export function vagueHead(alias, name) {
  const m = VAGUE_HEAD.exec(String(alias).trim());
  if (!m) return null;
  const head = stem(m[1].toLowerCase());
  // the name's own words, stop words included: "abnormality" is one in "behavioral abnormality"
  return String(name).toLowerCase().split(/[^a-z]+/).some((w) => stem(w) === head) ? null : m[1].toLowerCase();
}

// Words that name one part of an organ: "cancer of the tail of the pancreas" is one site of pancreatic cancer.
const PART_WORD = /\b(commissure|dome|antrum|fundus|body|head|tail|third|border|surface|floor|wall|pole|margin|apex|tip|trigone|isthmus|ampulla|flexure|vermilion|lobes?|segment)\b/i;

/** The word of a synonym that names one part of an organ (`PART_WORD`) when the name lacks it, else null. */
export function extraPart(synonym, name) {
  const m = PART_WORD.exec(String(synonym));
  if (!m) return null;
  const part = m[1].toLowerCase();
  return String(name).toLowerCase().split(/[^a-z]+/).some((w) => stem(w) === stem(part)) ? null : part;
}

/** Capitalised words inside a synonym (not its first word, not an abbreviation) that the name lacks: eponym variants. */
export function extraEponyms(synonym, name) {
  const have = stems(name);
  const words = String(synonym).split(/\s+/);
  if (words.every((w) => !/^[a-z]/.test(w))) return []; // Title Case says nothing about eponyms
  return words
    .filter((w, i) => i > 0 || /(ian|['’]s)$/.test(w))
    .map((w) => w.replace(/['’]s$|[^A-Za-z'’-]/g, ''))
    .filter((w) => /^[A-Z][a-z]{2,}/.test(w) && !STOP_WORDS.has(w.toLowerCase()) && !have.has(stem(w.toLowerCase())));
}

const ABBREVIATION_WORD = /\b[A-Z][A-Z0-9]{1,}s?\b/;
const ALIAS_FIELDS = ['synonyms', 'layTerms'];

/**
 * Check crossEntry: aliases (synonyms, lay terms) that are another entry's say-instead wording,
 * and pairs of entries that are one concept: the same MeSH heading, or the say-instead
 * wording of one is the name of the other (flagged on the entry named, field "entry").
 */
export function crossEntryFlags(entries) {
  const flags = [];
  const bySayInstead = new Map();
  for (const e of entries) if (e.sayInstead) bySayInstead.set(termKey(e.sayInstead), [...(bySayInstead.get(termKey(e.sayInstead)) ?? []), e]);
  for (const e of entries)
    for (const field of ALIAS_FIELDS)
      for (const value of e[field] ?? [])
        for (const o of bySayInstead.get(termKey(value)) ?? []) if (o !== e) flags.push({ check: 'crossEntry', entry: e.id, field, value, other: o.id, note: `the say-instead wording of ${o.id}` });
  const byName = new Map(entries.map((e) => [termKey(e.name), e]));
  const seen = new Set();
  const pair = (a, b, note) => {
    const key = [a.id, b.id].sort().join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    flags.push({ check: 'crossEntry', entry: b.id, field: 'entry', value: b.name, other: a.id, note });
  };
  for (const e of entries) {
    const o = e.sayInstead && byName.get(termKey(e.sayInstead));
    if (o && o !== e) pair(e, o, `its name is the say-instead wording of ${e.id}`);
  }
  const byMesh = new Map();
  for (const e of entries) if (e.codes?.mesh) byMesh.set(e.codes.mesh, [...(byMesh.get(e.codes.mesh) ?? []), e]);
  for (const [mesh, list] of byMesh) for (const b of list.slice(1)) pair(list[0], b, `shares MeSH ${mesh} with ${list[0].id}`);
  return flags;
}

/**
 * Check crossEntry, source names: an alias (synonym or lay term) that the Disease Ontology uses as
 * the name of another disease than the entry's own (`labels`: termKey of a live DOID name → its
 * id). An ontology's "exact" synonym that is a sibling's or a subtype's own name
 * ("Miyoshi muscular dystrophy" on distal myopathy) names that other concept.
 */
export function sourceLabelFlags(entries, labels) {
  const flags = [];
  for (const e of entries)
    for (const field of ALIAS_FIELDS)
      for (const value of e[field] ?? []) {
        const id = labels.get(termKey(value));
        if (id && id !== e.codes?.doid) flags.push({ check: 'crossEntry', entry: e.id, field, value, other: id, note: `the Disease Ontology's name of ${id}, another disease` });
      }
  return flags;
}

/**
 * Check qualifier: synonyms with a qualifier or eponym the name lacks, or without a qualifier the
 * name has; lay terms of a cancer that name only a tumour ("renal tumors" on kidney cancer); and
 * aliases that end in a vague word the name lacks (`vagueHead`). One flag an alias, its notes joined.
 */
export function qualifierFlags(entries) {
  const flags = [];
  const flag = (e, field, value, notes) => notes.length && flags.push({ check: 'qualifier', entry: e.id, field, value, note: notes.join('; ') });
  const vague = (value, name) => {
    const head = vagueHead(value, name);
    return head ? [`ends in the vague word "${head}" the name lacks`] : [];
  };
  for (const e of entries) for (const value of e.layTerms ?? []) flag(e, 'layTerms', value, [...(lacksMalignant(value, e.name) ? ['lacks malignant'] : []), ...vague(value, e.name)]);
  for (const e of entries)
    for (const value of e.synonyms ?? []) {
      const extra = [...extraQualifiers(value, e.name), ...extraEponyms(value, e.name)];
      const missing = [...extraQualifiers(e.name, value), ...(lacksMalignant(value, e.name) ? ['malignant'] : [])];
      const part = extraPart(value, e.name);
      flag(e, 'synonyms', value, [extra.length ? `adds ${extra.join(', ')}` : '', missing.length ? `lacks ${missing.join(', ')}` : '', part ? `names a part ("${part}") the name lacks` : '', ...vague(value, e.name)].filter(Boolean));
    }
  return flags;
}

/**
 * Check sayInstead: a say-instead wording that is an abbreviation or has one in it, that nests
 * the entry's name, or that the term index `findTerms` reads as a clinical name or synonym
 * (the whole wording, or a part that is itself jargon: its entry has a say-instead) or as a
 * term of another entry.
 */
export function sayInsteadFlags(entries, findTerms) {
  const flags = [];
  const jargon = new Set(entries.filter((e) => e.sayInstead).map((e) => e.id)); // entries whose own name wants plainer words
  for (const e of entries) {
    const s = e.sayInstead;
    if (!s) continue;
    const problems = [];
    if (ABBREVIATION_WORD.test(s)) problems.push('has an abbreviation');
    if (nestsName(s, e)) problems.push('contains the name it replaces');
    for (const h of findTerms(s)) {
      const whole = h.start === 0 && h.end === s.length;
      const clinical = (h.field === 'name' || h.field === 'synonym') && (whole || jargon.has(h.entryId));
      if (clinical) problems.push(`"${s.slice(h.start, h.end)}" is the ${h.field} of ${h.entryId}`);
      else if (whole && h.entryId !== e.id) problems.push(`is a term of ${h.entryId}`);
    }
    if (problems.length) flags.push({ check: 'sayInstead', entry: e.id, field: 'sayInstead', value: s, note: [...new Set(problems)].join('; ') });
  }
  return flags;
}

/** Whether a say-instead wording has the entry's name or a synonym in it: a fix would nest the name in itself. */
export function nestsName(sayInstead, entry) {
  const k = ` ${termKey(sayInstead)} `;
  return [entry.name, ...(entry.synonyms ?? [])].some((n) => termKey(n) && k !== ` ${termKey(n)} ` && k.includes(` ${termKey(n)} `));
}

/**
 * Check icdTitle: a code whose title shares no content word with the name or a synonym, or a
 * non-billable header with a billable child whose title is the header's own but for "other" or
 * "unspecified" (R35 Polyuria → R35.8 Other polyuria; the flag carries it as `suggested`, and its
 * note says whether the header's title says no more than the name and synonyms do). `icd` maps a code (with its
 * dot) to `{ long, billable }`.
 */
export function icdTitleFlags(entries, icd) {
  const flags = [];
  // a billable code is a child of every header above it: E70.30 of E70.3 and of E70, not only of its three-character category
  const children = new Map();
  for (const [code, r] of icd) {
    if (!r.billable) continue;
    for (const head of headersAbove(code)) children.set(head, [...(children.get(head) ?? []), code]);
  }
  for (const e of entries) {
    const code = e.codes?.icd10cm;
    const r = code && icd.get(code);
    if (!r) continue;
    const words = new Set([e.name, ...(e.synonyms ?? [])].flatMap((x) => [...stems(x)]));
    const titleWords = [...stems(r.long)];
    if (!titleWords.some((w) => words.has(w))) flags.push({ check: 'icdTitle', entry: e.id, field: 'icd10cm', value: code, note: `title "${r.long}" shares no word with the name or a synonym` });
    else if (!r.billable && children.has(code)) {
      const own = ownChild(code, children.get(code), icd);
      // the "unspecified" child is the entry's code only when the header names the entry, not a wider class (H53.4 Visual field defects for scotoma)
      const namesEntry = titleWords.every((w) => words.has(w));
      if (own)
        flags.push({
          check: 'icdTitle', entry: e.id, field: 'icd10cm', value: code, suggested: own,
          note: `a header with billable children; ${own} "${icd.get(own).long}" is the header's own title${namesEntry ? '; the header names the entry' : '; the header names a wider class'}`,
        });
    }
  }
  return flags;
}

/** The codes a code sits under: E70.338 → E70.33, E70.3, E70 (its three-character category and each longer prefix). */
export function headersAbove(code) {
  const [head, tail = ''] = code.split('.');
  return [head, ...[...tail.slice(0, -1)].map((_, i) => `${head}.${tail.slice(0, i + 1)}`)].filter((h) => h !== code);
}

/** The billable child whose title is the header's own, but for "other" or "unspecified" (R35 Polyuria → R35.8 Other polyuria). */
function ownChild(code, children, icd) {
  const bare = (t) => termKey(t.replace(/, unspecified$/i, '').replace(/^(other|unspecified)\s+/i, ''));
  const own = termKey(icd.get(code).long);
  // "X, unspecified" is X not further described; "Other X" is for named kinds, so it comes second
  const unspecifiedFirst = (c) => (/unspecified/i.test(icd.get(c).long) ? 0 : 1);
  return children.filter((c) => bare(icd.get(c).long) === own).sort((a, b) => unspecifiedFirst(a) - unspecifiedFirst(b) || a.length - b.length || cmp(a, b))[0] ?? null;
}

/** Check icdNarrower: a code from a source mapping (`mapped`: entry ids) whose title has a qualifier the name and its synonyms lack. */
export function icdNarrowerFlags(entries, icd, mapped) {
  const flags = [];
  for (const e of entries) {
    const code = e.codes?.icd10cm;
    const r = code && icd.get(code);
    if (!r || !mapped.has(e.id)) continue;
    const title = r.long.replace(/, unspecified$/i, '');
    const extra = extraQualifiers(title, [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])].join(' '));
    if (extra.length) flags.push({ check: 'icdNarrower', entry: e.id, field: 'icd10cm', value: code, note: `title "${r.long}" adds ${extra.join(', ')}` });
  }
  return flags;
}

const flagKey = (entry, field, value) => `${entry}\u0000${field}\u0000${field === 'icd10cm' ? value : termKey(value)}`;

/**
 * The decision for each flag: a decision for the item itself (`entry`, `field`, `value`), else
 * the first rule whose `check`, `field`, `pattern` (a regular expression on the flag's note) and
 * `valuePattern` (one on the flagged value) all fit. Returns `{ decided: [flag with its decision], undecided: [flag] }`.
 */
export function decide(flags, decisions) {
  const byItem = new Map((decisions.decisions ?? []).map((d) => [flagKey(d.entry, d.field, d.value), d]));
  const rules = (decisions.rules ?? []).map((r) => ({ r, re: r.pattern ? new RegExp(r.pattern, 'i') : null, valueRe: r.valuePattern ? new RegExp(r.valuePattern, 'i') : null }));
  const decided = [];
  const undecided = [];
  for (const f of flags) {
    const d = byItem.get(flagKey(f.entry, f.field, f.value)) ?? rules.find(({ r, re, valueRe }) => r.check === f.check && (!r.field || r.field === f.field) && (!re || re.test(f.note)) && (!valueRe || valueRe.test(f.value)))?.r;
    if (d) {
      d.used = true;
      const moveTo = d.moveTo === 'suggested' ? f.suggested : d.moveTo;
      decided.push({ ...f, decision: d.decision, ...(moveTo ? { moveTo } : {}), reason: d.reason, ...(d.rule ? { rule: d.rule } : {}) });
    } else undecided.push(f);
  }
  return { decided, undecided };
}

/**
 * Applies decided flags to `entries` (in place; entries merged away are removed). `drop` takes the
 * item off; `move` sends an alias to the entry `moveTo` (or to the field `moveTo` of the same
 * entry: "layTerms", "synonyms"), a say-instead or a code to the wording or code `moveTo`, and a
 * whole entry into the entry `moveTo` (its name and aliases become that entry's, its related ids
 * point there). `keep` changes nothing.
 */
export function applyDecisions(entries, decided) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const taken = new Map();
  for (const e of entries) for (const f of [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])]) taken.set(termKey(f), e);
  const remove = (e, field, value) => {
    e[field] = (e[field] ?? []).filter((x) => termKey(x) !== termKey(value));
    if (!e[field].length) delete e[field];
    if (taken.get(termKey(value)) === e) taken.delete(termKey(value));
  };
  const add = (e, field, value) => {
    const o = taken.get(termKey(value));
    if (o && o !== e) return;
    if (o === e) for (const f of ALIAS_FIELDS) if ((e[f] ?? []).some((x) => termKey(x) === termKey(value))) return;
    if (termKey(value) === termKey(e.name)) return;
    e[field] = [...(e[field] ?? []), value];
    taken.set(termKey(value), e);
  };
  const merged = new Map();
  for (const f of decided) {
    const e = byId.get(f.entry);
    if (!e || f.decision === 'keep') continue;
    if (f.field === 'entry') {
      const into = byId.get(f.moveTo);
      if (f.decision !== 'move' || !into) fail(`data/manual/alias-decisions.json: ${f.entry} (entry): "move" needs moveTo, an entry id (${f.moveTo})`);
      // the merged entry's name is plain wording when it is the say-instead of the entry it joins ("low blood pressure")
      const plain = (x) => termKey(x) === termKey(into.sayInstead ?? '');
      for (const x of [e.name, ...(e.synonyms ?? [])]) taken.delete(termKey(x)), add(into, plain(x) ? 'layTerms' : 'synonyms', x);
      for (const x of e.layTerms ?? []) taken.delete(termKey(x)), add(into, 'layTerms', x);
      into.abbreviations = [...new Set([...(into.abbreviations ?? []), ...(e.abbreviations ?? [])])];
      if (!into.abbreviations.length) delete into.abbreviations;
      // its source ids, not its ICD-10-CM code: a code names the merged entry's own concept (R47.81 slurred speech, not dysarthria)
      for (const [k, v] of Object.entries(e.codes ?? {})) if (k !== 'icd10cm' && !into.codes?.[k]) into.codes = { ...into.codes, [k]: v };
      merged.set(e.id, into.id);
      byId.delete(e.id);
      entries.splice(entries.indexOf(e), 1);
    } else if (f.field === 'sayInstead') {
      if (f.decision === 'drop') delete e.sayInstead;
      else e.sayInstead = f.moveTo;
    } else if (f.field === 'icd10cm') {
      if (f.decision === 'drop') delete e.codes.icd10cm;
      else e.codes.icd10cm = f.moveTo;
    } else {
      remove(e, f.field, f.value);
      if (f.decision === 'move') {
        if (ALIAS_FIELDS.includes(f.moveTo)) add(e, f.moveTo, f.value);
        else if (byId.has(f.moveTo)) add(byId.get(f.moveTo), f.field, f.value);
        else fail(`data/manual/alias-decisions.json: ${f.entry} ${f.field} "${f.value}": moveTo ${JSON.stringify(f.moveTo)} is neither a field nor an entry id`);
      }
    }
  }
  if (merged.size)
    for (const e of entries) {
      if (!e.related) continue;
      e.related = [...new Set(e.related.map((r) => merged.get(r) ?? r))].filter((r) => r !== e.id);
      if (!e.related.length) delete e.related;
    }
  return merged;
}

/**
 * The build step: runs the checks in order over the shipped entries `out` (in place), applies
 * the decisions of data/manual/alias-decisions.json and takes the say-instead wording off widely
 * understood names (data/manual/understood-names.json). Lists every flag with its decision in
 * the report (`aliasAudit`) and its counts; fails on any undecided flag.
 */
export function auditAliases(out, { icd, decisions, understoodNames, mapped, kbOf, doidLabels = new Map() }, report) {
  const understood = new Map(understoodNames.map((u) => [termKey(u.name), u]));
  for (const e of out) {
    const u = understood.get(termKey(e.name));
    if (u && e.sayInstead) {
      report.aliasAudit.push({ check: 'sayInstead', entry: e.id, field: 'sayInstead', value: e.sayInstead, decision: 'drop', reason: `widely understood name (understood-names.json): ${u.reason}` });
      delete e.sayInstead;
    }
  }
  const undecided = [];
  const counts = {};
  for (const check of CHECKS) {
    const flags =
      check === 'crossEntry'
        ? [...crossEntryFlags(out), ...sourceLabelFlags(out, doidLabels)]
        : check === 'qualifier'
          ? qualifierFlags(out)
          : check === 'sayInstead'
            ? sayInsteadFlags(out, (text) => kbOf(out).termIndex.findTerms(text))
            : check === 'icdTitle'
              ? icdTitleFlags(out, icd)
              : icdNarrowerFlags(out, icd, mapped(out));
    const { decided, undecided: open } = decide(flags, decisions);
    applyDecisions(out, decided);
    undecided.push(...open);
    report.aliasAudit.push(...decided);
    counts[check] = { flagged: flags.length, kept: 0, moved: 0, dropped: 0 };
    for (const d of decided) counts[check][{ keep: 'kept', move: 'moved', drop: 'dropped' }[d.decision]]++;
  }
  counts.understoodNames = report.aliasAudit.filter((d) => /^widely understood/.test(d.reason)).length;
  report.aliasAuditCounts = counts;
  report.aliasAudit.sort((a, b) => CHECKS.indexOf(a.check) - CHECKS.indexOf(b.check) || cmp(a.entry, b.entry) || cmp(a.field, b.field) || cmp(String(a.value), String(b.value)));
  for (const [i, d] of (decisions.decisions ?? []).entries()) if (!d.used) report.warnings.push(`data/manual/alias-decisions.json decisions[${i}]: ${d.entry} ${d.field} "${d.value}" was not flagged (any more); remove it`);
  for (const [i, r] of (decisions.rules ?? []).entries()) if (!r.used) report.warnings.push(`data/manual/alias-decisions.json rules[${i}] (${r.rule ?? r.check}) decided nothing; remove it`);
  // a writer deciding a batch wants every open flag in one file: ALIAS_AUDIT_OPEN=<file>
  if (undecided.length && process.env.ALIAS_AUDIT_OPEN) writeFileSync(process.env.ALIAS_AUDIT_OPEN, undecided.map((f) => JSON.stringify(f)).join('\n') + '\n');
  if (undecided.length)
    fail(
      `${undecided.length} alias-audit flag(s) not decided in data/manual/alias-decisions.json:\n  ${undecided
        .slice(0, 200)
        .map((f) => JSON.stringify({ check: f.check, entry: f.entry, field: f.field, value: f.value, note: f.note, ...(f.other ? { other: f.other } : {}) }))
        .join('\n  ')}`,
    );
}

/**
 * The alias audit as a step of build-kb.mjs: reads data/manual/alias-decisions.json and
 * understood-names.json, works out which codes came from a source mapping (not a title match,
 * a hand-decided rule or a hand-written entry), and runs `auditAliases` over `out`.
 */
export function aliasAuditStep(out, S, M, report) {
  const decisions = readManualJson('alias-decisions.json', { rules: [], decisions: [] });
  const understoodNames = readManualJson('understood-names.json', { understoodNames: [] }).understoodNames;
  const notMapped = new Set([...report.conditionIcdTitleMatches, ...report.symptomIcdMatches, ...report.icdOverrides].map((m) => m.id));
  const handCoded = new Set(M.entries.filter((m) => m.codes?.icd10cm).map((m) => m.id));
  const mapped = (entries) => new Set(entries.filter((e) => !handCoded.has(e.id) && !['doid', 'hpo', 'symp'].some((k) => notMapped.has(e.codes?.[k]))).map((e) => e.id));
  const kbOf = (entries) => new core.KnowledgeBase([{ file: 'build', kb: { entries, contextualAbbreviations: [] }, problems: [] }]);
  // the live Disease Ontology names, for sourceLabelFlags
  const doidLabels = new Map();
  for (const t of S.doidTerms?.values() ?? []) if (!t.obsolete && !doidLabels.has(termKey(t.name))) doidLabels.set(termKey(t.name), t.id);
  report.aliasAudit = [];
  auditAliases(out, { icd: S.icd, decisions, understoodNames, mapped, kbOf, doidLabels }, report);
}

function readManualJson(name, empty) {
  const file = join(MANUAL, name);
  if (!existsSync(file)) return empty;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`data/manual/${name}: not valid JSON (${e.message})`);
  }
}
