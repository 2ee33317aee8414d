// Symptoms, from the Human Phenotype Ontology (HPO) and the Symptom Ontology (SYMP). An HPO
// phenotype with layperson synonyms and a MeSH or UMLS id becomes a symptom, unless it names a
// condition already built (same UMLS concept or name): then it lends that condition its HP id
// and layperson synonyms instead, except where data/manual/separate-concepts.json keeps the two
// apart. A SYMP term joins its HPO or condition twin, or else becomes a symptom of its own. HPO
// labels and layperson synonyms ship verbatim (licence: do not alter).

import { cmp, fail, termKey, uniq } from './common.mjs';
import { MESH_RE } from './codes.mjs';
import { exactSynonyms, isAbbreviationToken, isJunkSynonym } from './names.mjs';

// How many HPO symptoms to ship. Floor (tested): 800 symptoms.
const HPO_SYMPTOM_TARGET = 1000;

/**
 * Adds the symptoms to `gen` (the generated entries by source id, conditions only so far), and
 * the HP and SYMP ids of the conditions' twins to those conditions. `codes` is codes.mjs's
 * `icdCodes`; `forced` the source ids the hand-written layer points at.
 */
export function addSymptoms(gen, S, codes, separateConcepts, forced, report) {
  const conditions = conditionLookup(gen);
  const symptomKeys = addHpoSymptoms(gen, S, codes, separateConcepts, forced, conditions, report);
  addSympSymptoms(gen, S, codes, forced, conditions, symptomKeys, report);
}

const surface = (e) => [e.name, ...e.synonyms];

/** The built conditions by UMLS concept, by any surface form, and by name (term keys). */
function conditionLookup(gen) {
  const condByCui = new Map();
  const condByKey = new Map();
  const condByName = new Map();
  for (const e of gen.values()) {
    condByName.set(termKey(e.name), e);
    for (const u of e.umls) if (!condByCui.has(u)) condByCui.set(u, e);
    for (const f of surface(e)) if (!condByKey.has(termKey(f))) condByKey.set(termKey(f), e);
  }
  return { condByCui, condByKey, condByName };
}

/** An HPO term's exact synonyms other than layperson ones: abbreviations and clean synonyms. */
function hpoSynonyms(t) {
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
}

/** An HPO term's exact layperson synonyms. */
const hpoLay = (t) => t.synonyms.filter((s) => s.type === 'layperson' && s.scope === 'EXACT').map((s) => s.text);

/** HPO phenotypes worth a symptom (layperson synonyms and a MeSH or UMLS id, or forced), best-ranked first. */
function rankHpoTerms(S, forced) {
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
  return hpoCandidates;
}

/**
 * HPO terms that name a shipped condition (same UMLS concept or same name) lend it their id and
 * layperson synonyms instead of becoming a separate symptom; the others are added as symptoms
 * (up to HPO_SYMPTOM_TARGET, plus forced ones). Returns the symptoms by surface-form key and by
 * `cui:` UMLS id.
 */
function addHpoSymptoms(gen, S, { matchSymptomCode }, separateConcepts, forced, { condByCui, condByKey, condByName }, report) {
  const { resolveSourceId } = S;
  let hpoSymptoms = 0;
  const symptomKeys = new Map();
  // an HPO term kept apart from the condition it would join (data/manual/separate-concepts.json)
  const apart = new Map(separateConcepts.map((c) => [`${resolveSourceId(c.id).term.id} ${resolveSourceId(c.from).term.id}`, c]));
  for (const c of rankHpoTerms(S, forced)) {
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
    const icd = matchSymptomCode([t.name, ...synonyms], t.id);
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
  return symptomKeys;
}

/** SYMP terms (not groupings, at most four words): joined to their twin, or added as symptoms. */
function addSympSymptoms(gen, S, { matchSymptomCode }, forced, { condByCui, condByKey }, symptomKeys, report) {
  const SYMP_ROOT = 'SYMP:0000462';
  const quantities = measuredQuantities(S.sympTerms);
  for (const t of [...S.sympTerms.values()].sort((a, b) => cmp(a.id, b.id))) {
    if (t.obsolete || !t.name || t.id === SYMP_ROOT) continue;
    if (quantities.has(t.id) && !forced.has(t.id)) {
      report.aliasCollisions.push({ form: t.name, field: 'name', keptOn: null, droppedFrom: t.id, resolution: `${t.id} groups a high and a low form of itself: it names a measured quantity, not a symptom (annotation guidelines: "blood pressure" alone is no term); left out` });
      continue;
    }
    const isGroup = / symptom$/.test(t.name) || / symptoms$/.test(t.name);
    if ((isGroup || t.name.split(/\s+/).length > 4) && !forced.has(t.id)) continue;
    const { abbreviations, synonyms } = exactSynonyms(t);
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
    const icd = matchSymptomCode([t.name, ...synonyms], t.id);
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
}

/**
 * SYMP terms that name a measured quantity rather than a symptom: those with both a high and a
 * low form of themselves among their children ("blood pressure" over "high blood pressure" and
 * "low blood pressure"). SYMP files them as general symptoms only to group the two; the
 * quantity itself is no symptom (annotation guidelines: "blood pressure", "blood sugar"), and as
 * an entry it made every "blood pressure" in prose a symptom.
 */
export function measuredQuantities(sympTerms) {
  const HIGH = /^(?:high|increased|elevated|raised) /;
  const LOW = /^(?:low|decreased|reduced) /;
  const sides = new Map(); // parent id -> bit 1 high, bit 2 low
  for (const t of sympTerms.values()) {
    if (t.obsolete || !t.name) continue;
    for (const p of t.isA) {
      const parent = sympTerms.get(p);
      if (!parent?.name) continue;
      const rest = t.name.toLowerCase();
      const side = HIGH.test(rest) && rest.replace(HIGH, '') === parent.name.toLowerCase() ? 1 : LOW.test(rest) && rest.replace(LOW, '') === parent.name.toLowerCase() ? 2 : 0;
      if (side) sides.set(p, (sides.get(p) ?? 0) | side);
    }
  }
  return new Set([...sides].filter(([, bits]) => bits === 3).map(([id]) => id));
}
