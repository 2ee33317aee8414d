// Deterministic, seeded inputs for the benchmark: knowledge bases of any size, completion
// queries with the entry each one intends, and Markdown documents that use a KB's terms.
// Every word is made here from Greek/Latin-style morphemes and a small everyday vocabulary,
// so nothing third-party (and nothing GPL) is read, bundled or committed.

/** A small fast seeded PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[next.int(list.length)];
  next.chance = (p) => next() < p;
  return next;
}

const words = (s) => s.trim().split(/\s+/);
const ROOTS = words(`cardi neur gastr hepat nephr oste arthr derm my encephal pneum pulmon laryng pharyng rhin ot
  ophthalm cyst col enter proct splen thyr aden angi vas phleb hem lymph chondr cost crani cerebr myel cephal dactyl
  pod stomat gloss gingiv odont esophag duoden jejun ile cholecyst pancreat ur ureter urethr hyster metr oophor salping
  orchi prostat mast lip onych trich kerat blephar retin scler irid tympan cochle bronch trache pleur thorac abdomin
  lapar lumb spondyl fibr leuk erythr thromb cyan melan xanth glyc lith necr sarc carcin tend synov burs fasci sial
  cholang hidr ventricul valvul pericardi endocardi aort arteri ven capill calc kal natr`);
const SUFFIXES = words(`itis osis algia opathy oma emia uria ectasis megaly plegia paresis rrhea rrhage sclerosis stenosis
  malacia dynia trophy plasia ectomy otomy ostomy plasty scopy graphy gram lysis spasm cele ptosis genesis penia philia`);
const PREFIXES = words('hyper hypo peri endo epi dys brady tachy poly micro macro neo pseudo para sub inter intra retro pan hemi');
const QUALIFIERS = words(`acute chronic juvenile primary secondary idiopathic congenital hereditary benign malignant familial
  recurrent diffuse focal bilateral progressive atypical infantile senile neonatal postoperative traumatic allergic`);
const HEADS = words('syndrome disease disorder deficiency pain injury infection dysfunction insufficiency cyst tumor fracture failure reflux');
const BODY = words('knee liver heart lung skin bone eye ear nose throat back neck hand foot hip wrist ankle stomach bladder kidney chest jaw shoulder');
const FEELINGS = words('sore aching burning tingling itchy stiff swollen weak numb tender throbbing sharp dull');
const EVERYDAY = words(`the a of and to in is it you that he was for on are with as his they be at one have this from or had by
  word but what some we can out other were all there when up use your how said an each she which do their time if will way
  about many then them write would like so these her long make thing see him two has look more day could go come did number
  sound no most people my over know water than call first who may down side been now find any new work part take get place
  made live where after back little only round man year came show every good me give our under name very through just form
  sentence great think say help low line differ turn cause much mean before move right boy old too same tell does set three
  want air well also play small end put home read hand port large spell add even land here must big high such follow act
  why ask men change went light kind off need house picture try us again animal point mother world near build self earth
  father doctor nurse patient family care treatment feel often talk visit medicine symptom`);
const SYLLABLES = words('bran nick hol stein mar tov ald ric kes sel ber gund hau ven lor wick dal ton mer iss fen rud oka lin');

const joinSuffix = (stem, suffix) => stem + (/^[aeiou]/.test(suffix) ? '' : 'o') + suffix;

/** One medical-looking word: `gastroenteritis`, `hyperthyrosis`, `lymphoma`… */
function medicalWord(r) {
  let stem = r.pick(ROOTS);
  if (r.chance(0.35)) stem = `${stem}o${r.pick(ROOTS)}`;
  if (r.chance(0.2)) stem = r.pick(PREFIXES) + stem;
  return joinSuffix(stem, r.pick(SUFFIXES));
}

const surname = (r) => {
  const s = r.pick(SYLLABLES) + r.pick(SYLLABLES) + (r.chance(0.5) ? r.pick(SYLLABLES) : '');
  return s[0].toUpperCase() + s.slice(1);
};

