import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
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
