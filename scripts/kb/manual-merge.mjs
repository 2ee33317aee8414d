// Merges the hand-written layer (data/manual/) into the generated entries: wrong source
// synonyms move to the right entry, hand-written entries (data/manual/entries/) take over the
// generated entries their codes point at or stand on their own, definitions and lay terms are laid
// over their targets, and a generated entry whose whole name is a hand-written form is merged into
// the entry that wrote it. Each entry remembers which of its forms were hand-written
// (`manualForms`, `handLay`, `handSyn`): they decide which forms ship and in which field.

import { fail, KIND_ORDER, termKey, uniq } from './common.mjs';

/**
 * The entries after the hand-written layer, from `gen` (generated entries by source id).
 * `wrongAtSource` is from manual.mjs's `removeWrongSynonymsAtSource`.
 */
export function mergeManualLayer(gen, M, S, wrongAtSource, report) {
  const findGenerated = generatedBySourceId(gen, S.resolveSourceId);
  moveWrongSynonyms(M.wrongSynonyms, findGenerated, wrongAtSource, report);
  // manualForms: every hand-written form of the entry; handLay / handSyn: its hand-written lay
  // terms and synonyms, which decide the field a form ships in (see surface-forms.mjs)
  const entries = [...gen.values()].map((e) => ({ ...e, manual: false, manualForms: new Set(), handLay: new Set(), handSyn: new Set() }));
  const byGen = new Map(entries.map((e) => [e.src, e]));
  /** The entry a source id ended up in (it may have been merged into another). */
  const entryFor = (id) => {
    const g = findGenerated(id);
    return g ? byGen.get(g.src) : null;
  };
  mergeManualEntries(M.entries, entries, byGen, entryFor);
  applyDefinitions(M.definitions, entryFor, S.resolveSourceId, report);
  applyLayTerms(M.layTerms, entries, entryFor, report);
  mergeEntriesNamedByHandWrittenForms(entries, report);
  return entries;
}

/** Finds the generated entry of a DOID, HP or SYMP id (or alternative id); null when none. */
function generatedBySourceId(gen, resolveSourceId) {
  const bySourceId = new Map();
  for (const e of gen.values()) for (const k of ['doid', 'hpo', 'symp']) if (e.codes[k]) bySourceId.set(e.codes[k], e);
  return (id) => {
    const r = resolveSourceId(id);
    return r ? bySourceId.get(r.term.id) ?? null : null;
  };
}

/** Wrong synonyms in the sources: taken off the entry of `from`, given to the entry of `to` if any. */
function moveWrongSynonyms(wrongSynonyms, findGenerated, wrongAtSource, report) {
  for (const [i, w] of wrongSynonyms.entries()) {
    const from = findGenerated(w.from);
    const to = w.to ? findGenerated(w.to) : null;
    if (w.to && !to) fail(`data/manual/wrong-synonyms.json wrongSynonyms[${i}]: ${w.to} was not built (not a condition or symptom term)`);
    const k = termKey(w.synonym ?? '');
    if (!from || (!wrongAtSource.has(i) && !from.synonyms.some((f) => termKey(f) === k))) {
      report.warnings.push(`data/manual/wrong-synonyms.json wrongSynonyms[${i}]: "${w.synonym}" is not a synonym of ${w.from} (any more); remove the rule`);
      continue;
    }
    from.synonyms = from.synonyms.filter((f) => termKey(f) !== k);
    if (to) to.synonyms.push(w.synonym);
    report.aliasCollisions.push({ form: w.synonym, field: 'synonyms', keptOn: to?.src ?? null, droppedFrom: w.from, resolution: `wrong synonym in the sources (${w.reason}): ${to ? `moved to ${to.src}` : 'removed'}` });
  }
}

/**
 * Hand-written entries: each takes over the generated entries its codes point at, or is added
 * as an entry of its own.
 */
