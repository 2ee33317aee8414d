// Names, synonyms and abbreviations as the sources write them: which source synonyms are clean
// enough to ship, which are abbreviations ("CTS - Carpal tunnel syndrome" gives CTS), and the
// canonical spelling of a DOID condition name (lower case but for proper nouns, with accents).

const ACCENTED = [
  [/\bSjogren/g, 'Sjögren'],
  [/\bBehcet/g, 'Behçet'],
  [/\bMeniere/g, 'Ménière'],
  [/\bGuillain-Barre\b/g, 'Guillain-Barré'],
  [/\bRaynaud/g, 'Raynaud'],
];

/** A short token written mostly in capitals, like an abbreviation: CTS, COVID-19, HbA1c. */
export function isAbbreviationToken(s) {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{1,9}$/.test(s)) return false;
  const letters = s.replace(/[^A-Za-z]/g, '');
  const upper = s.replace(/[^A-Z]/g, '').length;
  return upper >= 2 && upper * 2 >= letters.length && !/[a-z]{3}/.test(s);
}

/** A synonym not fit to ship: bracketed, "NOS", "obsolete", over 60 characters or 8 words, no letters… */
export function isJunkSynonym(s) {
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

/** A DOID or SYMP term's exact synonyms, sorted into abbreviations and clean synonyms. */
export function exactSynonyms(t) {
  const abbreviations = [];
  const synonyms = [];
  for (const s of t.synonyms) {
    if (s.scope !== 'EXACT') continue;
    const k = classifySynonym(s.text);
    abbreviations.push(...k.abbreviations);
    synonyms.push(...k.synonyms);
  }
  return { abbreviations, synonyms };
}

/** Words DOID itself writes in lower case somewhere after the first word of a name. */
export function lowercaseVocabulary(terms) {
  const vocab = new Set();
  for (const t of terms) {
    const words = t.name.split(/\s+/);
    for (const w of words.slice(1)) if (/^[a-z][a-z-]*$/.test(w)) vocab.add(w);
  }
  return vocab;
}

/** DOID names are lower case except proper nouns; fix the few that capitalise a common word. */
export function canonicalConditionName(name, vocab) {
  let n = name;
  const first = n.split(/\s+/)[0];
  if (/^[A-Z][a-z-]+$/.test(first) && vocab.has(first.toLowerCase())) n = first.toLowerCase() + n.slice(first.length);
  for (const [re, rep] of ACCENTED) n = n.replace(re, rep);
  return n;
}

// ---- names as a writer writes them ------------------------------------------------------------
//
// HPO writes its labels in sentence case ("Paranoia", "Sleep disturbance"): the capital is the
// label's, not the term's. HPO's licence asks for its content unaltered, so those labels ship
// verbatim and the entry says `sentenceCase: true`; the core (writtenName) lower-cases the first
// letter wherever the name stands in running text or a list. Text from the other sources (DOID,
// Mondo, SYMP) is re-cased in place where a source shouted it ("DYSCHONDROPLASIA") or
// capitalised a generic word inside a name ("Brunner Syndrome").

/**
 * Words that are proper names (eponyms, places) although they are also everyday English words,
 * so no vocabulary can tell: "Down syndrome", "Still disease", "Bell palsy".
 */
export const PROPER_EVERYDAY_WORDS = new Set(['down', 'still', 'bell', 'graves', 'hunter', 'turner', 'wilson', 'west', 'ross', 'nelson', 'poland', 'bloom', 'coats', 'fox', 'miller', 'williams', 'smith', 'sly', 'timothy', 'lyme']);

/** Generic heads of a name that a source now and then capitalises inside it ("Brunner Syndrome"). */
const GENERIC_HEADS = new Set(['syndrome', 'disease', 'disorder', 'deficiency', 'anemia', 'fever', 'infection', 'dystrophy', 'dysplasia']);

/** A word written with a capital and lower case after it: `Paranoia`, `Sjögren's`, `Dandy-Walker`. */
const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]*$/u;

/**
 * The proper names among the words of the sources, in lower case: DOID capitalises only proper
 * nouns in its names (its common words are lower case; see canonicalConditionName), so a
 * capitalised word of a DOID name is one ("Achilles", "Parkinson", each part of
 * "Dandy-Walker"), as is a possessive in a DOID synonym ("Pick's"), and the
 * {@link PROPER_EVERYDAY_WORDS}. `vocab`: the words DOID writes in lower case.
 */
