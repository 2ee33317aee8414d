import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { changedRange, DocumentAnalysis, finish, proseSpans, readDocumentProse, readProse, updateProse } from '../../src/core';
import { bundledKb, repoText } from './helpers';
import { applyEdit, documentOf, edit as anEdit, params, RUNS } from './properties';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

// What writers type, and what changes the structure of a Markdown document most: fences,
// HTML comments, list markers, quotes, indentation, table rows, headings, blank lines.
const INSERTS = [
  'a', ' ', '\n', '\n\n', 'lupus ', 'peripheral neuropathy', 'multiple\nsclerosis', 'MS ', 'ALL ', 'acute lymphoblastic leukemia',
  '```\n', '\n```\n', '~~~', '<!-- ', ' -->', '<div>\n', '\n</div>\n', '- ', '\n- item\n', '> ', '    ', '\t', '`', '# ', '\n---\n',
  '| a | b |\n|---|---|\n| lupus | MS |\n', '[lupus](https://x.org/lupus)', '\r\n', 'LIVING WITH MS\n', 'numbness and tingling. ',
  // Line breaks that lead an insertion or stand alone as a lone CR: the edits that once left the
  // incremental result stale.
  '\r', 'lupus\r', '\r\r', '\nlupus', '\n\nMS', '\n> quote', '\n    code', '\r```\r', '\n<!--', '\n1. ',
];

