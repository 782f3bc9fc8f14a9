#!/usr/bin/env bash
# Neovim 0.7 (Debian's package) as a headless LSP client of `npx edunorm-language-server --stdio`:
# check.lua (a budget's finding appears and clears as the value is typed), then county.lua (a
# school's file edited, its district file's county-wide finding appears; undone, it clears —
# the district file not open, then open). Needs `npm ci` (bin link) and a build. Installs
# neovim when missing (root, CI). `EDUNORM_NVIM_ONLY=county` runs county.lua alone.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
if ! command -v nvim >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/edunorm-nvim-XXXXXX")
GROUP=
# Neovim and the server it starts run in a process group of their own, ended by its id.
end_group() { if [ -n "$GROUP" ]; then kill -TERM -- "-$GROUP" 2>/dev/null || true; GROUP=; fi; }
trap 'end_group; rm -rf "$WORK"' EXIT
export EDUNORM_ROOT="$ROOT"
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"

# run_nvim <lua file> <result file>: nvim headless under a timeout, in its own process group.
run_nvim() {
  local status=0
  setsid timeout 120 nvim --headless -u NONE -i NONE -n --cmd 'set noswapfile' -c "luafile $1" &
  GROUP=$!
  wait "$GROUP" || status=$?
  end_group
  cat "$2" 2>/dev/null && echo
  return $status
}

status=0
if [ "${EDUNORM_NVIM_ONLY:-}" != county ]; then
  cp examples/noncompliant/budget.yaml "$WORK/budget.yaml"
  EDUNORM_NVIM_OUT="$WORK/result.json" EDUNORM_NVIM_FILE="$WORK/budget.yaml" run_nvim tests/e2e/neovim/check.lua "$WORK/result.json" || status=$?
fi
mkdir -p "$WORK/ws"
cp -r examples/county "$WORK/ws/county"
cp -r tests/fixtures/report/west-county "$WORK/ws/west-county"
EDUNORM_NVIM_OUT="$WORK/county.json" EDUNORM_NVIM_WORKSPACE="$WORK/ws" run_nvim tests/e2e/neovim/county.lua "$WORK/county.json" || status=$?
exit $status
