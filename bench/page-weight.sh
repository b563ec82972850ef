#!/usr/bin/env bash
# Page weight of a first visit (empty cache) to Taroudant's home page, in Arabic and in Tamazight:
# the HTML plus every stylesheet, script and icon it links to, plus every font those stylesheets use,
# each counted as the bytes that crossed the wire with gzip (curl --compressed, %{size_download}).
# Fails (exit 1) when a language goes over the budget, or when the Tifinagh font is part of a page
# that is not in Tamazight.
#
# Usage: ./mvnw -q package -DskipTests && bench/page-weight.sh
# Env:   JAR (default target/*.jar), PORT (default 18080), BUDGET_BYTES (default 50000),
#        PAGE (default /c/taroudant), LANGS (default "ar zgh")
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
BUDGET_BYTES="${BUDGET_BYTES:-50000}"
PAGE="${PAGE:-/c/taroudant}"
LANGS="${LANGS:-ar zgh}"
. bench/lib.sh
WORK="$(mktemp -d)"
trap 'stop_app; rm -rf "$WORK" "$APP_LOG"' EXIT
start_app
wait_up 120

# Bytes received for one URL, gzip accepted; the decoded body is written to $2.
fetch() {
  curl -fs --compressed -o "$2" -w '%{size_download}' "$1"
}

# Resolves a reference found in a document at URL $1 (absolute path, or relative to the document).
resolve() {
  local from="$1" ref="$2"
  case "$ref" in
    http://*|https://*) echo "$ref" ;;
    /*) echo "$BASE$ref" ;;
    *) local dir="${from%/*}"
       while [[ "$ref" == ../* ]]; do ref="${ref#../}"; dir="${dir%/*}"; done
       echo "$dir/${ref#./}" ;;
  esac
}

status=0
declare -A TOTAL
printf '%-5s %-11s %8s  %s\n' "lang" "kind" "bytes" "resource"
for lang in $LANGS; do
  page_url="$BASE/$lang$PAGE"
  html="$WORK/$lang.html"
  bytes=$(fetch "$page_url" "$html")
  total=$bytes
  printf '%-5s %-11s %8d  %s\n' "$lang" "html" "$bytes" "/$lang$PAGE"
  : >"$WORK/$lang.resources"
  # Resources a browser fetches on first paint: <link rel=stylesheet|icon|preload|manifest href> and <script src>.
  grep -oiE '<link[^>]*>' "$html" | grep -iE 'rel="(stylesheet|icon|shortcut icon|apple-touch-icon|preload|modulepreload|manifest)"' \
    | grep -oiE 'href="[^"]+"' | sed -E 's/^href="//; s/"$//' | sed 's/&amp;/\&/g' >>"$WORK/$lang.resources" || true
  grep -oiE '<script[^>]*src="[^"]+"' "$html" | grep -oiE 'src="[^"]+"' | sed -E 's/^src="//; s/"$//' >>"$WORK/$lang.resources" || true
  fonts=""
  while read -r ref; do
    [ -n "$ref" ] || continue
    url=$(resolve "$page_url" "$ref")
    body="$WORK/body"
    bytes=$(fetch "$url" "$body")
    total=$((total + bytes))
    kind=other
    case "$url" in *.css*) kind=css ;; *.js*) kind=js ;; *.svg*|*.ico*|*.png*) kind=icon ;; esac
    printf '%-5s %-11s %8d  %s\n' "$lang" "$kind" "$bytes" "${url#"$BASE"}"
    if [ "$kind" = css ]; then
      # Fonts (and images) the stylesheet refers to: url(...) other than data: URIs.
      for fref in $(grep -oE 'url\([^)]+\)' "$body" | sed -E "s/^url\(['\"]?//; s/['\"]?\)$//" | grep -v '^data:' || true); do
        furl=$(resolve "$url" "$fref")
        fbytes=$(fetch "$furl" "$WORK/font")
        total=$((total + fbytes))
        printf '%-5s %-11s %8d  %s\n' "$lang" "font/url()" "$fbytes" "${furl#"$BASE"}"
        fonts="$fonts ${furl#"$BASE"}"
      done
    fi
  done <"$WORK/$lang.resources"
  TOTAL[$lang]=$total
  if [ "$lang" != zgh ] && [[ "$fonts" == *ifinagh* ]]; then
    echo "FAIL: the Tifinagh font is loaded on the $lang page" >&2
    status=1
  fi
  if [ "$lang" = zgh ] && [[ "$fonts" != *ifinagh* ]]; then
    echo "FAIL: the Tifinagh font is missing from the zgh page" >&2
    status=1
  fi
done

echo
printf '%-5s %10s %10s  %s\n' "lang" "total" "budget" "verdict"
for lang in $LANGS; do
  verdict=PASS
  if [ "${TOTAL[$lang]}" -ge "$BUDGET_BYTES" ]; then verdict=FAIL; status=1; fi
  printf '%-5s %10d %10d  %s (%s KB)\n' "$lang" "${TOTAL[$lang]}" "$BUDGET_BYTES" "$verdict" "$(awk -v b="${TOTAL[$lang]}" 'BEGIN { printf "%.1f", b / 1000 }')"
done
exit $status
