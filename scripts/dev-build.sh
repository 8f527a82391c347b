#!/usr/bin/env bash
# Fast private build for development and eval runs: bundles the core entry with esbuild into DIR (default
# /tmp/at-dev) with a minimal package.json, so parallel developers never clobber dist/. Usage:
#   bash scripts/dev-build.sh /tmp/at-dates && node ../shared/eval/predict.mjs --lib /tmp/at-dates --gold ... --out ...
# --supported:regexp-unicode-property-escapes=true: as in tsup.config.ts, keep \p{...} regex literals literal (esbuild
# otherwise rewrites each into a `new RegExp(...)` evaluated on every call).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/at-dev}"
rm -rf "$dir" && mkdir -p "$dir/dist"
npx esbuild src/index.ts --bundle --format=esm --platform=neutral --main-fields=module,main --target=node20 \
  --supported:regexp-unicode-property-escapes=true --external:zod --log-level=warning --outfile="$dir/dist/index.js"
echo '{"name":"article-tagger","type":"module","exports":{".":"./dist/index.js"}}' > "$dir/package.json"
ln -sfn "$PWD/node_modules" "$dir/node_modules"
echo "$dir"
