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
