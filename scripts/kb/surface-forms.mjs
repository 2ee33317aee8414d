// Surface forms: every name, synonym and lay term is shipped by one entry only (by normalised
// form, the core's termKey). Entries are ranked — hand-written entries first, then entries the
// hand-written layer touched, then by kind and score — and a generated entry whose name another
// entry already has is left out. Forms are then claimed, hand-written ones first, each in one
// field, and the source forms trimmed to MAX_SYNONYMS / MAX_LAY_TERMS per entry. Every form
// left out is listed in the report's alias collisions.

import { cmp, KIND_ORDER, termKey } from './common.mjs';

const MAX_SYNONYMS = 12;
const MAX_LAY_TERMS = 12;

/** The entries that ship, in priority order, each with the synonyms and lay terms it keeps. */
export function resolveSurfaceForms(entries, report) {
  entries.sort(byPriority);
  const owner = new Map(); // termKey → the entry that ships the form
  const live = dropDuplicateNames(entries, owner, report);
  claimForms(live, owner, report);
  return live;
}

/** Hand-written entries first, then those the hand-written layer touched; then kind, score and id. */
const priority = (e) => [e.manualEntry ? 0 : e.manual ? 1 : 2, KIND_ORDER.indexOf(e.kind), -e.score, e.src];
const byPriority = (a, b) => {
  const pa = priority(a);
  const pb = priority(b);
  for (let i = 0; i < pa.length; i++) {
    const c = typeof pa[i] === 'string' ? cmp(pa[i], pb[i]) : pa[i] - pb[i];
    if (c) return c;
  }
  return 0;
};

/** One entry per name: a generated entry whose name is taken is left out. */
function dropDuplicateNames(entries, owner, report) {
  const live = [];
  for (const e of entries) {
    const k = termKey(e.name);
    const o = owner.get(k);
    if (o) {
      if (!e.manual && !e.forced) {
        report.aliasCollisions.push({ form: e.name, field: 'name', keptOn: o.src, droppedFrom: e.src, resolution: 'duplicate entry left out' });
        continue;
      }
      report.aliasCollisions.push({ form: e.name, field: 'name', keptOn: o.src, alsoOn: e.src, resolution: 'both kept (hand-written layer); review' });
    } else owner.set(k, e);
    live.push(e);
  }
  return live;
}

/** Each synonym and lay term to the first entry that claims it, then trimmed per entry. */
function claimForms(live, owner, report) {
  // manual forms claim before generated ones, then by entry priority. Within an entry a form
  // ships in one field: a hand-written lay term > a hand-written synonym > an HPO layperson
  // synonym (lay term) > any other source synonym.
  const claims = [];
  for (const e of live) {
    const keys = (xs) => new Set([...xs].map(termKey));
    const [handLay, handSyn, hpoLay] = [keys(e.handLay), keys(e.handSyn), keys(e.hpoLayTerms)];
    const isLay = (k) => handLay.has(k) || (!handSyn.has(k) && hpoLay.has(k));
    for (const field of ['synonyms', 'layTerms'])
      for (const f of e[field]) if (isLay(termKey(f)) === (field === 'layTerms')) claims.push({ e, field, f, manual: e.manualForms.has(f) });
  }
  claims.sort((a, b) => (a.manual === b.manual ? 0 : a.manual ? -1 : 1) || byPriority(a.e, b.e));
  const keep = new Map(live.map((e) => [e, { synonyms: [], layTerms: [] }]));
  const ownKeys = new Map(live.map((e) => [e, new Set([termKey(e.name)])]));
  for (const { e, field, f, manual } of claims) {
    const k = termKey(f);
    if (!k || typeof f !== 'string' || !f.trim()) continue;
    if (ownKeys.get(e).has(k)) continue; // duplicate within the entry
    const o = owner.get(k);
    if (o && o !== e) {
      report.aliasCollisions.push({ form: f, field, keptOn: o.src, droppedFrom: e.src, resolution: manual ? 'hand-written form already used by another entry; left out, review' : 'left out' });
      continue;
    }
    owner.set(k, e);
    ownKeys.get(e).add(k);
    keep.get(e)[field].push(f);
  }
  for (const e of live) {
    const k = keep.get(e);
    const hpo = new Set(e.hpoLayTerms);
    const trim = (list, max) => {
      const manualOnes = list.filter((x) => e.manualForms.has(x));
      const rest = list.filter((x) => !e.manualForms.has(x));
      return [...manualOnes, ...rest.slice(0, Math.max(0, max - manualOnes.length))];
    };
    // lay terms: manual first, then HPO layperson synonyms verbatim
    e.layTerms = trim(k.layTerms.filter((x) => e.manualForms.has(x) || hpo.has(x)), MAX_LAY_TERMS);
    e.synonyms = trim(k.synonyms, MAX_SYNONYMS);
  }
}
