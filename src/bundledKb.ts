import kbText from 'medterms:data/kb.json';
import termsText from 'medterms:data/kb-terms.json';
import { parseKbFile, type Layer } from './core';

/** The name bundled-KB problems carry: the bundle cannot be opened, so name its source file. */
export const BUNDLED_KB_FILE = 'data/kb.json (bundled)';

let bundled: Layer | undefined;

/**
 * The bundled knowledge base as a layer, with its prebuilt term index: parsed on the first
 * call, then reused. Trusted, because the build validates it (test/unit/kb-data.test.ts) and
 * checking it again would cost most of the time to the first hover.
 */
export function bundledLayer(): Layer {
  bundled ??= { file: BUNDLED_KB_FILE, ...parseKbFile(kbText, BUNDLED_KB_FILE, { trusted: true }), termIndex: JSON.parse(termsText) };
  return bundled;
}