/** A term name in one of the shapes real ones take. */
function termName(r) {
  switch (r.int(7)) {
    case 0:
    case 1:
      return medicalWord(r);
    case 2:
      return `${r.pick(QUALIFIERS)} ${medicalWord(r)}`;
    case 3:
      return `${medicalWord(r)} ${r.pick(HEADS)}`;
    case 4:
      return `${surname(r)}${r.chance(0.5) ? "'s" : ''} ${r.pick(HEADS)}`;
    case 5:
      return `${r.pick(QUALIFIERS)} ${r.pick(BODY)} ${r.pick(HEADS)}`;
    default:
      return `${medicalWord(r)} of the ${r.pick(BODY)}`;
  }
}

const KINDS = ['condition', 'condition', 'condition', 'symptom', 'symptom', 'test', 'treatment', 'anatomy'];

/**
 * A knowledge base of `n` entries with unique names, 0–3 synonyms, abbreviations (initials,
 * as written: `ACD`), lay terms for some, and ICD-10-CM-shaped codes for some.
 * @returns `{ version, entries }`, valid against data/schema/kb.schema.json.
 */
export function syntheticKb(n, seed = 1) {
  const r = rng(seed);
  const used = new Set();
  // Names and synonyms are unique; a lay term may be shared once its small space runs out, as in real life.
  const unique = (make, tries = Infinity) => {
    for (let i = 1; ; i++) {
      const name = make();
      if (!used.has(name.toLowerCase()) || i >= tries) return used.add(name.toLowerCase()), name;
    }
  };
  const entries = [];
  for (let i = 0; i < n; i++) {
    const name = unique(() => termName(r));
    const entry = { id: `synthetic-${i}`, kind: r.pick(KINDS), name };
    const synonyms = Array.from({ length: r.pick([0, 0, 1, 1, 2, 3]) }, () => unique(() => termName(r)));
    if (synonyms.length) entry.synonyms = synonyms;
    const parts = name.split(/[\s-]+/).filter((w) => !['of', 'the'].includes(w));
    if (parts.length > 1 && r.chance(0.4)) entry.abbreviations = [parts.map((w) => w[0].toUpperCase()).join('')];
    else if (r.chance(0.05)) entry.abbreviations = [name.replace(/[^a-z]/gi, '').slice(0, 3).toUpperCase()];
    if (r.chance(0.2)) {
      entry.layTerms = [unique(() => (r.chance(0.5) ? `${r.pick(FEELINGS)} ${r.pick(BODY)}` : `${r.pick(FEELINGS)} ${r.pick(BODY)} ${r.pick(['ache', 'trouble', 'feeling', 'lump'])}`), 20)];
    }
    if (r.chance(0.3)) entry.codes = { icd10cm: `${String.fromCharCode(65 + r.int(26))}${r.int(10)}${r.int(10)}.${r.int(10)}` };
    entries.push(entry);
  }
  return { version: `synthetic-${n}-${seed}`, entries };
}

/** `text` with one random edit after its first letter: substitution, deletion, insertion or transposition. */
function typo(r, text) {
  const at = 1 + r.int(Math.max(1, text.length - 1));
  const letter = String.fromCharCode(97 + r.int(26));
  switch (r.int(4)) {
    case 0:
      return text.slice(0, at) + letter + text.slice(at + 1);
    case 1:
      return text.length > 3 ? text.slice(0, at) + text.slice(at + 1) : text + letter;
    case 2:
      return text.slice(0, at) + letter + text.slice(at);
    default:
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text.slice(0, -1) + letter;
  }
}

const prefixOf = (r, text, min, max) => text.slice(0, Math.min(text.length, min + r.int(max - min + 1)));

