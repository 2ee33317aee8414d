// Medicines: one treatment entry per single-ingredient medicine on the US market, from the
// sources of drug-sources.mjs. A medicine is an active ingredient with a prescription or
// over-the-counter Drugs@FDA product (not discontinued, not tentative), named without its salt
// ("metformin hydrochloride" → metformin), found in DrugBank's open vocabulary (by name or
// synonym) and given the FDA established pharmacologic classes (EPC) of its NDC products. Its
// brand names are those of its NDA and BLA products (not each generic labeler's); DrugBank's
// INN/USAN/BAN variants (paracetamol for acetaminophen) are synonyms. Left out: the substances
// of data/manual/medicines/curation.json (sunscreens, gases, water, electrolytes, everyday
// words), diagnostic, contrast and radioactive agents and allergenic extracts (by class), and
// any name or brand that is an everyday word. Plain-language definitions are hand-written
// (data/manual/medicines/definitions.json). A medicine whose name is a hand-written entry's
// (metformin, warfarin) gives that entry its brands, classes and codes instead.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmp, fail, MANUAL, termKey, uniq } from './common.mjs';
import { loadDrugSources } from './drug-sources.mjs';

export { medicineAttributions } from './drug-sources.mjs';

const MAX_BRANDS = 4;
const MAX_DRUGBANK_SYNONYMS = 2;
const MAX_CLASSES = 3;
const LIVE_STATUS = new Set(['Prescription', 'Over-the-counter']);

/** Salt, ester and hydrate words that name the form of a substance, not the medicine. */
const SALT_WORDS = new Set(
  `hydrochloride hcl dihydrochloride hydrobromide hydroiodide sodium disodium trisodium potassium dipotassium calcium magnesium zinc aluminum lithium
  maleate dimaleate mesylate dimesylate besylate tosylate tartrate bitartrate citrate dihydrogen succinate fumarate hemifumarate sulfate bisulfate phosphate diphosphate
  acetate diacetate bromide methylbromide chloride iodide nitrate lactate gluconate malate oxalate pamoate palmitate stearate napsylate edisylate esylate
  hyclate monohydrate dihydrate trihydrate sesquihydrate hemihydrate anhydrous hydrate micronized tromethamine meglumine benzathine procaine
  mofetil cilexetil medoxomil axetil pivoxil propionate dipropionate valerate furoate acetonide hexacetonide butyrate cypionate enanthate undecanoate decanoate caproate succinate hemisuccinate
  sodium-succinate polistirex probutate sulfosalicylate salicylate xinafoate orotate carbonate bicarbonate olamine erbumine`
    .split(/\s+/)
    .filter(Boolean),
);

/** Classes whose members are not medicines a patient takes: diagnostic, contrast, radioactive agents and allergen extracts. */
const EXCLUDED_CLASS = /diagnostic|contrast|radioactive|allergen|skin test|^vitamin [a-z0-9]+ \[epc\]$/;
/** Minerals and electrolytes (sodium chloride, ferrous sulfate, calcium acetate…): everyday words, named by their element. */
const MINERAL = /^(sodium|potassium|calcium|magnesium|ammonium|ferric|ferrous|iron|zinc|cupric|copper|chromic|manganese|selenious|selenium|aluminum|lithium chloride)\b/;
/** Radioactive isotopes written into a name ("technetium tc-99m …", "iothalamate sodium i-125"). */
const ISOTOPE = /\b[a-z]{1,2}-\d{2,3}m?\b|technetium|fludeoxyglucose|rubidium|thallous|xenon|krypton/;

function readManualJson(rel, fallback) {
  const file = join(MANUAL, rel);
  if (!existsSync(file)) return fallback;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`data/manual/${rel}: not valid JSON (${e.message})`);
  }
}

/**
 * The medicine name of a substance: lower case, without its salt, ester and hydrate words
 * ("metformin hydrochloride" → metformin, "fluticasone propionate" → fluticasone). The shortest
 * name `known` to DrugBank wins; failing that, the name without them, unless what is left is a
 * salt word itself ("sodium chloride" stays).
 */
