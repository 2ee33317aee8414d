import { readFileSync } from 'node:fs';
import { bundledLayer } from '../bundledKb';
import { runCli } from './cli';

declare const MEDTERMS_VERSION: string;

process.exitCode = runCli(process.argv.slice(2), {
  bundled: bundledLayer,
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  version: MEDTERMS_VERSION,
});
