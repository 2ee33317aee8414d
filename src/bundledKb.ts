import kbText from 'medterms:bundled-kb';
import { parseKbFile, type Layer } from './core';

/** The name bundled-KB problems carry: the bundle cannot be opened, so name its source file. */
export const BUNDLED_KB_FILE = 'data/kb.json (bundled)';

let bundled: Layer | undefined;

/** The bundled knowledge base as a layer: parsed on the first call, then reused. */
export function bundledLayer(): Layer {
  // Trusted: the build validates it (test/unit/kb-data.test.ts); checking it again costs activation time.
  return (bundled ??= { file: BUNDLED_KB_FILE, ...parseKbFile(kbText, BUNDLED_KB_FILE, { trusted: true }) });
}
