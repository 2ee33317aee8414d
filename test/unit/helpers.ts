import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KnowledgeBase, parseKbFile, TermIndex, type Entry, type Layer, type SnippetSource } from '../../src/core';

/** The repository root (tests run from out/test/unit). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A file of the repository as text. */
export function repoText(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

let bundled: Layer | undefined;

/** The snippet files the extension bundles (data/snippets/*.md), as esbuild.mjs bundles them. */
export function bundledSnippetSources(): SnippetSource[] {
  const dir = path.join(ROOT, 'data', 'snippets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: `data/snippets/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * The knowledge base the extension bundles (data/kb.json, validated) with its prebuilt term
 * index and its snippets, parsed once for all tests.
 */
export function bundledLayer(): Layer {
  bundled ??= {
    file: 'data/kb.json',
    ...parseKbFile(repoText('data/kb.json'), 'data/kb.json'),
    termIndex: TermIndex.fromText(repoText('data/kb-terms.tsv')),
    snippets: bundledSnippetSources(),
  };
  return bundled;
}

let kb: KnowledgeBase | undefined;

/** The bundled knowledge base, as the extension and CLI load it. */
export function bundledKb(): KnowledgeBase {
  return (kb ??= new KnowledgeBase([bundledLayer()]));
}

/** A small knowledge base of hand-made entries, for tests that must not depend on the data. */
export function kbOf(entries: Entry[], contextualAbbreviations: string[] = []): KnowledgeBase {
  return new KnowledgeBase([{ file: 'test', kb: { entries, contextualAbbreviations }, problems: [] }]);
}

// ---- the copy guard: the source texts MedTerms must never copy ------------------------------

/** The definitions of an OBO file (`def: "…"` lines), unescaped. */
function oboDefinitions(text: string): string[] {
  return [...text.matchAll(/^def: "((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}

/** A node of the bundled HPO release (data/sources/hpo), as far as the tests read it. */
export type HpoNode = { id: string; lbl?: string; meta?: { definition?: { val: string }; synonyms?: { val: string; synonymType?: string }[] } };

const sourceFile = (rel: string) => path.join(ROOT, 'data', 'sources', rel);
let hpoNodeList: HpoNode[] | undefined;

/** Every node of the HPO release MedTerms was built from (read once). */
export function hpoNodes(): HpoNode[] {
  return (hpoNodeList ??= (JSON.parse(gunzipSync(readFileSync(sourceFile('hpo/hp-2023-01-27.json.gz'))).toString('utf8')) as { graphs: { nodes: HpoNode[] }[] }).graphs[0].nodes);
}

let sourceDefs: string[] | undefined;

/** Every definition of the DOID, SYMP and HPO releases MedTerms was built from (read once). */
export function sourceDefinitions(): string[] {
  return (sourceDefs ??= [
    ...oboDefinitions(gunzipSync(readFileSync(sourceFile('doid/doid-2024-01-31.obo.gz'))).toString('utf8')),
    ...oboDefinitions(readFileSync(sourceFile('symp/symp-2026-07-30.obo'), 'utf8')),
    ...hpoNodes().flatMap((n) => (n.meta?.definition?.val ? [n.meta.definition.val] : [])),
  ]);
}

/** A text's words for the copy guard: accents dropped, lower case, letters and digits only. */
export const guardWords = (t: string): string[] => t.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Every run of `n` consecutive words of a text, each as its words joined by single spaces. */
export function shingles(t: string, n: number): string[] {
  const w = guardWords(t);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** The copy guard's unit: a run of this many words shared with a source text is a copy. */
export const COPY_RUN = 8;
let sourceRunSets: { runs: Set<string>; whole: Set<string> } | undefined;

/**
 * Whether a text copies a source definition (DOID, SYMP or HPO): it shares a run of
 * {@link COPY_RUN} words with one, or (4 words or more) is one word for word.
 */
export function copiesSourceDefinition(text: string): boolean {
  if (!sourceRunSets) {
    const runs = new Set<string>();
    const whole = new Set<string>();
    for (const d of sourceDefinitions()) {
      for (const s of shingles(d, COPY_RUN)) runs.add(s);
      whole.add(guardWords(d).join(' '));
    }
    sourceRunSets = { runs, whole };
  }
  const { runs, whole } = sourceRunSets;
  const w = guardWords(text);
  return shingles(text, COPY_RUN).some((s) => runs.has(s)) || (w.length >= 4 && whole.has(w.join(' ')));
}
