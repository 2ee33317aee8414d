// The entries as they ship: generated entries get ids (slugs of their names, made unique), and
// each entry is written with its fields in the schema's order, its definition, sources and
// review from the hand-written layer, and related entries (hand-written ones, then its source
// parents) that are in the knowledge base. Sorted by kind, then id.

import { byKindThen, slug, uniq } from './common.mjs';

const MAX_RELATED = 6;

/** The final entries, from the `live` entries of surface-forms.mjs. */
export function finalEntries(live, doidAlt, report) {
  const idBySource = assignIds(live);
  const out = live.map((e) => {
    const m = e.manualEntry ?? {};
    const d = e.definitionOverlay ?? {};
    const codes = {};
    for (const k of ['icd10cm', 'mesh', 'doid', 'mondo', 'hpo', 'symp']) if (e.codes[k]) codes[k] = e.codes[k];
    const related = uniq([...(m.related ?? []), ...(e.relatedIds ?? []), ...e.parents.map((p) => idBySource.get(doidAlt.get(p) ?? p)).filter((x) => x && x !== e.id)]).slice(0, Math.max(MAX_RELATED, (m.related ?? []).length));
    const entry = { id: e.id, kind: e.kind, name: e.name };
    if (e.abbreviations.length) entry.abbreviations = e.abbreviations;
    if (e.synonyms.length) entry.synonyms = e.synonyms;
    if (e.layTerms.length) entry.layTerms = e.layTerms;
    const sayInstead = m.sayInstead ?? d.sayInstead;
    if (sayInstead) entry.sayInstead = sayInstead;
    const text = d.definition ? d : m; // the definition with its own sources and review
    if (text.definition) entry.definition = text.definition;
    // medicines (medicines.mjs): their FDA classes, and which of their synonyms are brand names
    if (e.drugClasses?.length) entry.drugClasses = e.drugClasses;
    const brands = (e.brandNames ?? []).filter((b) => e.synonyms.includes(b));
    if (brands.length) entry.brandNames = brands;
    if (Object.keys(codes).length) entry.codes = codes;
    if (related.length) entry.related = related;
    if (text.sources?.length) entry.sources = text.sources;
    if (text.review) entry.review = text.review;
    return entry;
  });
  const allIds = new Set(out.map((e) => e.id));
  for (const e of out) {
    if (!e.related) continue;
    const dangling = e.related.filter((r) => !allIds.has(r));
    if (dangling.length) report.warnings.push(`${e.id}: related ids not in the knowledge base were left out: ${dangling.join(', ')}`);
    e.related = e.related.filter((r) => allIds.has(r));
    if (!e.related.length) delete e.related;
  }
  out.sort(byKindThen((e) => e.id));
  return out;
}

/** Gives every generated entry an id, and returns the entry id of every source id. */
function assignIds(live) {
  const taken = new Set(live.filter((e) => e.manualEntry).map((e) => e.id));
  const generated = live.filter((e) => !e.manualEntry).sort(byKindThen((e) => e.src));
  for (const e of generated) {
    const base = slug(e.name) || slug(e.src);
    let id = base;
    if (taken.has(id)) id = `${base}-${e.kind}`;
    if (taken.has(id)) id = `${base}-${slug(e.src)}`;
    e.id = id;
    taken.add(id);
  }
  const idBySource = new Map();
  for (const e of live) for (const id of [e.codes.doid, e.codes.hpo, e.codes.symp, ...(e.absorbed ?? [])]) if (id) idBySource.set(id, e.id);
  return idBySource;
}
