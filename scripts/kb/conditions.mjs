// Conditions, from the Human Disease Ontology (DOID): each live term gets its ICD-10-CM code
// (title match, Mondo, DOID's own xrefs, or a hand-decided rule), its MeSH and UMLS ids and a
// rank — what a patient-education writer meets first — and the best-ranked CONDITION_TARGET
// with a code are built, plus a few common ones without a single code and every term the
// hand-written layer points at.

import { cmp, termKey, uniq } from './common.mjs';
import { MESH_RE } from './codes.mjs';
import { canonicalConditionName, exactSynonyms, lowercaseVocabulary } from './names.mjs';

// How many conditions to ship. Floor (tested): 2,000 conditions.
const CONDITION_TARGET = 2500;
// At most this many generated conditions without an ICD-10-CM code.
const NO_ICD_MAX = 40;

/**
 * The generated condition entries, in the order they were selected. `codes` is codes.mjs's `icdCodes`;
 * `forced` and `icdOverrides` come from manual.mjs's `forcedTargets`, `wrongKeys` from its
 * `removeWrongSynonymsAtSource`. Dropped codes, title matches and overrides go to `report`.
 */
export function conditionEntries(S, codes, { forced, icdOverrides, wrongKeys }, report) {
  const selected = selectConditions(rankConditions(S, codes, icdOverrides, wrongKeys, report), S.doidChildren, forced);
  const vocab = lowercaseVocabulary([...S.doidTerms.values()].filter((t) => !t.obsolete));
  return selected.map((c) => {
    const t = c.term;
    const name = canonicalConditionName(t.name, vocab);
    const { abbreviations, synonyms } = exactSynonyms(t);
    return {
      src: t.id,
      kind: 'condition',
      name,
      abbreviations: uniq(abbreviations),
      synonyms: name !== t.name ? [t.name, ...synonyms] : synonyms,
      layTerms: [],
      codes: { icd10cm: c.icd, mesh: c.mesh, doid: t.id, mondo: c.mondoId },
      parents: t.isA,
      umls: c.umls,
      score: c.score,
      forced: forced.has(t.id),
      hpoLayTerms: [],
    };
  });
}

/** Every live DOID term with its codes and rank, best first. */
function rankConditions(S, { mondo, icdValid, icdTitleKeys, pickCode, matchConditionTitle }, icdOverrides, wrongKeys, report) {
  const { doidTerms, doidChildren } = S;
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
    // ICD-10-CM, in this order: a candidate code whose title is the disease's name, or else an
    // exact synonym (wrong synonyms and the codes they title left out: removeWrongSynonymsAtSource
    // in manual.mjs); Mondo's exact match when Mondo and DOID name the same concept (current
    // titles); DOID's own xrefs (several sibling codes → their common category); Mondo's otherwise.
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
      icd = matchConditionTitle([t.name, ...t.synonyms.filter((x) => x.scope === 'EXACT').map((x) => x.text)], t.id);
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
  return conditionCandidates;
}

/** The conditions to build, from the ranked candidates. */
function selectConditions(conditionCandidates, doidChildren, forced) {
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
  return selectedConditions;
}
