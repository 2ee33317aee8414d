import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import BUNDLED_SNIPPETS from 'medterms:bundled-snippets';
import * as path from 'node:path';
import { BUNDLED_KB, bundledLayer, isoDate, KNOWLEDGE_SUBFOLDERS, knowledgeFileRole, type KnowledgeFile } from '../core';
import { runCli } from './cli';

declare const MEDTERMS_VERSION: string;

// dist/cli.js → the package root, where data/ is.
const fromRoot = (file: string) => readFileSync(path.join(__dirname, '..', file), 'utf8');

// A reader that stops early (`medterms scan --json big.md | head`) closes the pipe: that is the
// end of the output, not an error to print a stack for.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = runCli(process.argv.slice(2), {
  bundled: () => bundledLayer(fromRoot(BUNDLED_KB.entries), fromRoot(BUNDLED_KB.terms), BUNDLED_SNIPPETS),
  readFile: (file) => readFileSync(file, 'utf8'),
  writeFile: (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
  },
  readKnowledgeFolder,
  joinPath: (...parts) => path.join(...parts),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  version: MEDTERMS_VERSION,
  today: () => isoDate(new Date()),
});

/** The files MedTerms reads in a knowledge folder (`terms/*`, `snippets/*`, `jargon/*`); none when it does not exist. */
function readKnowledgeFolder(dir: string): KnowledgeFile[] {
  const files: KnowledgeFile[] = [];
  for (const folder of KNOWLEDGE_SUBFOLDERS) {
    let names: string[];
    try {
      names = readdirSync(path.join(dir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      const relative = `${folder}/${name}`;
      const file = path.join(dir, folder, name);
      if (!knowledgeFileRole(relative)) continue;
      try {
        files.push({ relative, file, text: readFileSync(file, 'utf8') });
      } catch {
        // a folder named like a file, or unreadable: the layer is not there
      }
    }
  }
  return files;
}
