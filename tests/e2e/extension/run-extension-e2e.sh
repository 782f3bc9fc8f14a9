#!/usr/bin/env bash
# `npm run test:e2e`: the edunorm extension in a real VS Code (code-server 4.100.3 + headless
# Chromium, offline harness in tests/e2e). Installs what it needs, builds the bundle, runs
# tests/e2e/extension/suite.cjs on a copy of examples/ (and tests/fixtures/report/west-county),
# keeps the screenshots.
set -euo pipefail
cd "$(dirname "$0")/../../.."
T0=$(date +%s)

bash tests/e2e/setup.sh
# The extension runs from extension/ with its esbuild bundles (dist/*.cjs).
node scripts/build.mjs >/dev/null

# A throwaway workspace: the quick fix edits the file, the examples stay as they are.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/edunorm-e2e-ws-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -r examples/. "$WORK/"
# A second county of two years whose 2024 teachers' pay meets the reference (the county case edits it).
cp -r tests/fixtures/report/west-county "$WORK/west-county"
mkdir -p "$WORK/.vscode"
# Chinese messages, as the users see them (code-server's display language is English).
printf '{ "edunorm.locale": "zh-CN", "workbench.startupEditor": "none", "editor.minimap.enabled": false }\n' > "$WORK/.vscode/settings.json"

mkdir -p test-artifacts
node tests/e2e/run-vscode-tests.mjs --extension extension --tests tests/e2e/extension/suite.cjs \
  --folder "$WORK" --screenshot test-artifacts/e2e-editor.png --timeout 300
cp test-artifacts/e2e-editor.png extension/images/screenshot.png
# The walkthrough's pictures: the finding with its hover (screenshot.png), after the fix, the walkthrough.
cp test-artifacts/e2e-editor-template-fixed.png extension/images/fixed.png
cp test-artifacts/e2e-editor-walkthrough.png extension/images/walkthrough.png
echo "e2e: extension tests passed in $(( $(date +%s) - T0 ))s; screenshot test-artifacts/e2e-editor.png"
