// Abbreviations: case-sensitive, each shipped by one entry only. Rules of
// data/manual/abbreviation-collisions.json remove wrong ones and decide shared ones; otherwise
// the highest-ranked entry keeps it. An abbreviation that is also a common English word
// (data/manual/common-words.txt) is dropped, or made contextual: matched only where the
// document also uses the entry's full name. Every decision is listed in the report.

import { uniq } from './common.mjs';

/**
 * Settles each entry's abbreviations (`live` in priority order, from surface-forms.mjs) and
 * returns the set of contextual abbreviations.
 */
export function resolveAbbreviations(live, M, report) {
  const decided = M.collisions;
  const wordDecisions = decided.wordCollisions ?? {};
  const sharedDecisions = decided.sharedAbbreviations ?? {};
  const idOf = (e) => e.manualEntry?.id ?? e.src;
  const matchesRef = (e, ref) => idOf(e) === ref || e.src === ref || e.codes.doid === ref || e.codes.hpo === ref || e.codes.symp === ref;
  for (const [i, r] of (decided.removed ?? []).entries()) {
    const e = live.find((x) => matchesRef(x, r.from));
    if (!e || !e.abbreviations.includes(r.abbreviation)) {
      report.warnings.push(`data/manual/abbreviation-collisions.json removed[${i}]: ${r.abbreviation} is not an abbreviation of ${r.from} (any more); remove the rule`);
      continue;
    }
    e.abbreviations = e.abbreviations.filter((a) => a !== r.abbreviation);
    report.abbreviationCollisions.push({ abbreviation: r.abbreviation, type: 'wrong-or-ambiguous', entries: [idOf(e)], resolution: 'removed', reason: r.reason, keptOn: null });
  }
  const abbrOwners = new Map();
  for (const e of live) for (const a of uniq(e.abbreviations)) {
    if (!abbrOwners.has(a)) abbrOwners.set(a, []);
    abbrOwners.get(a).push(e);
  }
  const contextual = new Set();
  const isWord = (a) => {
    const l = a.toLowerCase();
    return M.commonWords.has(l) || (l.endsWith('s') && M.commonWords.has(l.slice(0, -1))) || (l.endsWith('es') && M.commonWords.has(l.slice(0, -2)));
  };
  const abbrKeep = new Map(live.map((e) => [e, []]));
  for (const a of [...abbrOwners.keys()].sort()) {
    const owners = abbrOwners.get(a);
    let winner = owners[0]; // highest priority (live is sorted)
    if (owners.length > 1) {
      const d = sharedDecisions[a];
      let resolution;
      if (d?.keep === null || d?.drop === true) {
        winner = null;
        resolution = `dropped from all: ${d.reason ?? 'ambiguous'}`;
      } else if (d?.keep) {
        winner = owners.find((e) => matchesRef(e, d.keep)) ?? winner;
        resolution = `kept on ${idOf(winner)} (decided: ${d.reason ?? 'see data/manual/abbreviation-collisions.json'})`;
      } else resolution = `kept on the highest-ranked entry ${idOf(winner)}, dropped from the others`;
      report.abbreviationCollisions.push({ abbreviation: a, type: 'shared', entries: owners.map(idOf), resolution, keptOn: winner ? idOf(winner) : null });
    }
    if (!winner) continue;
    const manualAbbr = winner.manualForms.has(a);
    if (isWord(a) || wordDecisions[a]) {
      const d = wordDecisions[a];
      const action = d?.action ?? 'contextual';
      report.abbreviationCollisions.push({
        abbreviation: a,
        type: 'common-word',
        entries: [idOf(winner)],
        resolution: action,
        reason: d?.reason ?? `"${a.toLowerCase()}" is a common English word (data/manual/common-words.txt); matched only where the document also uses the full name`,
        keptOn: action === 'drop' ? null : idOf(winner),
        handWritten: manualAbbr,
      });
      if (action === 'drop') continue;
      if (action === 'contextual') contextual.add(a);
    }
    abbrKeep.get(winner).push(a);
  }
  for (const e of live) e.abbreviations = abbrKeep.get(e).sort();
  return contextual;
}
