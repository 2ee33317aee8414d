import plainWordsSchema from '../../../data/schema/plain-words.schema.json';
import type { JsonPath, SchemaNode } from '../kb/jsonSchema';
import { parseListFile, type LoadResult, type Problem } from '../kb/load';
import type { PlainWord, PlainWordsFile } from './plainWords';
import { wordingKey } from './wordings';

/** A word as a team's list may write it: a whole new word, some fields of a bundled one, or a suppression. */
export type PlainWordEdit = Partial<PlainWord> & { readonly term: string; readonly suppress?: true };

/** A team's list of plain words (`.medterms/jargon/*.json`), parsed and validated: a layer over the bundled list. */
export interface PlainWordsLayer {
  /** The file's name for problems (a path or URI). */
  readonly file: string;
  /** The valid words, in file order. */
  readonly words: readonly PlainWordEdit[];
  /** Context words the list adds to the bundled lists of the same name. */
  readonly contexts?: Readonly<Record<string, readonly string[]>>;
  /** Where a path of the file starts, for problems found in the merge. */
  readonly locate?: LoadResult['locate'];
  /** For each word kept, its index among the file's `words` (words left out shift the rest). */
  readonly wordIndexes?: readonly number[];
}

/** The bundled list's schema, as `data/schema/plain-words.schema.json` writes it. */
const PLAIN_WORDS_SCHEMA = plainWordsSchema as SchemaNode;

/**
 * The schema of a team's jargon file (`.medterms/jargon/*.json`): the bundled list's schema, but
 * a word needs only its `term` (a bundled term's other fields are overridden one by one, or it
 * is removed with `"suppress": true`), and `source` may name any list.
 * `data/schema/jargon-layer.schema.json` is this, written out for the editor's IntelliSense
 * (a unit test keeps the two the same).
 */
export function plainWordsLayerSchema(schema: SchemaNode = PLAIN_WORDS_SCHEMA): SchemaNode {
  const word = schema.definitions!.word;
  const suppress = { enum: [true], description: 'Stop flagging this bundled word (or one an earlier shared list added) in this workspace.' };
  const source = { type: 'string', description: 'Where the wording comes from, e.g. your style guide.' };
  return <SchemaNode & { title: string; description: string }>{
    ...schema,
    $id: 'https://medterms.invalid/schema/jargon-layer.schema.json',
    title: "MedTerms jargon layer (a team's own plain words)",
    description: "A team's general jargon with everyday wording, layered over MedTerms' bundled list (data/jargon/general.json): a new term adds a word, a bundled term overrides the fields written, and \"suppress\": true stops flagging it.",
    definitions: { ...schema.definitions, word: { ...word, required: ['term'], properties: { ...word.properties, source, suppress } } },
  };
}

const LAYER_SCHEMA = plainWordsLayerSchema();
const WORD_LIST = { key: 'words', noun: 'word', name: 'term', keyOf: wordingKey } as const;

/**
 * Parses and validates a team's jargon file. Never throws: a file that is not JSON, or not a
 * list of words, loads nothing, with one problem at its line and column; a word that breaks the
 * schema or repeats an earlier term is left out with a problem at its line and column, and the
 * other words load.
 */
export function parsePlainWordsLayer(text: string, file: string): { layer: PlainWordsLayer; problems: readonly Problem[] } {
  const { value, problems, locate, itemIndexes } = parseListFile(text, file, LAYER_SCHEMA, WORD_LIST);
  const list = value as { words?: PlainWordEdit[]; contexts?: Record<string, string[]> } | undefined;
  return { layer: { file, words: list?.words ?? [], contexts: list?.contexts, locate, wordIndexes: itemIndexes }, problems };
}

/** A list of plain words with the teams' layers merged in, and what the merge found wrong. */
export interface PlainWordsMerge {
  readonly list: PlainWordsFile;
  /** Problems of the merge (a new word without plain wording, a suppression of an unknown term), on the layer's file. */
  readonly problems: readonly Problem[];
}

/**
 * Merges teams' jargon lists over a base list (the bundled one), in order. A term no earlier
 * list has is added; one an earlier list has (compared as the matcher compares wordings:
 * case, hyphens and spaces aside) keeps its place and takes the fields the later list writes
 * (a team's own `plain` wording, say); `"suppress": true` removes it. Context words are added
 * to the earlier lists of the same name. Nothing is dropped silently: a new term without
 * `plain` wording, and a suppression of a term no earlier list has, are problems at their line
 * and column. Linear in the words.
 */
export function mergePlainWords(base: PlainWordsFile, layers: readonly PlainWordsLayer[]): PlainWordsMerge {
  const words = new Map<string, PlainWord>(base.words.map((w) => [wordingKey(w.term), w]));
  const contexts = new Map(Object.entries(base.contexts ?? {}).map(([name, list]) => [name, [...list]]));
  const problems: Problem[] = [];
  for (const layer of layers) {
    const problem = (path: JsonPath, severity: Problem['severity'], message: string) => {
      const at = layer.locate?.([path])[0] ?? { line: 1, column: 1 };
      problems.push({ file: layer.file, ...at, severity, message });
    };
    for (const [name, list] of Object.entries(layer.contexts ?? {})) contexts.set(name, [...new Set([...(contexts.get(name) ?? []), ...list])]);
    layer.words.forEach((written, k) => {
      const path = ['words', layer.wordIndexes?.[k] ?? k];
      const { suppress, ...fields } = written;
      const key = wordingKey(fields.term);
      const before = words.get(key);
      if (suppress) {
        if (before) words.delete(key);
        else problem([...path, 'term'], 'warning', `suppresses "${fields.term}", which is not in the bundled list or an earlier one; nothing was removed.`);
      } else if (before) words.set(key, { ...before, ...fields, term: before.term });
      else if (fields.plain === undefined) problem(path, 'error', `"${fields.term}" is not in the bundled list or an earlier one, so it is a new word, which needs its "plain" wording; this word was not loaded.`);
      else words.set(key, fields as PlainWord);
    });
  }
  return { list: { contexts: Object.fromEntries(contexts), words: [...words.values()] }, problems };
}
