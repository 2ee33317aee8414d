/**
 * Work that can pause: a generator that yields at points where stopping is safe and returns its
 * result. The same work runs to the end at once ({@link finish}: the CLI, tests) or in slices
 * that give the editor back its thread between them ({@link inSlices}: a 10 MB document read
 * without freezing the extension host). Plain generators rather than a worker, so the one core
 * runs the same in Node and in a browser's web worker, with no copy of the knowledge base.
 */
export type Sliced<T> = Generator<void, T, void>;

/**
 * How many units of work (lines, spans, hits) a loop does between two pause points. Small
 * enough that a slice can end within a millisecond of its deadline, large enough that asking
 * the clock costs nothing measurable.
 */
export const UNITS_PER_PAUSE = 512;

/**
 * The longest the editor lets one slice of document analysis run, in ms: a slice ends at the
 * first pause point past it, each well under a millisecond of work further, so the extension
 * host is never held for long (issue 11's bound: 50 ms, with room for a garbage collection).
 */
export const EDITOR_SLICE_MS = 15;

/** Runs `work` to its end without pausing and returns its result. */
export function finish<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** How {@link inSlices} paces work. */
export interface SlicePacing {
  /** The longest a slice may run before it pauses, in ms. */
  readonly sliceMs: number;
  /** Gives the thread back (to the editor's event loop) and resumes later. */
  readonly pause: () => Promise<void>;
  /** Whether the result is no longer wanted (a newer version came); checked at every pause. */
  readonly cancelled?: () => boolean;
  /** The clock, in ms. */
  readonly now?: () => number;
}

/** Thrown by {@link inSlices} when its work was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Runs `work` in slices of at most about `sliceMs` each, pausing between them. Work that fits in
 * one slice (any ordinary document) finishes without a pause. Rejects with {@link Cancelled}
 * when `cancelled()` turns true at a pause.
 */
export async function inSlices<T>(work: Sliced<T>, { sliceMs, pause, cancelled = () => false, now = Date.now }: SlicePacing): Promise<T> {
  let deadline = now() + sliceMs;
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (now() < deadline) continue;
    await pause();
    if (cancelled()) {
      work.return(undefined as never);
      throw new Cancelled();
    }
    deadline = now() + sliceMs;
  }
}