/**
 * `count` completion or palette queries, each with the entry it intends: 35% clean prefixes
 * of a name or synonym (2–12 chars), 25% prefixes with one typo, 15% an inner word's start
 * (`failu`), 15% abbreviations as written and 10% lay-term prefixes.
 * @returns `[{ query, type, intended }]`
 */
export function completionQueries(entries, count = 300, seed = 2) {
  const r = rng(seed);
  const withAbbr = entries.filter((e) => e.abbreviations?.length);
  const withLay = entries.filter((e) => e.layTerms?.length);
  const innerWords = (e) => e.name.toLowerCase().split(/\s+/).slice(1).filter((w) => w.length > 3 && w !== 'the');
  const multiWord = entries.filter((e) => innerWords(e).length > 0);
  const queries = [];
  const plan = [['prefix', 0.35], ['typo', 0.25], ['inner', 0.15], ['abbreviation', 0.15], ['lay', 0.1]];
  for (const [type, share] of plan) {
    for (let i = 0; i < Math.round(share * count); i++) {
      let entry;
      let query;
      if (type === 'prefix' || type === 'typo') {
        entry = r.pick(entries);
        const form = entry.synonyms && r.chance(0.3) ? r.pick(entry.synonyms) : entry.name;
        query = type === 'prefix' ? prefixOf(r, form.toLowerCase(), 2, 12) : typo(r, prefixOf(r, form.toLowerCase(), 4, 12));
      } else if (type === 'inner') {
        entry = r.pick(multiWord);
        query = prefixOf(r, r.pick(innerWords(entry)), 3, 8);
      } else if (type === 'abbreviation') {
        entry = r.pick(withAbbr);
        query = r.pick(entry.abbreviations);
      } else {
        entry = r.pick(withLay);
        query = prefixOf(r, r.pick(entry.layTerms), 4, 12);
      }
      queries.push({ query, type, intended: entry.id });
    }
  }
  return queries.slice(0, count);
}

/**
 * A patient-education Markdown document of about `bytes` bytes that uses the KB's terms: front
 * matter, headings, prose, lists, tables, block quotes, fenced code, inline code and links.
 */
export function markdownDoc(entries, bytes, seed = 3) {
  const r = rng(seed);
  const term = () => {
    const e = r.pick(entries);
    const forms = [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? []), ...(e.abbreviations ?? [])];
    return r.pick(forms);
  };
  const sentence = () => {
    const out = [];
    for (let i = 0, n = 8 + r.int(14); i < n; i++) out.push(r.chance(0.12) ? term() : r.pick(EVERYDAY));
    const s = out.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + r.int(4) }, sentence).join(' ');
  const blocks = ['---', 'title: Living with your condition', 'audience: patients', 'tags: [health, guide]', '---', ''];
  let size = blocks.join('\n').length;
  const push = (block) => {
    blocks.push(block, '');
    size += block.length + 2;
  };
  while (size < bytes) {
    const shape = r.int(10);
    if (shape === 0) push(`## About ${term()}`);
    else if (shape === 1) push(Array.from({ length: 3 + r.int(4) }, () => `- ${sentence()}`).join('\n'));
    else if (shape === 2) push(['| Term | What it means |', '| --- | --- |', ...Array.from({ length: 3 }, () => `| ${term()} | ${sentence()} |`)].join('\n'));
    else if (shape === 3) push(['```text', `${term()} ${term()}`, sentence(), '```'].join('\n'));
    else if (shape === 4) push(`> ${sentence()} See [${term()}](https://example.org/${r.int(1000)}) and \`${term()}\`.`);
    else push(paragraph());
  }
  return blocks.join('\n');
}

/**
 * A document like {@link markdownDoc}'s, of about `bytes` bytes, that carries vetted snippets:
 * `blocks` marked blocks, as inserted, spread evenly between its blocks (snippets picked at
 * random, seeded), `edited` of them with one word of their vetted wording changed, and `pasted`
 * snippet texts without markers, the last of them with one word changed (a near copy).
 * @param snippets `[{ marked, plain, literal }]`: a snippet's text as inserted with its markers,
 *   without them, and a run of its vetted wording (outside any slot) of at least eight words.
 * @returns `{ text, edited, pasted }`: the document and the counts of each kind of insertion.
 */
