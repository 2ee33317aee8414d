// Entry point of `npm run test:integration` (compiled to out/test/runIntegration.js).
//
// @vscode/test-electron is used as the front end only: there is no network to download
// VS Code, so vscodeExecutablePath points at scripts/code-shim.sh, which runs the suite in
// code-server's extension host through headless chromium (scripts/run-vscode-tests.mjs).
// Anything the suite needs from the environment must reach that driver's environment:
// the extension host inherits code-server's env, which inherits the driver's, which is
// process.env + extensionTestsEnv.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/runIntegration.js -> repo root
  const repoRoot = path.resolve(__dirname, '..', '..');
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medterms-it-')), 'results.txt');

  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'scripts', 'code-shim.sh'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      launchArgs: [path.join(repoRoot, 'examples'), '--disable-extensions'],
      extensionTestsEnv: { VSCODE_TEST_RESULT_FILE: resultFile },
    });
  } catch (err) {
    // The driver has already printed the mocha report; this is the summary for the caller.
    console.error(`Integration tests failed: ${err instanceof Error ? err.message : String(err)}`);
    exitCode = 1;
  }
  fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
  process.exit(exitCode);
}

void main();
