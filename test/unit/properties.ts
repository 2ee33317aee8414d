/**
 * Shared set-up of the property tests (fast-check): seeds, case counts and the arbitraries that
 * build hostile Markdown. Every property runs with a fixed seed in `npm run test:unit`, so a run
 * is reproducible; `npm run test:fuzz` runs many more cases with a seed of its own, printed
 * first. Either way fast-check prints the seed and the shrunk counterexample on failure; replay
 * one with `FUZZ_SEED=<seed> npm run test:fuzz` (add `FUZZ_RUNS=<n>` to bound the run).
 */
import fc from 'fast-check';

const FUZZING = process.env.npm_lifecycle_event === 'test:fuzz';
const envNumber = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

/** The seed of every property: fixed in the unit run, fresh (and printed) in a fuzz run, or `FUZZ_SEED`. */
export const SEED = envNumber('FUZZ_SEED') ?? (FUZZING ? Date.now() % 0x7fffffff : 0x4d5e_d7e5);

/** Cases per property: `FUZZ_RUNS`, else 10,000 in the unit run and 200,000 in a fuzz run. */
export const RUNS = envNumber('FUZZ_RUNS') ?? (FUZZING ? 200_000 : 10_000);

if (FUZZING || process.env.FUZZ_SEED) console.log(`  property tests: seed ${SEED}, ${RUNS} cases each (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run test:fuzz)`);

/** fast-check's parameters for a property of this suite: the seed, `runs` cases, and a readable report. */
export function params(runs = RUNS): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs };
}

/** Knowledge-base terms, so that the scan has something to find: names, abbreviations, lay terms, across line breaks. */
export const TERMS = [
  'multiple sclerosis', 'Multiple Sclerosis', 'MS', "MS's", 'MSs', 'ms', 'ALL', 'acute lymphoblastic leukemia', 'pins and needles',
  'pins\nand needles', 'pins  and\tneedles', 'lupus', "lupus's", 'peripheral neuropathy', 'peripheral\r\nneuropathy', 'numbness',
  'tingling', 'paresthesia', "Sjögren's syndrome", 'Sjogren syndrome', 'carpal tunnel syndrome', 'carpal-tunnel syndrome',
  'LIVING WITH MS', 'RHEUMATOID ARTHRITIS', 'RA', 'UTIs', 'multiple\nsclerosis',
  // Patient phrasing and abbreviations a document defines (both settled over the whole document).
  'trouble walking', 'trouble sleeping', 'trouble', 'walking', ' or talking', 'feeling very', ' tired', 'problems with', 'hearing problems', 'loss of',
  "Parkinson's disease", '(PD)', 'PD', 'PLDs', ' (', "PD (Parkinson's disease)", 'GERD (gastroesophageal reflux disease)',
];

/** What makes Markdown's structure: line breaks of every kind, containers, fences, HTML, links, tables, escapes. */
export const MARKDOWN = [
  '\n', '\n', '\n\n', '\r\n', '\r', '\r\r', '\r\n\r\n', '\n\r', '\uFEFF', '\0', ' ', '  ', '    ', '\t', '> ', '>', '- ', '* ', '+ ',
  '1. ', '2) ', '# ', '## ', '###### ', '#', '```', '```\n', '\n```\n', '````', '~~~\n', '```js\n', '`', '``', '<!--', '-->', '<!-- x -->',
  '<!-->', '<div>', '</div>', '<pre>', '</pre>', '<script>', '</script>', '<?', '?>', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<b>', '</b>',
  '<a href="x>y">', '<https://x.org/MS>', '<', '>', '[', ']', '](', ')', '(', '](https://x.org/lupus)', '[lupus](https://x.org "t")',
  '](x "MS")', 'https://example.org/MS', 'www.lupus.org', 'http://', '---', '---\n', '+++\n', '...\n', '===\n', '|', '| a | b |\n|---|---|\n',
  '\\', '\\`', '*', '**', '_', '&amp;', '&#96;', '\u2028', '\u2029', '\u00A0', '\u000B', '\f', '😀', '\uD83D', '\uDE00', 'é', 'e\u0301',
  '狼疮', 'the ', 'and ', '. ', ', ', 'word',
];

/** A short run of arbitrary characters: any code point, lone surrogates, or printable ASCII. */
const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ maxLength: 8 }),
);

/** Deep nesting: a run of container markers at a line start, around markdown-it's nesting limit (100 levels). */
const nesting = fc
  .tuple(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '> - ', '  '), fc.integer({ min: 1, max: 130 }), fc.constantFrom('MS', 'lupus', '```', 'pins and needles'))
  .map(([marker, depth, after]) => `\n${marker.repeat(depth)}${after}\n`);

/** Long lines (a few KB, so the unit run stays quick; the benchmark does the megabytes). */
const longLine = fc.constantFrom(
  'MS '.repeat(300), ' '.repeat(1500), '](' .repeat(400), '<!--'.repeat(300), '`'.repeat(301), `pins${' '.repeat(800)}and needles`,
  'x'.repeat(2000), '<a '.repeat(300), '\\'.repeat(500), `${'[lupus]('.repeat(200)}`, '\r'.repeat(400), '> '.repeat(300),
);

/** One piece of a document. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKDOWN), weight: 10 },
  { arbitrary: fc.constantFrom(...TERMS), weight: 6 },
  { arbitrary: randomText, weight: 3 },
  { arbitrary: nesting, weight: 1 },
  { arbitrary: longLine, weight: 1 },
);

/** Front matter, well formed, unclosed or with lone CRs, or none. */
const frontMatter = fc.constantFrom('', '', '', '---\ntitle: MS\n---\n', '\uFEFF---\r\nlupus: MS\r\n...\r\n', '+++\rMS\r+++\r', '---\nunclosed MS\n', '---\n');

/** A Markdown document: front matter perhaps, then up to `maxFragments` fragments. */
export function documentOf(maxFragments = 30): fc.Arbitrary<string> {
  return fc.tuple(frontMatter, fc.array(fragment, { maxLength: maxFragments })).map(([head, parts]) => head + parts.join(''));
}

/** An edit: where (a fraction of the text), how much it removes, what it inserts, and whether the terms are asked for after it. */
export interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
  readonly ask: boolean;
}

/** Starts of inserted text that change the structure around them: line breaks first of all. */
const lead = fc.constantFrom('', '', '\n', '\n\n', '\r', '\r\n', '\n```\n', '\n- ', '\n> ', '\n    ', '\n# ', '\n<!--\n', '\r\r', '\n---\n', '\n|---|\n');

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 6 }), fc.nat({ max: 80 })),
  insert: fc.tuple(lead, fc.array(fragment, { maxLength: 3 })).map(([l, parts]) => l + parts.join('')),
  ask: fc.boolean(),
});

/** `text` after `e`. */
export function applyEdit(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}
