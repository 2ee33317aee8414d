#!/usr/bin/env bash
# Stands in for the VS Code executable that @vscode/test-electron's runTests() launches
# (vscodeExecutablePath): forwards its arguments to the code-server + chromium driver.
exec node "$(dirname "$(readlink -f "$0")")/run-vscode-tests.mjs" "$@"
