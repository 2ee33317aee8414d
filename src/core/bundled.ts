import { parseKbFile } from './kb/load';
import type { Entry, KbFile } from './kb/types';
import type { Layer } from './knowledgeBase';
import { TermIndex } from './match/termIndex';
import type { SnippetSource } from './snippets/snippet';

/**
 * Where the bundled knowledge base and its prebuilt term index live, relative to the root of
 * the extension or package. They ship as files, read on first use, rather than inside the
 * JavaScript bundles: loading megabytes of string literals would cost every activation.
 */
export const BUNDLED_KB = { entries: 'data/kb.json', terms: 'data/kb-terms.tsv' } as const;

// `npm run build:kb` writes one entry per line, each starting with its id, after this line.
const ENTRIES_START = '\n  "entries": [\n';
const ENTRY_LINE = '    {"id":"';

/**
 * The bundled knowledge base as a layer, ready for the first hover with as little work as
 * possible: its term index comes prebuilt, and its entries are parsed one at a time as cards
 * need them (each is one line of the file), or all at once the first time the whole list is
 * needed (search, look-up). They are trusted: the build validates every entry against
 * `data/schema/kb.schema.json` (`scripts/kb/validate.mjs`) and writes no invalid one, and
 * `test/unit/kb-data.test.ts` checks them; validating again would cost most of the time to the
 * first hover. A file not in the build's line format is simply parsed whole; a term index that
 * cannot be read is reported and rebuilt from the entries. `snippets` are the bundled snippet
 * files (`data/snippets/*.md`), parsed when first needed.
 */
export function bundledLayer(entriesText: string, termsText: string, snippets: readonly SnippetSource[] = []): Layer {
  const lazy = lazyKb(entriesText);
  const parsed = lazy ? { kb: lazy.kb, problems: [] } : parseKbFile(entriesText, BUNDLED_KB.entries, { trusted: true });
  const layer = { file: BUNDLED_KB.entries, ...parsed, entry: lazy?.entry, snippets };
  const termIndex = TermIndex.fromText(termsText);
  if (termIndex) return { ...layer, termIndex };
  const problem = { file: BUNDLED_KB.terms, line: 1, severity: 'warning' as const, message: 'not a term index; it was rebuilt from the entries.' };
  return { ...layer, problems: [...layer.problems, problem] };
}

/** The file's header parsed now, its entries later: by id from their lines, or all at once. */
function lazyKb(text: string): { kb: KbFile; entry: (id: string) => Entry | undefined } | undefined {
  const start = text.indexOf(ENTRIES_START);
  if (start === -1) return undefined;
  const lines = new Map<string, [number, number]>();
  for (let at = text.indexOf(ENTRY_LINE, start); at !== -1; at = text.indexOf(ENTRY_LINE, at + 1)) {
    const end = text.indexOf('\n', at);
    lines.set(text.slice(at + ENTRY_LINE.length, text.indexOf('"', at + ENTRY_LINE.length)), [at, end === -1 ? text.length : end]);
  }
  let header: Omit<KbFile, 'entries'>;
  try {
    header = JSON.parse(`${text.slice(0, start)}\n  "entries": []\n}`);
  } catch {
    return undefined;
  }
  let all: readonly Entry[] | undefined;
  const parsedById = new Map<string, Entry>();
  return {
    kb: {
      ...header,
      get entries() {
        return (all ??= (JSON.parse(text) as KbFile).entries);
      },
    },
    entry(id) {
      const span = lines.get(id);
      if (!span) return undefined;
      let entry = parsedById.get(id);
      if (!entry) parsedById.set(id, (entry = JSON.parse(text.slice(...span).replace(/,\s*$/, '')) as Entry));
      return entry;
    },
  };
}