/** Applies a random edit: an insertion, a deletion or a replacement. */
function edit(text: string, r: ReturnType<typeof random>): string {
  const at = r.int(text.length + 1);
  const kind = r.int(3);
  const removed = kind === 0 ? 0 : Math.min(text.length - at, r.int(kind === 1 ? 12 : 60));
  const inserted = kind === 1 ? '' : r.pick(INSERTS);
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

const DOCUMENTS = {
  'the example article': repoText('examples/numbness-in-hands.md'),
  'the edge-case fixture': repoText('test/fixtures/edge-cases.md'),
  'a document of lists, quotes, fences and tables':
    '# MS\n\nMultiple sclerosis (MS) and ALL.\n\n- lupus\n- MS\n\n  indented lupus\n\n    code lupus\n\n> quote lupus\n\n```\nlupus\n```\n\n| a | b |\n|---|---|\n| lupus | rash |\n\n<!--\n\nlupus\n\n-->\n\nAcute lymphoblastic leukemia (ALL).\n',
};

describe('incremental document analysis', () => {
  it('finds the changed range of two versions', () => {
    assert.equal(changedRange('same', 'same'), undefined);
    assert.deepEqual(changedRange('numbness', 'numbnesss'), { start: 8, oldEnd: 8, newEnd: 9 });
    assert.deepEqual(changedRange('aaa', 'aa'), { start: 2, oldEnd: 3, newEnd: 2 });
    assert.deepEqual(changedRange('lupus rash', 'lupus hives rash'), { start: 6, oldEnd: 6, newEnd: 12 });
    // Long texts are compared a block at a time; the range is still exact, and never overlaps itself.
    assert.deepEqual(changedRange(`${'x'.repeat(1000)}A${'y'.repeat(1000)}`, `${'x'.repeat(1000)}BB${'y'.repeat(1000)}`), { start: 1000, oldEnd: 1001, newEnd: 1002 });
    assert.deepEqual(changedRange('ab'.repeat(600), 'ab'.repeat(601)), { start: 1200, oldEnd: 1200, newEnd: 1202 });
  });

  it('re-parses only the blocks an edit touches', () => {
    const text = 'First lupus.\n\nSecond lupus.\n\nThird lupus.\n\nFourth lupus.\n';
    const before = { ...readProse(text, 0, text.length), text };
    assert.deepEqual(before.restarts, [0, 14, 29, 43]);
    // An edit in the third paragraph re-reads from the second (the last restart whose line it
    // leaves alone) to the fourth: the first span is kept as it was, the fourth shifted.
    const after = finish(updateProse(before, text.replace('Third', 'The third')));
    assert.equal(after.spans[0], before.spans[0]);
    assert.notEqual(after.spans[1], before.spans[1]);
    assert.deepEqual(after.spans[3], { start: before.spans[3].start + 4, end: before.spans[3].end + 4 });
    assert.deepEqual(after.restarts, [0, 14, 29, 47]);
  });

  it('re-reads past a block whose meaning an edit before it changes', () => {
    // A list marker makes the indented block after it a list paragraph, no longer code.
    const code = 'Lupus.\n\n    code lupus\n\nEnd.\n';
    const listed = code.replace('Lupus.', '- Lupus.');
    assert.deepEqual(DocumentAnalysis.of(code).next(listed).prose, proseSpans(listed));
    assert.ok(proseSpans(listed).some((s) => listed.slice(s.start, s.end).includes('code lupus')));
    // Text typed into a blank line joins the paragraphs around it.
    const two = 'Lupus.\n\nRash.\n';
    const one = 'Lupus.\nand\nRash.\n';
    assert.deepEqual(DocumentAnalysis.of(two).next(one).prose, [{ start: 0, end: one.length }]);
  });

  for (const [name, original] of Object.entries(DOCUMENTS)) {
    it(`gives, after random edits to ${name}, the prose and terms a whole re-read gives`, () => {
      const index = bundledKb().termIndex;
      const r = random(name.length);
      let text = original;
      let analysis = DocumentAnalysis.of(text);
      analysis.terms(index);
      for (let step = 0; step < 400; step++) {
        text = edit(text, r);
        analysis = analysis.next(text);
        const where = `step ${step}, text ${JSON.stringify(text.slice(0, 2000))}`;
        assert.deepEqual(analysis.prose, proseSpans(text), `prose at ${where}`);
        assert.deepEqual(analysis.headings, readProse(text, 0, text.length).headings, `headings at ${where}`);
        // Terms are asked for now and then, as hover asks: derived across several versions.
        if (r.int(3) === 0) assert.deepEqual(analysis.terms(index), index.findTerms(text, proseSpans(text)), `terms at ${where}`);
      }
    });
  }

  it(`gives, after any sequence of random edits to any text, the prose and terms a whole re-read gives (${RUNS} cases) [property]`, function () {
    this.timeout(0);
    const index = bundledKb().termIndex;
    fc.assert(
      fc.property(documentOf(20), fc.array(anEdit, { minLength: 1, maxLength: 6 }), fc.boolean(), (original, edits, askFirst) => {
        let text = original;
        let analysis = DocumentAnalysis.of(text);
        if (askFirst) analysis.terms(index);
        for (const [step, e] of edits.entries()) {
          text = applyEdit(text, e);
          analysis = analysis.next(text);
          const whole = DocumentAnalysis.of(text);
          assert.deepEqual(analysis.prose, whole.prose, `prose after edit ${step}`);
          assert.deepEqual(analysis.headings, whole.headings, `headings after edit ${step}`);
          assert.deepEqual(analysis.tables, whole.tables, `tables after edit ${step}`);
          assert.deepEqual(analysis.flattened, whole.flattened, `flattened after edit ${step}`);
          if (e.ask) assert.deepEqual(analysis.terms(index), whole.terms(index), `terms after edit ${step}`);
        }
      }),
      params(),
    );
  });

  it(`reads a document in windows exactly as in one parse, for any text and window size (${RUNS} cases) [property]`, function () {
    this.timeout(0);
    fc.assert(
      fc.property(documentOf(30), fc.integer({ min: 1, max: 400 }), (text, window) => {
        const { spans, headings, tables, restarts, flattened } = readProse(text, 0, text.length);
        assert.deepEqual(finish(readDocumentProse(text, window)), { spans, headings, tables, restarts, flattened });
      }),
      params(),
    );
  });

  it('reads a fence that runs past its window whole, growing the window', () => {
    const fence = `\`\`\`\n${'lupus\n\nAnd lupus\n'.repeat(50)}\`\`\`\n\nLupus at last.\n`;
    const read = finish(readDocumentProse(fence, 20));
    assert.deepEqual(read.spans.map((s) => fence.slice(s.start, s.end)), ['Lupus at last.\n']);
  });

  it('pauses between the windows of a long document and between runs of spans when finding terms', () => {
    const text = 'Lupus and a rash.\n\n'.repeat(5_000);
    let pauses = 0;
    const reading = DocumentAnalysis.read(text);
    let step = reading.next();
    for (; !step.done; step = reading.next()) pauses++;
    assert.ok(pauses >= 2, `${pauses} pauses while reading`);
    const analysis = step.value;
    const finding = analysis.findTerms(bundledKb().termIndex);
    let terms = finding.next();
    let termPauses = 0;
    for (; !terms.done; terms = finding.next()) termPauses++;
    assert.ok(termPauses >= 5_000 / 512, `${termPauses} pauses while finding terms`);
    assert.equal(terms.value.length, 10_000);
    assert.deepEqual(analysis.prose, readProse(text, 0, text.length).spans);
  });

  it('re-reads spans that share a line with an edit, since the line decides whether an abbreviation counts', () => {
    const index = bundledKb().termIndex;
    const abbreviations = (analysis: DocumentAnalysis) => analysis.terms(index).filter((h) => analysis.text.slice(h.start, h.end) === 'MS').length;
    // An all-capitals line says nothing by its casing, so MS does not count there — until an edit
    // elsewhere on the line, beyond inline code, adds lowercase.
    const shouting = 'LIVING WITH MS `X` NOW\n\nMultiple sclerosis.\n';
    const before = DocumentAnalysis.of(shouting);
    assert.equal(abbreviations(before), 0);
    assert.equal(abbreviations(before.next(shouting.replace('NOW', 'now and then'))), 1);
    const later = 'ABOUT `X` MS IN ADULTS\n\nMultiple sclerosis.\n';
    const first = DocumentAnalysis.of(later);
    assert.equal(abbreviations(first), 0);
    assert.equal(abbreviations(first.next(later.replace('ABOUT', 'About'))), 1);
  });

  it('reuses the hits of unchanged spans', () => {
    const index = bundledKb().termIndex;
    const text = 'Lupus.\n\nNumbness.\n\nTingling.\n';
    const first = DocumentAnalysis.of(text);
    const [lupus, numbness, tingling] = first.terms(index);
    const second = first.next(text.replace('\n\nNumb', '\n\nHives.\n\nNumb'));
    const [lupus2, hives, numbness2, tingling2] = second.terms(index);
    assert.equal(lupus2, lupus); // the same object: not scanned again
    assert.equal(second.text.slice(hives.start, hives.end), 'Hives');
    assert.deepEqual([numbness2.entryId, numbness2.start], [numbness.entryId, numbness.start + 8]);
    assert.equal(tingling2.start, tingling.start + 8);
  });
});
