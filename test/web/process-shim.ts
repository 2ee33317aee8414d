// Injected into the web test bundle by scripts/lib/web-host.mjs (esbuild `inject`): the npm
// `assert` and `util` packages read `process.env` and `process.version`, which a browser worker
// does not have. Scoped to the test bundle: the extension's own bundle gets no such stand-in,
// so a Node global it used would fail the web suite.
export const process = { env: {} as Record<string, string | undefined>, version: '', versions: {}, platform: 'browser', argv: [] as string[], nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)) };