function mergeManualEntries(manualEntries, entries, byGen, entryFor) {
  const manualIds = new Map();
  const mergeProblems = [];
  for (const m of manualEntries) {
    const where = `${m.__file} entries[${m.__index}]`;
    if (typeof m.id !== 'string' || !m.id) {
      mergeProblems.push(`${where}: no id`);
      continue;
    }
    if (manualIds.has(m.id)) {
      mergeProblems.push(`${where}: id "${m.id}" repeats ${manualIds.get(m.id)}`);
      continue;
    }
    manualIds.set(m.id, where);
    const targets = uniq(['doid', 'hpo', 'symp'].map((k) => m.codes?.[k] && entryFor(m.codes[k])).filter(Boolean));
    if (targets.some((t) => t.manual)) {
      mergeProblems.push(`${where} (${m.id}): ${targets.find((t) => t.manual).src} is already merged with the manual entry "${targets.find((t) => t.manual).id}"`);
      continue;
    }
    // Codes pointing at several generated entries (say a DOID disease and its HPO twin): they
    // become one entry, the one of the manual entry's kind absorbing the others.
    targets.sort((a, b) => (a.kind === m.kind ? 0 : 1) - (b.kind === m.kind ? 0 : 1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    for (const other of targets.slice(1)) {
      const t = targets[0];
      t.synonyms.push(other.name, ...other.synonyms);
      t.layTerms.push(...other.layTerms);
      t.hpoLayTerms.push(...other.hpoLayTerms);
      t.abbreviations.push(...other.abbreviations);
      for (const [k, v] of Object.entries(other.codes)) if (v && !t.codes[k]) t.codes[k] = v;
      t.forced = true;
      entries.splice(entries.indexOf(other), 1);
      byGen.set(other.src, t);
    }
    const { __file, __index, ...fields } = m;
    const target = targets[0];
    const manualForms = new Set([...(m.synonyms ?? []), ...(m.layTerms ?? []), ...(m.abbreviations ?? [])]);
    if (target) {
      const oldName = target.name;
      Object.assign(target, {
        manual: true,
        manualEntry: fields,
        id: m.id,
        kind: m.kind ?? target.kind,
        name: m.name ?? target.name,
        abbreviations: uniq([...(m.abbreviations ?? []), ...target.abbreviations]),
        synonyms: [...(m.synonyms ?? []), ...(m.name && m.name !== oldName ? [oldName] : []), ...target.synonyms],
        layTerms: [...(m.layTerms ?? []), ...target.layTerms],
        codes: { ...target.codes, ...(m.codes ?? {}) },
        manualForms: new Set([...target.manualForms, ...manualForms]),
        handLay: new Set([...target.handLay, ...(m.layTerms ?? [])]),
        handSyn: new Set([...target.handSyn, ...(m.synonyms ?? [])]),
      });
    } else {
      entries.push({
        src: `manual:${m.id}`,
        manual: true,
        manualEntry: fields,
        id: m.id,
        kind: m.kind,
        name: m.name,
        abbreviations: [...(m.abbreviations ?? [])],
        synonyms: [...(m.synonyms ?? [])],
        layTerms: [...(m.layTerms ?? [])],
        codes: { ...(m.codes ?? {}) },
        parents: [],
        umls: [],
        score: 100,
        forced: true,
        hpoLayTerms: [],
        manualForms,
        handLay: new Set(m.layTerms ?? []),
        handSyn: new Set(m.synonyms ?? []),
      });
    }
  }
  if (mergeProblems.length) fail(`cannot merge the hand-written entries:\n  ${mergeProblems.join('\n  ')}`);
}

/**
 * Definitions (data/manual/definitions/): one per entry, with the lay terms, synonyms and
 * abbreviations of every record that targets it.
 */
function applyDefinitions(definitions, entryFor, resolveSourceId, report) {
  const mergeProblems = [];
  const defined = new Map();
  for (const d of definitions) {
    const where = `${d.__file} definitions[${d.__index}]`;
    const target = entryFor(d.target);
    if (!target) {
      mergeProblems.push(`${where}: target ${d.target} was not built (it is a source id, but not a condition or symptom term)`);
      continue;
    }
    // hand-written lay terms and synonyms of every record that targets the entry
    for (const [field, hand] of [
      ['layTerms', 'handLay'],
      ['synonyms', 'handSyn'],
    ]) {
      target[field] = [...(d[field] ?? []), ...target[field]];
      for (const f of d[field] ?? []) target.manualForms.add(f), target[hand].add(f);
    }
    // and its abbreviations (case-sensitive; through the collision checks of abbreviations.mjs)
    target.abbreviations = uniq([...(d.abbreviations ?? []), ...target.abbreviations]);
    for (const a of d.abbreviations ?? []) target.manualForms.add(a);
    if (defined.has(target)) {
      // two ids that the build merged into one entry (e.g. a DOID disease and its HPO twin)
      report.warnings.push(`${where}: ${d.target} is part of the same entry as the definition in ${defined.get(target)}; that definition was kept, this one left out (its lay terms and synonyms were added)`);
      continue;
    }
    defined.set(target, where);
    target.definitionOverlay = d;
    target.manual = true;
    // A hand-written entry's own definition, sources and review win. A record fills a missing
    // one only when it targets one of the entry's own terms, not another term merged into it.
    const m = target.manualEntry;
    const ownTerm = ['doid', 'hpo', 'symp'].some((k) => m?.codes?.[k] && resolveSourceId(m.codes[k])?.term.id === resolveSourceId(d.target).term.id);
    if (m && (m.definition || !ownTerm)) {
      report.warnings.push(`${where}: the definition of ${d.target} was left out: the hand-written entry "${m.id}" ${m.definition ? 'has its own' : `is not ${d.target}, which was merged into it`}`);
      target.definitionOverlay = { layTerms: d.layTerms, sayInstead: d.sayInstead };
    }
  }
  if (mergeProblems.length) fail(`cannot apply the hand-written layer:\n  ${mergeProblems.join('\n  ')}`);
}

/** The lay-term overlay (data/manual/lay-terms.json), on a source term's entry or a hand-written entry. */
function applyLayTerms(layTerms, entries, entryFor, report) {
  for (const [i, l] of layTerms.entries()) {
    const where = `data/manual/lay-terms.json layTerms[${i}]`;
    const target = /^(DOID|HP|SYMP):/.test(l.target ?? '') ? entryFor(l.target) : entries.find((e) => e.manual && e.id === l.target);
    if (!target) {
      // a hand-layer id written by someone else may not exist yet: warn (a unit test checks it)
      report.warnings.push(`${where}: target ${JSON.stringify(l.target)} is not an entry of the knowledge base yet; its lay terms were left out`);
      continue;
    }
    target.layTerms = [...(l.terms ?? []), ...target.layTerms];
    target.abbreviations = uniq([...(l.abbreviations ?? []), ...target.abbreviations]);
    for (const x of [...(l.terms ?? []), ...(l.abbreviations ?? [])]) target.manualForms.add(x);
    for (const x of l.terms ?? []) target.handLay.add(x);
    target.manual = true;
  }
}

/**
 * A hand-written lay term that is the whole name of a generated entry (the SYMP term "high blood
 * pressure", say) says that entry is the same thing: merge it into the target.
 */
function mergeEntriesNamedByHandWrittenForms(entries, report) {
  const byNameKey = new Map();
  for (const g of entries) if (!g.manual && !g.forced) byNameKey.set(termKey(g.name), [...(byNameKey.get(termKey(g.name)) ?? []), g]);
  for (const e of [...entries]) {
    if (!e.manual) continue;
    for (const f of [...e.manualForms]) {
      const k = termKey(f);
      const twin = (byNameKey.get(k) ?? []).find((g) => g !== e && entries.includes(g) && (g.kind !== 'condition' || e.kind === 'condition'));
      if (!twin) continue;
      e.synonyms.push(twin.name, ...twin.synonyms);
      e.layTerms.push(...twin.layTerms);
      e.hpoLayTerms.push(...twin.hpoLayTerms);
      for (const [ck, v] of Object.entries(twin.codes)) if (v && !e.codes[ck] && ck !== 'icd10cm') e.codes[ck] = v;
      (e.absorbed ??= []).push(twin.codes.doid ?? twin.codes.hpo ?? twin.codes.symp);
      entries.splice(entries.indexOf(twin), 1);
      report.aliasCollisions.push({ form: f, field: 'name', keptOn: e.src, droppedFrom: twin.src, resolution: `hand-written lay term names a generated entry: merged ${twin.src} into ${e.src}` });
    }
  }
}
