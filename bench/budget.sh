#!/usr/bin/env bash
# Budget explorer and CSV import, on PostgreSQL: as Taroudant's council secretary (the script logs in), drafts the
# budget of BENCH_YEAR, imports a CSV of ~5,000 lines (one root, 455 chapters of ten detailed lines each, children
# adding up) IMPORTS times through the staff page, timing each upload end to end (target < 2 s), publishes it, imports
# and publishes a quarter of execution for every detailed line, then measures with bench/LoadGen.java, for DURATION_S
# seconds each at CONCURRENCY after a WARMUP_S warm-up (target p99 < 100 ms):
#  (1) the year's explorer /fr/c/taroudant/budget/<year>, and
#  (2) drill-down pages /fr/c/taroudant/budget/<year>/lines/20.<n>, n picked at random among the 455 chapters,
# each twice: as anonymous visitors (a rendering may be served again for 10 s, AnonymousPageCache) and with a cookie
# (every request rendered afresh). Finally the time to stream the year's CSV (every line with its execution).
#
# Usage: ./mvnw -q package -DskipTests && bench/budget.sh
# Env:   JAR, PORT (18085), CONCURRENCY (12), DURATION_S (20), WARMUP_S (60), IMPORTS (3), BENCH_YEAR (2030), PG_HOST
#        (127.0.0.1), PG_PORT (5432), PG_USER (postgres), PG_DB (test), PG_SCHEMA (oc_bench_budget, dropped and recreated)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18085}"
WARMUP_S="${WARMUP_S:-60}"
PG_SCHEMA="${PG_SCHEMA:-oc_bench_budget}"
IMPORTS="${IMPORTS:-3}"
BENCH_YEAR="${BENCH_YEAR:-2030}"
CHAPTERS=455
# The PostgreSQL helpers, start_pg_app and login of the information benchmark (which sources bench/lib.sh).
BENCH_DEFINE_ONLY=1 . bench/information.sh
WORK="$(mktemp -d)"
trap 'stop_app; rm -f "$APP_LOG"; rm -rf "$JAR_DIR" "$WORK"' EXIT

# --- The files --------------------------------------------------------------------------------------------------
# One root "20", chapters 20.0 .. 20.454, each with ten lines 20.c.0 .. 20.c.9; parents are the sums of their children.
awk -v chapters="$CHAPTERS" 'BEGIN {
  print "code,parent_code,label_ar,label_fr,section,direction,amount"
  for (c = 0; c < chapters; c++) { for (i = 0; i < 10; i++) { a[c, i] = 1000 + c * 7 + i; s[c] += a[c, i] } total += s[c] }
  printf "20,,نفقات التسيير,Dépenses de fonctionnement,OPERATING,EXPENSE,%d.00\n", total
  for (c = 0; c < chapters; c++) {
    printf "20.%d,,الباب %d,Chapitre %d,OPERATING,EXPENSE,%d.00\n", c, c, c, s[c]
    for (i = 0; i < 10; i++) printf "20.%d.%d,,البند %d-%d,Ligne %d-%d,OPERATING,EXPENSE,%d.00\n", c, i, c, i, c, i, a[c, i]
  }
}' >"$WORK/budget.csv"
awk -v chapters="$CHAPTERS" 'BEGIN {
  print "code,committed,paid,collected"
  for (c = 0; c < chapters; c++) for (i = 0; i < 10; i++) printf "20.%d.%d,%d.00,%d.50,\n", c, i, 300 + i, 200 + i
}' >"$WORK/execution.csv"
echo "files: $(( $(wc -l <"$WORK/budget.csv") - 1 )) budget lines ($(wc -c <"$WORK/budget.csv") bytes)," \
     "$(( $(wc -l <"$WORK/execution.csv") - 1 )) execution lines"

token() { curl -fs -H "Cookie: $COOKIE_STAFF" "$1" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)".*/\1/' | head -n 1; }
# Posts a form as the secretary; prints the status and where it leads.
post() {  # url curl-args...
  local url="$1"; shift
  curl -s -o /dev/null -w '%{http_code} %{redirect_url} %{time_total}' -H "Cookie: $COOKIE_STAFF" -H "X-CSRF-TOKEN: $CSRF" "$@" "$url"
}

pg -c "drop schema if exists $PG_SCHEMA cascade; create schema $PG_SCHEMA;"
start_pg_app; wait_up 240
COOKIE_STAFF=$(login staff@taroudant.demo)
ADMIN="$BASE/fr/c/taroudant/admin/budget"
CSRF=$(token "$ADMIN")
read -r code location _ <<<"$(post "$ADMIN" --data-urlencode "_csrf=$CSRF" --data "year=$BENCH_YEAR")"
BUDGET="${location##*/}"
[ "$code" = 302 ] && [ -n "$BUDGET" ] || { echo "could not draft the budget ($code)" >&2; exit 1; }

# --- (0) the import ---------------------------------------------------------------------------------------------
for run in $(seq 1 "$IMPORTS"); do
  read -r code _ took <<<"$(post "$ADMIN/$BUDGET/import" -F "_csrf=$CSRF" -F "file=@$WORK/budget.csv;type=text/csv")"
  echo "pg import run $run: HTTP $code in ${took} s ($(scalar "select count(*) from budget_line where budget_id = $BUDGET") lines stored)"
done
read -r code _ _ <<<"$(post "$ADMIN/$BUDGET/publication" --data-urlencode "_csrf=$CSRF")"
read -r code location took <<<"$(post "$ADMIN/executions" -F "_csrf=$CSRF" -F "executionYear=$BENCH_YEAR" -F "period=Q1" \
  -F "file=@$WORK/execution.csv;type=text/csv")"
echo "pg execution import: HTTP $code in ${took} s"
read -r code _ _ <<<"$(post "${location%%\?*}/publication" --data-urlencode "_csrf=$CSRF")"
pg -c "analyze $PG_SCHEMA.budget_line; analyze $PG_SCHEMA.budget_execution_line; analyze $PG_SCHEMA.budget;"

# --- (1), (2) the explorer ----------------------------------------------------------------------------------------
YEAR_PAGE="$BASE/fr/c/taroudant/budget/$BENCH_YEAR"
LINE_PAGE="$BASE/fr/c/taroudant/budget/$BENCH_YEAR/lines/20.{n}"
export FROM=0 TO=$((CHAPTERS - 1))
LABEL="warm-up" java bench/LoadGen.java "$CONCURRENCY" "$WARMUP_S" "$YEAR_PAGE" "$LINE_PAGE" >/dev/null
LABEL="pg year page (anonymous)  " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$YEAR_PAGE"
COOKIE="oc_bench=1" LABEL="pg year page (fresh)      " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$YEAR_PAGE"
LABEL="pg drill-down (anonymous) " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$LINE_PAGE"
COOKIE="oc_bench=1" LABEL="pg drill-down (fresh)     " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$LINE_PAGE"

# --- (3) the export -----------------------------------------------------------------------------------------------
curl -s -o "$WORK/export.csv" -w "pg CSV export: HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n" "$YEAR_PAGE.csv"
echo "pg CSV export: $(( $(wc -l <"$WORK/export.csv") - 1 )) lines"
stop_app
pg -c "drop schema if exists $PG_SCHEMA cascade;"
printf '(%s cores, load average %s, %s, concurrency %s, %s s per measure after %s s warm-up)\n' "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(java -version 2>&1 | head -n 1)" "$CONCURRENCY" "$DURATION_S" "$WARMUP_S"
