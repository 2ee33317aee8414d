// Mocha bootstrap of the web suite. VS Code's web worker extension host loads this bundle
// (extensionTestsPath; built by scripts/lib/web-host.mjs) and awaits run(). A browser worker
// has no file system to find test files in or write a report to, so the test modules are
// imported here, and every reporter line goes to the console with a tag and a number that
// scripts/run-web-tests.mjs picks out of the browser's console (once, though it may arrive twice).
import { REPORT_TAG } from './report';

let reported = 0;
/** Sends one line of the report to the driver. */
export function report(line: string): void {
  console.log(`${REPORT_TAG}${++reported} ${line}`);
}

export function run(): Promise<void> {
  // Required, not imported: as a bundled import, mocha's UMD wrapper would overwrite this
  // module's exports with its own (module.exports = mocha), hiding run() from VS Code.
  require('mocha/mocha');
  mocha.setup({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  // Route the spec reporter's lines through report() (one console call may hold several lines).
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => {
    const [format = '', ...rest] = args.map(String);
    let i = 0;
    const text = format.replace(/%[sdj]/g, () => rest[i++] ?? '') + (rest.length > i ? ` ${rest.slice(i).join(' ')}` : '');
    for (const line of text.split('\n')) report(line);
  };
  require('./features.test');
  require('./teamKnowledge.test');
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      report(`web: ${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : ''));
      if (passes === 0) reject(new Error('no web tests ran'));
      else if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}
