import { readDocumentProse, updateProse, type ProseMap } from './markdown/prose';
import { documentHitsSliced } from './match/documentHits';
import { shiftHit, type TermHit, type TermIndex } from './match/termIndex';
import { finish, UNITS_PER_PAUSE, type Sliced } from './slices';
import { changedRange, type Span, type TextChange } from './text';

/**
 * How much prose one step of a term scan reads before it may pause: about a millisecond's work.
 * (A single span is never cut: a term may cross any point of it.)
 */
const SCAN_RUN = 8_192;

/**
 * One version of a Markdown document as MedTerms reads it: its prose spans, and — once asked
 * for — the terms in them. A new version is derived from the previous one ({@link next}),
 * re-reading only the blocks and spans an edit touched, so that typing in a 1 MB document
 * costs about what typing in a small one does.
 *
 * Each step also comes as work that pauses ({@link read}, {@link update}, {@link findTerms};
 * see `Sliced`), so that the editor can read a 10 MB document without freezing; the plain
 * methods run the same work to its end.
 */
export class DocumentAnalysis {
  readonly #prose: ProseMap;
  /** All hits of the last scan, contextual and pending ones unsettled (see `TermIndex.scan`), those that count, and the index that found them. */
  #scanned: { readonly index: TermIndex; readonly hits: readonly TermHit[]; readonly confirmed: readonly TermHit[] } | undefined;
  /** The latest earlier version whose terms were found, until this one's are: their hits are reused. */
  #base: DocumentAnalysis | undefined;
  /** How this version differs from `#base`'s text, when `#base` is the version it was derived from (compared once, for the prose and the terms). */
  readonly #changeFromBase: TextChange | undefined;

  private constructor(
    /** The text of this version. */
    readonly text: string,
    prose: ProseMap,
    base: DocumentAnalysis | undefined,
    changeFromBase?: TextChange,
  ) {
    this.#prose = prose;
    this.#base = base;
    this.#changeFromBase = changeFromBase;
  }

  /** Reads a text from scratch. */
  static of(text: string): DocumentAnalysis {
    return finish(DocumentAnalysis.read(text));
  }

  /** {@link of}, pausing between windows of the text. */
  static *read(text: string): Sliced<DocumentAnalysis> {
    return new DocumentAnalysis(text, yield* readDocumentProse(text), undefined);
  }

  /** The analysis of `text`, a later version of this document. */
  next(text: string): DocumentAnalysis {
    return finish(this.update(text));
  }

  /** {@link next}, pausing where it has to read the whole text again. */
  *update(text: string): Sliced<DocumentAnalysis> {
    if (text === this.text) return this;
    const change = changedRange(this.text, text);
    const base = this.#scanned ? this : this.#base;
    return new DocumentAnalysis(text, yield* updateProse({ ...this.#prose, text: this.text }, text, change), base, base === this ? change : undefined);
  }

  /** The spans that are prose (see `proseSpans`). */
  get prose(): readonly Span[] {
    return this.#prose.spans;
  }

  /**
   * Text read without its deeper structure, to be noted at its line (see `ProseMap.flattened`):
   * content nested past the Markdown parser's limit, scanned as plain paragraphs.
   */
  get flattened(): readonly Span[] {
    return this.#prose.flattened;
  }

  /** The headings' lines (see `ProseMap.headings`). */
  get headings(): readonly Span[] {
    return this.#prose.headings;
  }

  /** The tables' lines (see `ProseMap.tables`). */
  get tables(): readonly Span[] {
    return this.#prose.tables;
  }

  /** The terms in the prose, found by `index` once per version; see `TermIndex.findTerms`. */
  terms(index: TermIndex): readonly TermHit[] {
    return finish(this.findTerms(index));
  }

  /** {@link terms}, pausing between runs of spans. */
  *findTerms(index: TermIndex): Sliced<readonly TermHit[]> {
    if (this.#scanned?.index !== index) {
      const base = this.#base && this.#base.#scanned?.index === index ? this.#base : undefined;
      const hits = base ? yield* this.#rescan(base, index) : yield* this.#scan(index);
      this.#scanned = { index, hits, confirmed: yield* documentHitsSliced(this.text, hits) };
      this.#base = undefined;
    }
    return this.#scanned.confirmed;
  }

  /** The hits of every prose span, scanned a run of spans of about {@link SCAN_RUN} characters at a time. */
  *#scan(index: TermIndex): Sliced<TermHit[]> {
    const hits: TermHit[] = [];
    const spans = this.prose;
    for (let from = 0; from < spans.length; ) {
      let to = from + 1;
      for (let size = spans[from].end - spans[from].start; to < spans.length && size < SCAN_RUN; to++) size += spans[to].end - spans[to].start;
      for (const hit of index.scan(this.text, spans.slice(from, to))) hits.push(hit);
      from = to;
      yield;
    }
    return hits;
  }

  /**
   * This version's hits from `base`'s: a span outside the lines the edits touched, which `base`
   * has too (shifted by the length change when after them), keeps its hits; the rest are
   * scanned. Lines, not just spans, because whether an abbreviation counts depends on its line.
   */
  *#rescan(base: DocumentAnalysis, index: TermIndex): Sliced<TermHit[]> {
    // Comparing two 10 MB versions takes a few ms: a step of its own.
    yield;
    const change = this.#changeFromBase ?? changedRange(base.text, this.text);
    yield;
    const baseHits = base.#scanned!.hits;
    if (!change) return [...baseHits];
    // Lines as the term index reads them, which end at LF; a lone CR ends no line there, so these
    // lines hold the lines ending at any break. (`lastIndexOf` from -1 would look at offset 0.)
    const firstChangedLine = change.start === 0 ? 0 : this.text.lastIndexOf('\n', change.start - 1) + 1;
    const lineAfterChange = this.text.indexOf('\n', change.newEnd);
    const unchangedFrom = lineAfterChange === -1 ? Infinity : lineAfterChange + 1;
    const delta = this.text.length - base.text.length;
    const baseSpans = base.prose;
    const hits: TermHit[] = [];
    let b = 0; // into baseSpans
    let h = 0; // into baseHits
    let done = 0;
    for (const span of this.prose) {
      if (++done % UNITS_PER_PAUSE === 0) yield;
      const shift = span.start >= unchangedFrom ? delta : span.end <= firstChangedLine ? 0 : undefined;
      if (shift !== undefined) {
        while (b < baseSpans.length && baseSpans[b].start < span.start - shift) b++;
        const same = baseSpans[b];
        if (same && same.start === span.start - shift && same.end === span.end - shift) {
          while (h < baseHits.length && baseHits[h].start < same.start) h++;
          for (; h < baseHits.length && baseHits[h].end <= same.end; h++) {
            const hit = baseHits[h];
            hits.push(shift === 0 ? hit : shiftHit(hit, shift));
          }
          continue;
        }
      }
      for (const hit of index.scan(this.text, [span])) hits.push(hit);
    }
    return hits;
  }
}
