#!/usr/bin/env bash
# Neovim 0.7 (Debian's package) as a headless LSP client of `npx edunorm-language-server --stdio`.
# Needs `npm ci` (bin link) and a build. Installs neovim when missing (root, CI).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
if ! command -v nvim >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/edunorm-nvim-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cp examples/noncompliant/budget.yaml "$WORK/budget.yaml"
export EDUNORM_NVIM_OUT="$WORK/result.json" EDUNORM_NVIM_FILE="$WORK/budget.yaml" EDUNORM_ROOT="$ROOT"
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
status=0
timeout 90 nvim --headless -u NONE -i NONE -n --cmd 'set noswapfile' -c "luafile tests/e2e/neovim/check.lua" || status=$?
cat "$EDUNORM_NVIM_OUT" 2>/dev/null && echo
exit $status
