// Issue 15: what a team's knowledge layer costs when the editor rebuilds the knowledge base
// after a layer file changes (Session.reload): the layer read and merged over the bundled one,
// the term index patched, and a first scan — against loading the bundled knowledge base
// (layer, index, first scan) in the same run. A 1,000-entry layer: 600 new entries, 300
// overrides of bundled entries, 100 suppressions. `node scripts/bench/teamLayer.mjs` prints
// the figures as JSON; run.mjs calls benchTeamLayer and checks the budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A `.medterms/terms/*.json` of `size` entries over the bundled ids given. */
export function teamLayerText(bundledIds, size = 1000) {
  const entries = [];
  for (let i = 0; i < size * 0.6; i++) entries.push({ id: `team-term-${i}`, kind: 'condition', name: `team term ${i}`, synonyms: [`house name ${i}`], abbreviations: [`TT${i}`], definition: 'A house term of this team.' });
  for (let i = 0; i < size * 0.3; i++) entries.push({ id: bundledIds[i * 7], definition: 'Our own wording.', layTerms: [`house lay term ${i}`] });
  for (let i = 0; i < size * 0.1; i++) entries.push({ id: bundledIds[i * 7 + 3], suppress: true });
  return JSON.stringify({ entries }, null, 2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

/** Median ms of loading the bundled KB and of a rebuild with a 1,000-entry team layer, and their ratio. */
export function benchTeamLayer(core, { runs = 7, size = 1000 } = {}) {
  const kbText = readFileSync(path.join(ROOT, 'data/kb.json'), 'utf8');
  const termsText = readFileSync(path.join(ROOT, 'data/kb-terms.tsv'), 'utf8');
  const doc = readFileSync(path.join(ROOT, 'examples/numbness-in-hands.md'), 'utf8') + '\nA team term 12 (TT12) and house lay term 4.\n';
  const bundledIds = JSON.parse(kbText).entries.map((e) => e.id);
  const layerText = teamLayerText(bundledIds, size);
  const load = [];
  const rebuild = [];
  let problems = 0;
  for (let r = 0; r < runs; r++) {
    let bundled;
    load.push(time(() => {
      bundled = core.bundledLayer(kbText, termsText);
      new core.KnowledgeBase([bundled]).termIndex.findTerms(doc);
    }));
    rebuild.push(time(() => {
      const layers = core.knowledgeLayers([{ relative: 'terms/team.json', file: 'team.json', text: layerText }]);
      const kb = new core.KnowledgeBase([bundled, ...layers]);
      problems = kb.problems.length;
      kb.termIndex.findTerms(doc);
    }));
  }
  const loadMs = median(load);
  const rebuildMs = median(rebuild);
  return { entries: size, problems, bundledLoadMs: Math.round(loadMs * 10) / 10, rebuildMs: Math.round(rebuildMs * 10) / 10, ratio: Math.round((rebuildMs / loadMs) * 100) / 100 };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { core } = await import('../lib/core.mjs');
  console.log(JSON.stringify(benchTeamLayer(core)));
}
