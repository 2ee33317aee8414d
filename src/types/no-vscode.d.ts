// src/core/tsconfig.json maps the editor's API module here. This file is deliberately not a
// module, so the core cannot compile against that API ("is not a module"): the core runs in
// Node (CLI, unit tests) and in a browser worker, never only inside the editor.
