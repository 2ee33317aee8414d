// The core's tsconfig maps `vscode` here. This file is deliberately not a module, so any
// `import … from 'vscode'` under src/core fails to compile ("is not a module"): the core runs in
// Node (CLI, unit tests) and in a browser worker, never only inside VS Code.
