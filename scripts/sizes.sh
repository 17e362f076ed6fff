#!/usr/bin/env bash
# Prints the built sizes of the app (raw, gzip -9, brotli -q 11) and checks the shell budget.
#   scripts/sizes.sh [DIST] [BUDGET_KB]   (default: dist, 296 KB brotli for html+js+wasm+css:
#   issue 12's ceiling of 270 KB, plus the 8 KB issue 15 allows, the 4 KB issue 16 allows and the
#   12 KB issue 18 took of the 15 it allows;
#   docs/size-costs.md says what each feature cost. The long-term goal stays 150 KB;
#   BENCHMARKS.md lists the largest contributors.)
set -euo pipefail
dist=${1:-dist}
budget_kb=${2:-296}
[ -d "$dist" ] || { echo "no build in $dist: run 'make build' first" >&2; exit 1; }
command -v brotli >/dev/null || { echo "brotli is missing: run scripts/setup.sh" >&2; exit 1; }

row() { # kind file
  local f=$2 raw gz br
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-6s %-44s %10d %10d %10d\n' "$1" "${f#"$dist"/}" "$raw" "$gz" "$br"
  echo "$1 $raw $gz $br" >>"$tmp"
}
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
printf '%-6s %-44s %10s %10s %10s\n' kind file raw gzip brotli
# The app's page is index.html; the static déclaration d'accessibilité pages are extra.
for f in "$dist"/*.html; do
  case "$(basename "$f")" in index.html) row html "$f" ;; *) row extra "$f" ;; esac
done
# sw.js (fetched by the browser in the background), embed.js (for host pages) and a11y-contact.js
# (the déclaration d'accessibilité's) are not part of what a visitor's first load needs: listed apart.
for f in "$dist"/*.js; do
  case "$(basename "$f")" in sw.js|embed.js|a11y-contact.js) row extra "$f" ;; *) row js "$f" ;; esac
done
for f in "$dist"/*.wasm; do row wasm "$f"; done
for f in "$dist"/*.css; do row css "$f"; done
for f in "$dist"/data/* "$dist"/i18n/*; do [ -f "$f" ] && row data "$f"; done
awk -v budget="$budget_kb" '
  { raw[$1]+=$2; gz[$1]+=$3; br[$1]+=$4 }
  END {
    printf "\n%-30s %10s %10s %10s\n", "total", "raw", "gzip", "brotli"
    n = split("html js wasm css data extra", k, " ")
    for (i = 1; i <= n; i++) printf "%-30s %10d %10d %10d\n", k[i], raw[k[i]], gz[k[i]], br[k[i]]
    sr = raw["html"]+raw["js"]+raw["wasm"]+raw["css"]; sg = gz["html"]+gz["js"]+gz["wasm"]+gz["css"]; sb = br["html"]+br["js"]+br["wasm"]+br["css"]
    printf "%-30s %10d %10d %10d\n", "shell (html+js+wasm+css)", sr, sg, sb
    printf "shell brotli: %.1f KB (budget %d KB)\n", sb/1000, budget
    if (sb > budget*1000) { print "OVER BUDGET"; exit 1 }
  }' "$tmp"