export function properNames(doidTerms, vocab) {
  const proper = new Set(PROPER_EVERYDAY_WORDS);
  const add = (word) => {
    for (const part of word.replace(/['’]s$/, '').split('-')) if (/^\p{Lu}\p{Ll}+$/u.test(part)) proper.add(part.toLowerCase());
  };
  for (const t of doidTerms) {
    if (t.obsolete) continue;
    // Names only: DOID's synonyms are often in title case ("Acute Bronchitis"). A few names
    // capitalise a common first word (canonicalConditionName): a first word counts only when
    // DOID never writes it in lower case.
    t.name.split(/\s+/).forEach((word, i) => {
      if (CAPITALISED.test(word) && (i > 0 || !vocab.has(word.toLowerCase()))) add(word);
    });
    for (const s of t.synonyms) for (const word of s.text.split(/\s+/)) if (/^\p{Lu}\p{Ll}+['’]s$/u.test(word)) add(word);
  }
  return proper;
}

/**
 * The proper names of the sources (`proper`, see {@link properNames}) and the words DOID writes
 * in lower case (`vocab`), from the indexed sources `S`.
 */
export function sourceProperNames(S) {
  const doidTerms = [...S.doidTerms.values()];
  const vocab = lowercaseVocabulary(doidTerms.filter((t) => !t.obsolete));
  return { vocab, proper: properNames(doidTerms, vocab) };
}

/**
 * Whether an HPO label is in sentence case with a common first word, so that running text
 * writes it with a lower-case first letter: `Paranoia`, `Sleep disturbance` — not `Achilles
 * tendon rupture`, `Pel-Epstein fever`, `Babinski's sign` (proper names) nor `IgA deposition`,
 * `HbA1c` (symbols, kept as written).
 */
export function isSentenceCaseLabel(label, proper) {
  const first = /^[\p{L}\p{N}'’-]+/u.exec(label)?.[0] ?? '';
  if (!CAPITALISED.test(first) || /['’]s$/.test(first)) return false;
  const parts = first.split('-');
  // "Pel-Epstein" is two names; "Down-sloping" is one word that starts a sentence.
  if (parts.length > 1) return !parts.every((p) => /^\p{Lu}/u.test(p)) && !proper.has(first.toLowerCase());
  return !proper.has(first.toLowerCase());
}

/**
 * A source text written entirely in capitals ("DYSCHONDROPLASIA", "HEMOLYTIC ANEMIA") in lower
 * case, when every word of it is too long for an acronym (over 10 letters) or a word DOID writes
 * in lower case (`vocab`); otherwise, and for text with any lower-case letter, the text as it is
 * — so acronyms (CADASIL, HELLP) and half-known shouting ("FRAGILE X …") stay as written rather
 * than come out in mixed case.
 */
export function unshout(text, vocab) {
  if (/\p{Ll}/u.test(text) || !/\p{Lu}{2}/u.test(text)) return text;
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w) => !/\d/.test(w) && (w.length > 10 || vocab.has(w.toLowerCase()))) ? text.toLowerCase() : text;
}

/**
 * `Brunner Syndrome` → `Brunner syndrome`: a generic head capitalised inside a name, in lower
 * case. For names only, whose other words the source cased with care; a synonym in title case
 * ("Sixth Disease") would come out half re-cased.
 */
export function lowerGenericHeads(text) {
  return text.replace(/(?<=\s)\p{Lu}\p{Ll}+\b/gu, (word) => (GENERIC_HEADS.has(word.toLowerCase()) ? word.toLowerCase() : word));
}

/**
 * Gives every entry its names as a writer writes them (see the comment above): marks HPO
 * labels in sentence case, and re-cases the non-HPO names and synonyms of conditions in place.
 * HPO text (any label or synonym of the release, byte for byte) is never changed. Returns the
 * number of names marked and of texts re-cased, for the report.
 */
export function applyWritersCasing(entries, S) {
  const hpoTexts = new Set();
  for (const t of S.hpo.values()) {
    hpoTexts.add(t.name);
    for (const s of t.synonyms) hpoTexts.add(s.text);
  }
  const { vocab, proper } = sourceProperNames(S);
  const counts = { sentenceCase: 0, recased: 0 };
  for (const e of entries) {
    if (e.codes?.hpo && hpoTexts.has(e.name)) {
      if (isSentenceCaseLabel(e.name, proper)) {
        e.sentenceCase = true;
        counts.sentenceCase++;
      }
      continue;
    }
    // Only the sources' condition names are re-cased: a medicine's brand names or a hand-written
    // entry are written as their authors meant.
    if (!e.codes?.doid && !e.codes?.mondo) continue;
    const recase = (text) => (hpoTexts.has(text) ? text : unshout(text, vocab));
    const name = hpoTexts.has(e.name) ? e.name : lowerGenericHeads(unshout(e.name, vocab));
    if (name !== e.name) counts.recased++;
    e.name = name;
    if (e.synonyms) {
      const seen = new Set([e.name]);
      const synonyms = [];
      for (const s of e.synonyms) {
        const cased = recase(s);
        if (cased !== s) counts.recased++;
        if (!seen.has(cased)) synonyms.push(cased);
        seen.add(cased);
      }
      e.synonyms = synonyms;
    }
  }
  return counts;
}