export function medicineBaseName(substance, known) {
  let words = substance
    .toLowerCase()
    .replace(/,\s*(usp|micronized|macrocrystalline|anhydrous)\b/g, '')
    .replace(/\s+(recombinant|synthetic)\b.*$/, '')
    .replace(/-[a-z]{4}$/, '') // a biosimilar's four-letter suffix (adalimumab-adaz)
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  let best = null;
  for (;;) {
    if (known(words.join(' '))) best = words.join(' ');
    if (words.length > 1 && SALT_WORDS.has(words.at(-1))) words = words.slice(0, -1);
    else if (words.length > 1 && SALT_WORDS.has(words[0])) words = words.slice(1);
    else break;
  }
  return known(words.join(' ')) || !words.some((w) => SALT_WORDS.has(w)) ? words.join(' ') : best ?? substance.toLowerCase();
}

/** A brand name in the casing a writer uses: "GLUCOPHAGE XR" → "Glucophage XR". */
export function brandCasing(name) {
  return name
    .split(/(\s+|-|\/)/)
    .map((w) => (/^[A-Z]{1,3}$/.test(w) && /^(XR|ER|SR|CR|XL|LA|ODT|HCT|DS|EC|IR|HP|PM|AM|XT|CD|II|III|IV|D|L|P|C|S|B|SA|LQ|XC)$/.test(w) ? w : /^[A-Z]/.test(w) ? w[0] + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join('');
}

/**
 * The brand a product's name stands for: its first word, without audience, release, strength
 * and pack words ("ADVIL MIGRAINE LIQUI-GELS" → ADVIL, "CHILDREN'S ZYRTEC" → ZYRTEC,
 * "DURAGESIC-100" → DURAGESIC); a short first word keeps the next ("MS CONTIN").
 */
function brandStem(drugName) {
  const words = drugName
    .replace(/^((CHILDREN|INFANT|INFANTS|WOMEN|JUNIOR)'?S?'? )+/, '')
    .replace(/^(EC|IR|DR)-/, '')
    .split(/\s+/);
  const stem = words[0].length < 4 && words[1] ? `${words[0]} ${words[1]}` : words[0];
  return stem.replace(/(-[A-Z]{1,3})?-?\d+$/, '');
}

/** EPC label as a plain class name, with the capitals of its acronyms ("hmg-coa reductase inhibitor" → "HMG-CoA reductase inhibitor"). */
export function className(epc) {
  const caps = { hmg: 'HMG', coa: 'CoA', glp: 'GLP', dna: 'DNA', rna: 'RNA', ige: 'IgE', ampa: 'AMPA', ccr5: 'CCR5', ctla: 'CTLA', her2: 'HER2', p2y12: 'P2Y12', pcsk9: 'PCSK9', mtor: 'mTOR', hiv: 'HIV', b12: 'B12', ns5a: 'NS5A', ns5b: 'NS5B', adp: 'ADP', slamf7: 'SLAMF7', bcl: 'BCL' };
  return epc
    .replace(/\s*\[epc\]$/, '')
    .split(/(\s+|-|\/)/)
    .map((w) => caps[w] ?? (/^cd\d+$/.test(w) ? w.toUpperCase() : w))
    .join('');
}

/**
 * The medicine entries, ready for surface-forms.mjs, added to `entries` (the entries after the
 * hand-written layer). A medicine named like a hand-written entry gives it its brands, classes
 * and codes. Returns `entries`.
 */
export function addMedicines(entries, M, report) {
  const curation = readManualJson('medicines/curation.json', {});
  const definitions = readManualJson('medicines/definitions.json', { definitions: [] }).definitions ?? [];
  const medicines = selectMedicines(loadDrugSources(), curation, M.commonWords, report);
  const byNameKey = new Map(entries.filter((e) => e.manualEntry).map((e) => [termKey(e.name), e]));
  const classIds = new Set(entries.filter((e) => e.manualEntry).map((e) => e.id));
  const classOf = curation.classEntries ?? {};
  for (const [epc, id] of Object.entries(classOf)) if (!classIds.has(id)) report.warnings.push(`data/manual/medicines/curation.json classEntries: "${epc}" → "${id}" is not a hand-written entry`);
  const defByName = new Map();
  for (const [i, d] of definitions.entries()) {
    const k = termKey(d.name ?? '');
    if (defByName.has(k)) fail(`data/manual/medicines/definitions.json definitions[${i}]: "${d.name}" is defined twice`);
    defByName.set(k, { ...d, index: i });
  }
  const used = new Set();
  let added = 0;
  let merged = 0;
  for (const med of medicines) {
    const related = uniq(med.epcs.map((c) => classOf[c]).filter((id) => id && classIds.has(id)));
    const drugClasses = med.epcs.slice(0, MAX_CLASSES).map(className);
    const def = defByName.get(termKey(med.name));
    if (def) used.add(def.index);
    const hand = byNameKey.get(termKey(med.name));
    if (hand) {
      // a hand-written entry for this medicine (metformin, warfarin): it keeps its own text
      hand.synonyms.push(...med.synonyms, ...med.brands);
      hand.brandNames = med.brands;
      hand.drugClasses = drugClasses;
      hand.relatedIds = uniq([...(hand.relatedIds ?? []), ...related.filter((id) => id !== hand.id)]);
      merged++;
      continue;
    }
    entries.push({
      src: `medicine:${med.name}`,
      manual: false,
      id: undefined,
      kind: 'treatment',
      name: med.name,
      abbreviations: [],
      synonyms: [...med.synonyms, ...med.brands],
      layTerms: [],
      codes: {},
      parents: [],
      umls: [],
      score: med.products,
      forced: false,
      hpoLayTerms: [],
      manualForms: new Set(),
      handLay: new Set(),
      handSyn: new Set(),
      brandNames: med.brands,
      drugClasses,
      relatedIds: related,
      ...(def ? { definitionOverlay: { definition: def.definition, sources: def.sources, review: def.review } } : {}),
    });
    added++;
  }
  for (const [i, d] of definitions.entries()) if (!used.has(i)) report.warnings.push(`data/manual/medicines/definitions.json definitions[${i}]: "${d.name}" is not a medicine the build selected; its definition was left out`);
  report.medicineCounts = { entries: added, onHandWrittenEntries: merged, leftOut: report.medicinesLeftOut.length };
  return entries;
}

/**
 * The medicines the sources support, most products first: `{ name, synonyms, brands, epcs,
 * products }`. See the top of this file for the rules.
 */
export function selectMedicines(D, curation, commonWords, report) {
  const excluded = new Set((curation.excludedSubstances ?? []).map((x) => x.name.toLowerCase()));
  const wordBrands = new Set((curation.excludedBrands ?? []).map((x) => x.name.toLowerCase()));
  const excludedSynonyms = new Set((curation.excludedSynonyms ?? []).map((x) => x.name.toLowerCase()));
  const isWord = (name) => commonWords.has(name.toLowerCase()) || commonWords.has(name.toLowerCase().replace(/e?s$/, ''));
  // DrugBank: every common name and synonym (lower case) → its record
  const dbByName = new Map();
  const dbBySynonym = new Map();
  for (const d of D.drugbank) dbByName.set(d.name.toLowerCase(), d);
  for (const d of D.drugbank) for (const s of d.synonyms) if (!dbBySynonym.has(s.toLowerCase())) dbBySynonym.set(s.toLowerCase(), d);
  const drugbankOf = (name) => dbByName.get(name) ?? dbBySynonym.get(name);
  const known = (name) => Boolean(drugbankOf(name));

  // NDC-2017: the EPC classes of each one-substance product, by medicine name, and a product count
  const epcCounts = new Map(); // medicine → Map(epc → products)
  const ndcCount = new Map();
  const ndcNames = new Map(); // medicine → proprietary names of its NDC products (lower case)
  for (const [ndc, p] of D.ndcSubstances) {
    if (p.nodes.size !== 1) continue;
    const med = medicineBaseName([...p.nodes][0], known);
    ndcCount.set(med, (ndcCount.get(med) ?? 0) + 1);
    ndcNames.set(med, (ndcNames.get(med) ?? new Set()).add(p.name));
    const classes = D.ndcClasses.get(ndc);
    if (!classes) continue;
    const m = epcCounts.get(med) ?? new Map();
    for (const c of classes.nodes) if (c.endsWith('[epc]')) m.set(c, (m.get(c) ?? 0) + 1);
    epcCounts.set(med, m);
  }

  // Drugs@FDA: the marketed single-ingredient products, by medicine name
  const byMedicine = new Map();
  for (const p of D.fdaProducts) {
    if (!LIVE_STATUS.has(p.status) || p.ingredients.length !== 1) continue;
    const name = medicineBaseName(p.ingredients[0], known);
    const m = byMedicine.get(name) ?? { name, substances: new Set(), products: 0, brands: new Map() };
    m.substances.add(p.ingredients[0].toLowerCase());
    m.products++;
    if (p.applType === 'NDA' || p.applType === 'BLA') {
      const stem = brandStem(p.drugName);
      const b = m.brands.get(stem) ?? { products: 0, reference: false };
      b.products++;
      b.reference ||= p.reference;
      m.brands.set(stem, b);
    }
    byMedicine.set(name, m);
  }

  const out = [];
  const left = (name, why) => report.medicinesLeftOut.push({ name, why });
  report.medicinesLeftOut ??= [];
  for (const m of [...byMedicine.values()].sort((a, b) => cmp(a.name, b.name))) {
    const db = drugbankOf(m.name) ?? [...m.substances].map(drugbankOf).find(Boolean);
    const epcs = [...(epcCounts.get(m.name) ?? new Map())].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([c]) => c);
    if (excluded.has(m.name)) left(m.name, 'excluded by hand (data/manual/medicines/curation.json)');
    else if (!db) left(m.name, 'not in the DrugBank open vocabulary');
    else if (ISOTOPE.test(m.name) || epcs.some((c) => EXCLUDED_CLASS.test(c))) left(m.name, 'diagnostic, contrast, radioactive or allergen product, or a vitamin');
    else if (MINERAL.test(m.name)) left(m.name, 'a mineral or electrolyte');
    else if (!/^[a-z][a-z -]*[a-z]$/.test(m.name) || m.name.split(' ').length > 3) left(m.name, 'not a plain medicine name (digits, commas or more than three words)');
    else if (isWord(m.name)) left(m.name, 'an everyday word');
    else {
      const salts = new Set([...m.substances, m.name]);
      const brands = [...m.brands]
        .filter(([stem]) => {
          const k = stem.toLowerCase();
          if (!/^[A-Z][A-Z0-9 .'-]*$/.test(stem) || stem.length < 4) return false; // not a brand name's shape
          if (salts.has(k) || k.includes(m.name) || [...salts].some((s) => k.startsWith(s.split(' ')[0]))) return false; // the generic name
          return !wordBrands.has(k) && !isWord(k) && !excluded.has(k);
        })
        .sort((a, b) => Number(b[1].reference) - Number(a[1].reference) || b[1].products - a[1].products || cmp(a[0], b[0]))
        .slice(0, MAX_BRANDS)
        .map(([stem]) => brandCasing(stem));
      // over-the-counter monograph brands (Tylenol), written by hand and checked against the NDC names
      for (const b of curation.extraBrands?.[m.name] ?? []) {
        if ([...(ndcNames.get(m.name) ?? [])].some((n) => n.startsWith(b.toLowerCase()))) brands.unshift(b);
        else fail(`data/manual/medicines/curation.json extraBrands: "${b}" is not a proprietary name of a ${m.name} product in the NDC Directory files`);
      }
      const synonyms = plainSynonyms([db.name, ...db.synonyms], m.name)
        .filter((s) => !isWord(s) && !excluded.has(s) && !excludedSynonyms.has(s))
        .slice(0, MAX_DRUGBANK_SYNONYMS);
      out.push({ name: m.name, synonyms, brands: uniq(brands), epcs, products: m.products + (ndcCount.get(m.name) ?? 0), drugbank: db.id, unii: db.unii });
    }
  }
  // a brand stem two medicines share (ISOPTO, an eye-drop line) names neither
  const brandUses = new Map();
  for (const m of out) for (const b of m.brands) brandUses.set(b, (brandUses.get(b) ?? 0) + 1);
  for (const m of out) m.brands = m.brands.filter((b) => brandUses.get(b) === 1);
  out.sort((a, b) => b.products - a.products || cmp(a.name, b.name));
  return out;
}

/**
 * DrugBank's INN, USAN and BAN spellings of a medicine worth matching ("paracetamol" for
 * acetaminophen, "adrenaline" for epinephrine): plain one- or two-word names, without codes,
 * chemical names, acronyms, Latin forms (-um) or other languages' spellings, which differ from a
 * name already kept only in their last letters ("metformina", "lidocaína", "furosemid").
 */
function plainSynonyms(names, medicine) {
  const kept = [medicine];
  for (const s of names) {
    if (!/^[A-Za-z][a-z]{4,}( acid)?$/.test(s)) continue;
    const k = s.toLowerCase();
    if (/(um|us|a|o|y|id|in)$/.test(k) || medicine.split(' ').includes(k) || kept.some((x) => spellingVariant(x, k))) continue;
    kept.push(k);
  }
  return kept.slice(1);
}

/** Two spellings of one name in two languages ("lorazepam", "loracepam"): at most three edits apart. */
function spellingVariant(a, b) {
  if (Math.abs(a.length - b.length) > 3) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] <= 3;
}
