import { parseKbFile } from './load';
import type { Layer } from './knowledgeBase';
import type { TermIndexData } from '../match/termIndex';

/**
 * Where the bundled knowledge base and its prebuilt term index live, relative to the root of
 * the extension or package. They ship as files, read on first use, rather than inside the
 * JavaScript bundles: loading megabytes of string literals would cost every activation.
 */
export const BUNDLED_KB = { entries: 'data/kb.json', terms: 'data/kb-terms.json' } as const;

/**
 * The bundled knowledge base as a layer. Its entries are trusted (the build validates them and
 * `test/unit/kb-data.test.ts` checks them; validating again would cost most of the time to the
 * first hover) and its term index comes prebuilt. A term index that cannot be read is reported
 * and rebuilt from the entries instead.
 */
export function bundledLayer(entriesText: string, termsText: string): Layer {
  const layer = parseKbFile(entriesText, BUNDLED_KB.entries, { trusted: true });
  let termIndex: TermIndexData | undefined;
  try {
    termIndex = JSON.parse(termsText) as TermIndexData;
  } catch {
    const problem = { file: BUNDLED_KB.terms, line: 1, severity: 'warning' as const, message: 'not valid JSON; the term index was rebuilt from the entries.' };
    return { file: BUNDLED_KB.entries, kb: layer.kb, problems: [...layer.problems, problem] };
  }
  return { file: BUNDLED_KB.entries, ...layer, termIndex };
}
