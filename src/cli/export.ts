import { bundledPersonFirst, cspellConfig, cspellWords, substitutionPairs, VALE_STYLE, valeAccept, valeSubstitutionRule, type KnowledgeBase, type SubstitutionPair } from '../core';
import type { CliHost } from './cli';

/**
 * `medterms export`: writes the knowledge base (team layers included) for the tools teams
 * already run. `--cspell FILE` writes the words file and, beside it, `FILE.cspell.json`, the
 * dictionary definition to import or copy into a cspell configuration; `--vale DIR` writes a
 * Vale vocabulary and a substitution style under DIR (a Vale `StylesPath`). Returns the exit status.
 */
export function exportKnowledge(kb: KnowledgeBase, options: { readonly cspell?: string; readonly vale?: string }, host: CliHost): number {
  if (!options.cspell && !options.vale) {
    host.err('medterms: export needs --cspell FILE and/or --vale DIR\n');
    return 2;
  }
  if (!host.writeFile) {
    host.err('medterms: export cannot write files here\n');
    return 1;
  }
  const written: string[] = [];
  const write = (file: string, text: string) => {
    host.writeFile!(file, text);
    written.push(file);
  };
  try {
    if (options.cspell) {
      write(options.cspell, cspellWords(kb));
      const name = options.cspell.split(/[\\/]/).pop()!;
      write(`${options.cspell}.cspell.json`, cspellConfig(`./${name}`));
    }
    if (options.vale) {
      const join = host.joinPath ?? ((...parts: string[]) => parts.join('/'));
      write(join(options.vale, 'config', 'vocabularies', VALE_STYLE, 'accept.txt'), valeAccept(kb));
      write(join(options.vale, VALE_STYLE, 'PlainLanguage.yml'), valeSubstitutionRule(substitutionPairs(kb, plainLanguagePairs(kb))));
    }
  } catch (e) {
    host.err(`medterms: cannot write the export (${(e as Error).message})\n`);
    return 1;
  }
  host.out(`${written.join('\n')}\n`);
  return 0;
}

/**
 * The general jargon (the bundled list with the team's jargon lists merged in, as the editor
 * flags it) and person-first wording as plain pairs. Only those that hold wherever the words
 * occur: a pair that depends on context (`acute` before a noun only, `positive` near a test,
 * `diabetic` naming a person) or that has no drop-in rewrite stays the editor's and the CLI's
 * `check`, which read the context.
 */
function plainLanguagePairs(kb: KnowledgeBase): SubstitutionPair[] {
  const jargon = kb.plainWords.words.filter((w) => !w.before && !w.near && w.replace !== false).map((w) => ({ wrong: w.term, right: w.plain }));
  const personFirst = bundledPersonFirst().patterns.filter((p) => p.fix !== false && !p.noun).map((p) => ({ wrong: p.text, right: p.suggest }));
  return [...jargon, ...personFirst];
}
