#!/usr/bin/env bash
# The ASK CLI's custom build flow for `ask deploy` (hooks/build.ps1 on Windows does the same).
# The CLI runs this from its copy of lambda/ (under .ask/) with the zip to write as $1 and
# "true"/"false" for --debug as $2. scripts/buildHook.mjs bundles the copy with esbuild and zips
# the one index.js with fflate, so neither a `zip` binary nor anything global is needed.
# `npm run deploy` runs the CLI in a staging copy and says where the project is in PLAYLIST_PAL_ROOT.
set -euo pipefail
root="${PLAYLIST_PAL_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
exec node "$root/scripts/buildHook.mjs" "${1:?usage: hooks/build.sh OUT.zip [verbose]}" "${2:-false}"
