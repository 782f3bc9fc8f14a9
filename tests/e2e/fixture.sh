#!/usr/bin/env bash
# Proof of the e2e harness: installs what it needs (idempotent), runs the fixture extension's tests
# in code-server + headless Chromium (must pass), then runs them once more with a deliberately
# failing assertion (must fail with the tests' exit code, not a timeout).
set -euo pipefail
cd "$(dirname "$0")/../.."
T0=$(date +%s)

bash tests/e2e/setup.sh

node tests/e2e/run-vscode-tests.mjs --extension tests/e2e/fixture --tests tests/e2e/fixture/test/index.js \
  --folder tests/e2e/fixture/workspace --screenshot test-artifacts/e2e-fixture.png --timeout 180

if [ "${EDUNORM_E2E_SKIP_NEGATIVE:-}" != 1 ]; then
  echo "== negative proof: a failing assertion must make the runner exit non-zero"
  set +e
  EDUNORM_E2E_FIXTURE_BREAK=1 node tests/e2e/run-vscode-tests.mjs --extension tests/e2e/fixture \
    --tests tests/e2e/fixture/test/index.js --folder tests/e2e/fixture/workspace \
    --screenshot test-artifacts/e2e-fixture-failing.png --timeout 180 > test-artifacts/e2e-fixture-failing.log 2>&1
  rc=$?
  set -e
  if [ "$rc" = 1 ] && grep -q 'AssertionError' test-artifacts/e2e-fixture-failing.log; then
    echo "negative proof OK: exit code $rc with an AssertionError (log: test-artifacts/e2e-fixture-failing.log)"
  else
    echo "negative proof FAILED: expected exit code 1 with an AssertionError, got $rc" >&2
    tail -40 test-artifacts/e2e-fixture-failing.log >&2
    exit 1
  fi
fi
echo "e2e fixture proof passed in $(( $(date +%s) - T0 ))s"
