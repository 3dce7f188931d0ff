#!/usr/bin/env bash
# Installs what the real-editor tests (npm run test:e2e) need, once per machine:
#   - Debian packages: chromium (the browser playwright-core drives), ripgrep (Quick Open's file
#     search inside code-server), libkrb5-dev (code-server's kerberos module compiles against it);
#   - code-server (a complete VS Code served over HTTP) and playwright-core, into a tools folder
#     OUTSIDE the repo: ${AWS_NOTES_E2E_TOOLS:-$HOME/.cache/aws-notes-e2e}.
# Idempotent: a stamp file in the tools folder records what was installed; when it matches and the
# binaries are there, this script returns in milliseconds. See ../shared/e2e/RECIPE.md (section 1).
#
# Nothing here downloads from anywhere but the npm registry and Debian's package archive:
# @vscode/ripgrep's postinstall (a dependency of the bundled VS Code) would fetch rg from elsewhere,
# so its download cache is pre-filled with Debian's rg under the name it expects.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
# These two belong to code-server 4.100.3: the version of node_modules/@vscode/ripgrep in its
# lib/vscode/npm-shrinkwrap.json and the VERSION constant of that package's lib/postinstall.js.
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10

TOOLS="${AWS_NOTES_E2E_TOOLS:-$HOME/.cache/aws-notes-e2e}"
STAMP="$TOOLS/.installed"
WANT="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION node-$(node -p 'process.versions.modules')"
CODE_SERVER="$TOOLS/node_modules/.bin/code-server"

have_apt_packages() {
  command -v chromium >/dev/null 2>&1 && command -v rg >/dev/null 2>&1 &&
    dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed'
}

# Fast path: everything is there.
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" && -x "$CODE_SERVER" &&
      -f "$TOOLS/node_modules/playwright-core/package.json" ]] && have_apt_packages; then
  exit 0
fi

started=$(date +%s)
log() { echo "[e2e-setup] $*"; }

# Two runs installing at once would trample each other: one installs, the other waits and re-checks.
mkdir -p "$TOOLS"
exec 9>"$TOOLS/.lock"
flock 9
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" && -x "$CODE_SERVER" &&
      -f "$TOOLS/node_modules/playwright-core/package.json" ]] && have_apt_packages; then
  exit 0
fi

if ! have_apt_packages; then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { log "need root (or sudo) to apt-get install chromium ripgrep libkrb5-dev"; exit 1; }
    SUDO=(sudo)
  fi
  log "apt-get install chromium ripgrep libkrb5-dev"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ripgrep libkrb5-dev >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [[ "$node_major" != 20 ]]; then
  log "code-server $CODE_SERVER_VERSION needs Node 20 exactly (this is $(node -v))"
  exit 1
fi

TMP="$TOOLS/tmp"
rm -rf "$TMP"
mkdir -p "$TMP/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION" "$TMP/rgbin"
trap 'rm -rf "$TMP"' EXIT
# os.tmpdir() decides where @vscode/ripgrep looks for its cache.
export TMPDIR="$TMP"
cp "$(command -v rg)" "$TMP/rgbin/rg"
tar czf "$TMP/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION/ripgrep-$RIPGREP_RELEASE-x86_64-unknown-linux-musl.tar.gz" -C "$TMP/rgbin" rg

cd "$TOOLS"
[[ -f package.json ]] || echo '{"private":true}' > package.json
log "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION into $TOOLS (about a minute)"
rm -f "$STAMP"
# As root, code-server's postinstall (npm install inside lib/vscode) needs --unsafe-perm.
npm_config_yes=true npm install --no-audit --no-fund --loglevel=error --unsafe-perm \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" >"$TOOLS/npm-install.log" 2>&1 || {
  tail -40 "$TOOLS/npm-install.log"
  log "npm install failed (full log: $TOOLS/npm-install.log)"
  exit 1
}

# XDG_* keep the config.yaml code-server writes on its first run out of the home folder.
got=$(XDG_CONFIG_HOME="$TMP" XDG_DATA_HOME="$TMP" "$CODE_SERVER" --version 2>/dev/null | grep -o "^$CODE_SERVER_VERSION .*" || true)
if [[ -z "$got" ]]; then
  log "code-server does not run after install (got: '$got'); log: $TOOLS/npm-install.log"
  exit 1
fi
if [[ ! -x "$TOOLS/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]]; then
  log "warning: code-server's bundled rg is missing; Quick Open will find no files"
fi
echo "$WANT" > "$STAMP"
log "installed in $(( $(date +%s) - started )) s"
