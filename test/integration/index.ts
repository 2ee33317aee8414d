// Mocha bootstrap for the integration suite. VS Code loads this module inside the
// extension host (extensionTestsPath) and awaits run(); see scripts/run-vscode-tests.mjs.
//
// Extension-host console output only reaches the browser page, not our terminal, so the
// reporter's lines are also appended to $VSCODE_TEST_RESULT_FILE, which the driver prints.

import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/** Every *.test.js below `dir`, sorted so the run order is stable. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const resultFile = process.env.VSCODE_TEST_RESULT_FILE;
  const write = (line: string): void => {
    if (resultFile) fs.appendFileSync(resultFile, line + '\n');
  };

  // Route every reporter line through the result file as well as the console.
  const originalLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
    originalLog(...args);
    write(util.format(...args));
  };

  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  const files = findTestFiles(__dirname);
  for (const f of files) mocha.addFile(f);

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      // A green run that tested nothing would hide a broken build.
      write(`integration: no *.test.js files found under ${__dirname}`);
      reject(new Error(`no integration tests found under ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        // A plain closing line that CI can read regardless of the reporter's format.
        write(`integration: ${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : ''));
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // e.g. a test file that throws at load time
      write(`integration: failed to load tests: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      reject(err);
    }
  });
}
