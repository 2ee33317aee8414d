// Which entries the term scan leaves out of prose. The annotation guidelines the product follows
// (what a mention is) do not count cell types, blood and molecules as terms: a writer hovering
// "platelets" in "low platelets" wants the condition, and "blood" is mostly part of a quantity
// or a sample. Such entries stay in the knowledge base, so look-up finds them and cards link to
// them, but they carry `lookupOnly: true` and the term index (src/core/match/termIndex.ts)
// leaves their forms out.

import { fail } from './common.mjs';

/**
 * An anatomy entry named as a cell type: "… cell" (B cell, red blood cell, natural killer cell)
 * or a cell's Greek-rooted name (lymphocyte, neutrophil, macrophage), a neuron, a platelet. The
 * Cell Ontology's naming; body parts, organs, tissues and systems never end so.
 */
export const CELL_TYPE_NAME = /(?:\bcell|cyte|phil|phage|\bneuron|\bplatelet)$/i;

/**
 * Marks the entries of `out` that are only for look-up: the anatomy entries named as cell types
 * (by {@link CELL_TYPE_NAME}) and those listed in data/manual/lookup-only.json (`M.lookupOnly`);
 * a listed id not in the knowledge base fails the build. Each decision goes to `report.lookupOnly`.
 */
export function markLookupOnly(out, M, report) {
  const byId = new Map(out.map((e) => [e.id, e]));
  const decisions = [];
  for (const e of out) if (e.kind === 'anatomy' && CELL_TYPE_NAME.test(e.name)) decisions.push({ id: e.id, reason: 'a cell type (named "… cell", "-cyte", "-phil", "-phage", neuron, platelet): the guidelines do not count cell types as terms' });
  for (const [i, r] of (M.lookupOnly ?? []).entries()) {
    if (!byId.has(r.id)) fail(`data/manual/lookup-only.json entries[${i}]: ${JSON.stringify(r.id)} is not an entry of the knowledge base`);
    if (!decisions.some((d) => d.id === r.id)) decisions.push({ id: r.id, reason: r.reason });
  }
  for (const d of decisions) byId.get(d.id).lookupOnly = true;
  report.lookupOnly = decisions.sort((a, b) => (a.id < b.id ? -1 : 1));
}
