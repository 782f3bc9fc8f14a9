#!/usr/bin/env bash
# Idempotent, non-interactive, offline-friendly setup for the e2e harness:
#   - Debian packages: libkrb5-dev (kerberos native module), ripgrep (rg for @vscode/ripgrep), chromium,
#     fonts-noto-cjk (the editor pictures copied into extension/images show Chinese, not boxes)
#   - code-server (VS Code server + web workbench) and playwright-core, installed into a cache prefix
#     OUTSIDE the repository (never into the repo's package.json / package-lock.json).
# Cache: ${EDUNORM_E2E_CACHE:-$HOME/.cache/edunorm-e2e}. Safe to run repeatedly (second run: ~1 s).
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"      # VS Code 1.100.3
PLAYWRIGHT_CORE_VERSION="1.65.1"
# code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins @vscode/ripgrep 1.15.11, whose
# lib/postinstall.js downloads release tag v13.0.0-10 from GitHub (unreachable here). Its
# lib/download.js first looks for $TMPDIR/vscode-ripgrep-cache-<npm version>/ripgrep-<tag>-<target>.tar.gz,
# so we seed that file with Debian's rg. Update both values when bumping code-server.
RIPGREP_NPM_VERSION="1.15.11"
RIPGREP_TAG="v13.0.0-10"

CACHE="${EDUNORM_E2E_CACHE:-$HOME/.cache/edunorm-e2e}"
T0=$(date +%s)
log() { printf '[e2e-setup +%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

mkdir -p "$CACHE"
# One setup at a time per cache.
exec 9>"$CACHE/.setup.lock"
flock 9

# ---------------------------------------------------------------- apt packages
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo -n"; fi
missing=()
for p in libkrb5-dev ripgrep chromium fonts-noto-cjk; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get update; installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  log "apt packages installed"
else
  log "apt packages already installed (libkrb5-dev ripgrep chromium fonts-noto-cjk)"
fi
command -v rg >/dev/null || { echo "rg not found after install" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium not found after install" >&2; exit 1; }

# ---------------------------------------------------------------- npm packages
CS_DIR="$CACHE/node_modules/code-server"
CS_OK="$CACHE/.code-server-$CODE_SERVER_VERSION.ok"
PW_DIR="$CACHE/node_modules/playwright-core"

installed_version() { # <pkgdir>
  node -e 'try{process.stdout.write(require(process.argv[1]+"/package.json").version)}catch{}' "$1"
}

pkgs=()
if [ -f "$CS_OK" ] && [ "$(installed_version "$CS_DIR")" = "$CODE_SERVER_VERSION" ] \
   && [ -x "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $CACHE"
else
  rm -f "$CS_OK"
  # A half-finished install (e.g. a failed postinstall) would look "up to date" to npm: start clean.
  [ -d "$CS_DIR" ] && { log "removing incomplete $CS_DIR"; rm -rf "$CS_DIR"; }
  pkgs+=("code-server@$CODE_SERVER_VERSION")
fi
if [ "$(installed_version "$PW_DIR")" = "$PLAYWRIGHT_CORE_VERSION" ]; then
  log "playwright-core $PLAYWRIGHT_CORE_VERSION already installed in $CACHE"
else
  pkgs+=("playwright-core@$PLAYWRIGHT_CORE_VERSION")
fi

if [ "${#pkgs[@]}" -gt 0 ]; then
  # Private TMPDIR: @vscode/ripgrep's postinstall resolves its download cache via os.tmpdir().
  export TMPDIR="$CACHE/tmp"
  RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_NPM_VERSION"
  RG_TGZ="$RG_CACHE/ripgrep-$RIPGREP_TAG-x86_64-unknown-linux-musl.tar.gz"
  mkdir -p "$RG_CACHE"
  if [ ! -s "$RG_TGZ" ]; then
    log "seeding $RG_TGZ with $(command -v rg)"
    stage=$(mktemp -d)
    cp "$(command -v rg)" "$stage/rg"
    tar -czf "$RG_TGZ" -C "$stage" rg
    rm -rf "$stage"
  fi
  [ -f "$CACHE/package.json" ] || echo '{"name":"edunorm-e2e-cache","private":true}' > "$CACHE/package.json"
  log "npm install --prefix $CACHE ${pkgs[*]} (code-server builds its native modules: about a minute)"
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
         npm_config_update_notifier=false npm_config_loglevel=error
  # node-gyp must build against the local Node headers (it cannot download them here).
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] \
     && ! npm config get nodedir 2>/dev/null | grep -q '^/'; then
    export npm_config_nodedir=/usr
  fi
  npm install --prefix "$CACHE" "${pkgs[@]}" </dev/null
  log "npm install done"
fi

# ---------------------------------------------------------------- verify
if [ ! -f "$CS_OK" ]; then
  [ -x "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || { echo "code-server install incomplete: no ripgrep binary" >&2; exit 1; }
  vhome=$(mktemp -d)   # code-server writes a default config.yaml into $XDG_CONFIG_HOME: keep it out of $HOME
  v=$(HOME="$vhome" XDG_CONFIG_HOME="$vhome" XDG_DATA_HOME="$vhome" node "$CS_DIR/out/node/entry.js" --version </dev/null 2>/dev/null | grep 'with Code' || true)
  rm -rf "$vhome"
  [ -n "$v" ] || { echo "code-server --version failed" >&2; exit 1; }
  log "code-server --version: $v"
  echo "$v" > "$CS_OK"
fi
node -e 'require(process.argv[1])' "$PW_DIR" || { echo "playwright-core not loadable from $PW_DIR" >&2; exit 1; }
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
log "done in $(( $(date +%s) - T0 ))s; cache: $CACHE"