export function snippetDoc(entries, snippets, bytes, { blocks = 200, edited = 10, pasted = 5, seed = 5 } = {}) {
  const r = rng(seed);
  // The fifth word of the snippet's literal wording, changed where the text first carries it.
  const edit = (s, text) => {
    const at = text.indexOf(s.literal);
    if (at === -1) throw new Error(`snippetDoc: "${s.literal}" is not in the snippet's text`);
    const words = s.literal.split(' ');
    const changed = [...words.slice(0, 4), words[4] === 'often' ? 'rarely' : 'often', ...words.slice(5)].join(' ');
    return text.slice(0, at) + changed + text.slice(at + s.literal.length);
  };
  const editedAt = new Set();
  while (editedAt.size < Math.min(edited, blocks)) editedAt.add(r.int(blocks));
  const inserts = Array.from({ length: blocks }, (_, i) => {
    const s = r.pick(snippets);
    return editedAt.has(i) ? edit(s, s.marked) : s.marked;
  });
  for (let i = 0; i < pasted; i++) {
    const s = r.pick(snippets);
    // Spread among the blocks, not next to one: a pasted copy next to a marked one is still unmarked.
    inserts.splice(Math.floor(((i + 0.5) * inserts.length) / pasted), 0, i === pasted - 1 ? edit(s, s.plain) : s.plain);
  }
  const insertedBytes = inserts.reduce((sum, t) => sum + t.length + 2, 0);
  // markdownDoc separates its blocks (front matter first) with one blank line, and none of its
  // blocks holds one, so its blank lines are block boundaries: insert at evenly spaced ones.
  const filler = markdownDoc(entries, Math.max(0, bytes - insertedBytes), seed).split('\n\n');
  const out = [];
  let next = 0;
  for (let b = 0; b < filler.length; b++) {
    out.push(filler[b]);
    const due = b === filler.length - 1 ? inserts.length : Math.floor(((b + 1) * inserts.length) / filler.length);
    while (next < due) out.push(inserts[next++]);
  }
  return { text: out.join('\n\n'), edited: editedAt.size, pasted };
}

/**
 * Hostile lines of `bytes` characters each (issue 11), by what they attack: a matcher or rule
 * that reads the line again per candidate, or a regular expression that backtracks. The same
 * lines as test/unit/hostile.test.ts, which asserts that each scan finishes.
 * @param pasted the text of a few vetted snippets on one line, for copies pasted without markers.
 * @returns `[label, text]` pairs.
 */
export function hostileLines(bytes, pasted) {
  const repeat = (unit, length = bytes) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return [
    ['"MS " repeated', repeat('MS ')],
    ['"MS" repeated, no spaces', repeat('MS')],
    ['"MS " repeated, line not in capitals', `${repeat('MS ', bytes - 24)}about multiple sclerosis`],
    ['spaces inside a term', `multiple${' '.repeat(bytes - 17)}sclerosis`],
    ['spaces then a comma inside a term', `multiple${' '.repeat(bytes - 18)},sclerosis`],
    ['"](" repeated', repeat('](')],
    ['"<!--" repeated', repeat('<!--')],
    ['10,000 backticks, then terms', '`'.repeat(10_000) + repeat(' multiple sclerosis MS', bytes - 10_000)],
    ['"pins and needles " repeated', repeat('pins and needles ')],
    ['"(" repeated', repeat('(')],
    ['one word', repeat('a')],
    ['wordless code spans "`.` "', repeat('`.` ')],
    ['pasted snippet copies', repeat(`${pasted} `)],
    ['mixed', repeat('MS (multiple  sclerosis) ](x) <!-- `a` pins and needles. MS\t-\tsclerosis *called* paresthesia, ')],
  ];
}
