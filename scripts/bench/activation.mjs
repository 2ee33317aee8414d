// Child process of the benchmark: one cold activation, measured from a fresh Node process.
// Loads the core bundle, reads and parses the knowledge base and its prebuilt term index (as
// the extension does on first use), loads the term index, scans a document and answers one
// hover; then prepares the search as the extension does in idle time, and times the first
// completion query against warm ones. Prints one JSON line of milliseconds and bytes.
// Usage: node --expose-gc activation.mjs <core bundle .cjs> <kb.json> <kb-terms.tsv> <document .md>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [bundle, kbPath, termsPath, docPath] = process.argv.slice(2);
const doc = readFileSync(docPath, 'utf8'); // the editor hands the text over; reading it is not ours
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

const t0 = process.hrtime.bigint();
const core = createRequire(import.meta.url)(bundle);
const requireMs = ms(t0);
const kb = new core.KnowledgeBase([core.bundledLayer(readFileSync(kbPath, 'utf8'), readFileSync(termsPath, 'utf8'))]);
const kbMs = ms(t0) - requireMs;
const index = kb.termIndex;
const indexMs = ms(t0) - requireMs - kbMs;
const hits = core.DocumentAnalysis.of(doc).terms(index); // as the session's first hover does
const hit = core.hitAt(hits, hits[hits.length >> 1]?.start ?? 0);
const card = hit ? core.renderCard(kb.get(hit.entryId), kb) : '';
const firstHoverMs = ms(t0);

// As the extension does in idle time after activation: build the search and answer one
// throw-away query. Then the writer's first completion query, and warm ones to compare it with.
const t1 = process.hrtime.bigint();
kb.prepareSearch();
const searchBuildMs = ms(t1);
const timed = (query) => {
  const t = process.hrtime.bigint();
  const n = kb.search.search(query, 20).length;
  return [ms(t), n];
};
// Warm: the same query again (as much work as the first), median of nine.
const [firstQueryMs, firstQueryResults] = timed('rhuem');
const warm = Array.from({ length: 9 }, () => timed('rhuem')[0]).sort((a, b) => a - b);
const warmQueryMs = warm[warm.length >> 1];

global.gc?.();
const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
console.log(JSON.stringify({ requireMs, kbMs, indexMs, firstHoverMs, searchBuildMs, firstQueryMs, warmQueryMs, retainedBytes, entries: kb.entries.length, hits: hits.length, cardChars: card.length, firstQueryResults }));
