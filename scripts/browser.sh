#!/usr/bin/env bash
# The browser the editor tests drive: Debian's chromium, installed with apt-get when missing.
# Usage: scripts/browser.sh path   -> prints the chromium binary (installs it first if needed)
# ATS_CHROMIUM=/path/to/chrome skips the lookup (any Chromium-based browser puppeteer-core drives).
set -euo pipefail

find_chromium() {
  if [ -n "${ATS_CHROMIUM:-}" ]; then echo "$ATS_CHROMIUM"; return 0; fi
  command -v chromium || command -v chromium-browser || true
}

bin="$(find_chromium)"
if [ -z "$bin" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium is missing and this is not a Debian/Ubuntu system: install Chromium and set ATS_CHROMIUM" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Printed on stderr so that stdout stays the binary's path.
  echo "editor tests: installing Debian's chromium with apt-get (apt-get update, then about 120 MB of packages to download, 400 MB installed; 1-3 min)" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
  bin="$(find_chromium)"
  [ -n "$bin" ] || { echo "apt-get install chromium finished but no chromium binary was found" >&2; exit 1; }
  echo "editor tests: chromium installed at $bin" >&2
fi

case "${1:-path}" in
  path) echo "$bin";;
  *) echo "usage: $0 path" >&2; exit 2;;
esac
