#!/usr/bin/env bash
# The ASK CLI's custom build flow for `ask deploy`. The CLI runs this with the working
# directory in its copy of lambda/ (under .ask/) and the path of the zip to write as $1
# ($2 is "true" for verbose output). We bundle the TypeScript with esbuild and zip the single
# index.js with Node, so no `zip` binary is needed.
set -euo pipefail

out_zip="${1:?usage: hooks/build.sh OUT.zip [verbose]}"
verbose="${2:-false}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$PWD"
[ -f "$src/index.ts" ] || src="$root/lambda"

# esbuild is a devDependency: install it even where NODE_ENV=production would leave it out.
if [ ! -d "$root/node_modules/esbuild" ]; then
  (cd "$root" && npm ci --include=dev --no-audit --no-fund)
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
node "$root/scripts/build.mjs" --entry "$src/index.ts" --outdir "$stage/bundle" >/dev/null
rm -f "$stage/bundle/"*.map "$stage/bundle/"*.LEGAL.txt "$stage/bundle/meta.json"
case "$out_zip" in /*) ;; *) out_zip="$PWD/$out_zip" ;; esac
node "$root/scripts/zip.mjs" "$out_zip" "$stage/bundle"
[ "$verbose" = "true" ] && echo "hooks/build.sh: wrote $out_zip from $src/index.ts"
exit 0
