// ICD-10-CM and MeSH codes: the Mondo mapping sets indexed by DOID and Mondo id, which codes
// are valid (in the FY2019 table or among Mondo's current titles), one code for a set of
// candidates, and the exact-title matches of the FY2019 table used where no mapping gives a code
// (those matches are listed in the report).

import { cmp, termKey, uniq } from './common.mjs';

const ICD_RE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
export const MESH_RE = /^[DC][0-9]{6,9}$/;

/** Mondo ids by DOID id, and Mondo's ICD-10-CM (exact match, dbxref) and MeSH codes by Mondo id. */
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

/**
 * The ICD-10-CM helpers for the sources `S`: `mondo` (the index above), `icdValid`,
 * `icdTitleKeys` (a code's titles as term keys), `pickCode`, and `matchConditionTitle` /
 * `matchSymptomCode`, which record each match in `report`.
 */
export function icdCodes(S, report) {
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

  // Exact title matches (FY2019 table), used only where the mappings give no code: a name or exact synonym that *is* an ICD-10-CM
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
  return {
    mondo,
    icdValid,
    icdTitleKeys,
    pickCode,
    matchConditionTitle: (forms, id) => matchTitle(forms, id, null, 'conditionIcdTitleMatches'),
    matchSymptomCode: (forms, id) => matchTitle(forms, id, 'R', 'symptomIcdMatches'),
  };
}
