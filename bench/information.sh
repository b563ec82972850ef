#!/usr/bin/env bash
# Information requests under volume, on PostgreSQL: seeds Taroudant with 50,000 requests (1,000 open) and 1,599
# other collectivities with 19,000 open requests (20,000 open in all, 1,600 collectivities) with bulk SQL, then
#  (1) the officers' queue /fr/c/taroudant/admin/information, signed in as the information officer (the script
#      logs in and keeps the session cookie), at CONCURRENCY and then, warm, at OFFICE_CONCURRENCY (4: a busy
#      office's officers clicking without pause), and
#  (2) the public statistics /fr/c/taroudant/information/statistics?year=<this year>,
# each for DURATION_S seconds at CONCURRENCY with bench/LoadGen.java (target p99 < 100 ms); and
#  (3) the recomputation of every open due date after a holiday move (CAL-3): the platform admin moves the next
#      religious holiday by one day through /fr/admin/holidays/{id}; the wall time runs from that POST to the
#      action-log line of the recomputation (target < 5 s); twice (one day, then three days after the provisional
#      date): the first move runs in a cold JVM.
# A page that answers 404 (not built yet) is reported as such and skipped.
#
# Usage: ./mvnw -q package -DskipTests && bench/information.sh
# Env:   JAR, PORT (default 18080), CONCURRENCY (12), OFFICE_CONCURRENCY (4), DURATION_S (20), WARMUP_S (180), PG_HOST (127.0.0.1), PG_PORT (5432),
#        PG_USER (postgres), PG_DB (test), PG_SCHEMA (oc_bench_information, dropped and recreated), PARTS ("queue statistics recompute")
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
CONCURRENCY="${CONCURRENCY:-12}"
OFFICE_CONCURRENCY="${OFFICE_CONCURRENCY:-4}"
DURATION_S="${DURATION_S:-20}"
WARMUP_S="${WARMUP_S:-180}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="${PG_DB:-test}"
PG_SCHEMA="${PG_SCHEMA:-oc_bench_information}"
PARTS="${PARTS:-queue statistics recompute}"
REQUESTS=50000
OPEN=1000
OTHERS=1599
OTHER_OPEN=19000
. bench/lib.sh
JAR_DIR="$(mktemp -d)"
trap 'stop_app; rm -f "$APP_LOG"; rm -rf "$JAR_DIR"' EXIT

pg() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="${PG_PASSWORD:-}" psql -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"; }
scalar() { pg -At -c "set search_path to $PG_SCHEMA; $1" | tail -n 1; }
run_sql() { { echo "set search_path to $PG_SCHEMA;"; cat; } | pg -f -; }

start_pg_app() {
  APP_DATA="$(mktemp -d)"
  OPENCOMMUNE_DEMO=true DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$PG_SCHEMA" \
    DATABASE_USERNAME="$PG_USER" DATABASE_PASSWORD="${PG_PASSWORD:-}" \
    java -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" --opencommune.data-dir="$APP_DATA" \
    --spring.flyway.schemas="$PG_SCHEMA" --opencommune.secure-cookie=false >"$APP_LOG" 2>&1 &
  APP_PID=$!
}

# --- The data set: plain SQL, no HTTP -------------------------------------------------------------------------
load_data() {
  local cid today
  cid=$(scalar "select id from collectivity where slug = 'taroudant'")
  today=$(date -u +%F)
  run_sql <<SQL
-- 50,000 Taroudant requests over two years; 1,000 open (received in the last 30 days), the rest closed.
insert into info_request (collectivity_id, tracking_number, first_name, last_name, postal_address, cin_cipher, cin_hash, cin_hint,
    subject, description, delivery, urgent, lang, status, received_at, received_on, due_on, closed_at, closed_on, working_days_taken,
    answer_kind, refusal_ground, refusal_reasoning)
select $cid, 'BT-' || r.x, 'Prénom', 'Nom', 'Adresse de banc d’essai', 'bench', md5(r.x::text), '******' || mod(r.x, 100),
       'Demande de banc d’essai n° ' || r.x, repeat('Description d’une demande d’accès à l’information. ', 6),
       case mod(r.x, 3) when 0 then 'EMAIL' when 1 then 'POSTAL' else 'PICKUP' end, mod(r.x, 97) = 0, 'fr',
       case when r.x <= $OPEN then (case mod(r.x, 10) when 0 then 'CLARIFICATION' when 1 then 'EXTENDED' else 'RECEIVED' end)
            else (case mod(r.x, 6) when 0 then 'REFUSED' when 1 then 'PARTLY_ANSWERED' when 2 then 'TRANSFERRED' when 3 then 'WITHDRAWN' else 'ANSWERED' end) end,
       d.received::timestamp + time '10:00', d.received, d.received + 28,
       case when r.x > $OPEN then d.received::timestamp + interval '20 days' end, case when r.x > $OPEN then d.received + 20 end,
       case when r.x > $OPEN then 14 end,
       case when r.x > $OPEN and mod(r.x, 6) = 1 then 'PARTIAL' when r.x > $OPEN and mod(r.x, 6) >= 4 then 'FULL' end,
       case when r.x > $OPEN and mod(r.x, 6) = 0 then 'NOT_HELD' end,
       case when r.x > $OPEN and mod(r.x, 6) = 0 then 'Information non détenue par la commune.' end
from generate_series(1, $REQUESTS) as r(x)
cross join lateral (select date '$today' - (case when r.x <= $OPEN then mod(r.x, 30) else 30 + mod(r.x * 7, 700) end) as received) d;
update info_request set paused_since = received_on + 3 where tracking_number like 'BT-%' and status = 'CLARIFICATION';
update info_request set extended_on = received_on + 20, extension_reason = 'LARGE_VOLUME', due_on = received_on + 56
 where tracking_number like 'BT-%' and status = 'EXTENDED';
-- 1,599 more communes, 19,000 open requests among them, all running across the next religious holiday.
insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at)
select 'bench-' || r.x, 'BC' || r.x, 'COMMUNE', 'جماعة ' || r.x, 'Commune ' || r.x, 'ⵜⴰⵎⵙⵏⴰⵡⵜ ' || r.x, current_timestamp
from generate_series(1, $OTHERS) as r(x);
insert into info_request (collectivity_id, tracking_number, first_name, last_name, postal_address, cin_cipher, cin_hash, cin_hint,
    subject, description, delivery, urgent, lang, status, received_at, received_on, due_on)
select c.id, 'BO-' || r.x, 'Prénom', 'Nom', 'Adresse', 'bench', md5(r.x::text), '**', 'Demande n° ' || r.x, 'Description',
       'POSTAL', false, 'fr', 'RECEIVED', h.received::timestamp + time '10:00', h.received, h.received + 28
from generate_series(1, $OTHER_OPEN) as r(x)
join collectivity c on c.slug = 'bench-' || (1 + mod(r.x, $OTHERS))
cross join lateral (select min(start_date) - (1 + mod(r.x, 20)) as received from religious_holiday where start_date > date '$today' + 1) h;
analyze info_request;
analyze collectivity;
SQL
  echo "loaded: $(scalar "select count(*) from info_request") requests, $(scalar "select count(*) from info_request where closed_at is null") open," \
       "$(scalar "select count(distinct collectivity_id) from info_request where closed_at is null") collectivities with open requests"
}

# Signs in with the demo password and prints the session cookie (name=value).
login() {
  local jar page csrf
  jar="$(mktemp)"
  page=$(curl -fs -c "$jar" -b "$jar" "$BASE/fr/login")
  csrf=$(echo "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)".*/\1/' | head -n 1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=demo" --data-urlencode "lang=fr" "$BASE/login"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$jar" | tail -n 1
  rm -f "$jar"
}

measure_page() {  # label url [cookie]
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' ${3:+-H "Cookie: $3"} "$2")
  if [ "$code" != 200 ]; then
    echo "$1: $2 answers $code (page not built yet?): skipped"
    return 0
  fi
  COOKIE="${3:-}" LABEL="warm-up" java bench/LoadGen.java "$CONCURRENCY" "$WARMUP_S" "$2" >/dev/null
  COOKIE="${3:-}" LABEL="$1" java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$2"
}

measure_recompute() {  # shift (days from the provisional date)
  local cookie id start csrf page date day month year before t0 t1 summary
  cookie=$(login admin@opencommune.demo)
  read -r id start < <(scalar "select id || ' ' || provisional_date from religious_holiday where provisional_date > current_date + 1 order by provisional_date limit 1")
  date=$(date -d "$start + $1 day" +%F)
  day=$((10#$(date -d "$date" +%d))); month=$((10#$(date -d "$date" +%m))); year=$(date -d "$date" +%Y)
  page=$(curl -fs -H "Cookie: $cookie" "$BASE/fr/admin/holidays/$id")
  csrf=$(echo "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)".*/\1/' | head -n 1)
  before=$(scalar "select count(*) from audit_entry where action = 'information.due-dates-recomputed'")
  echo "recompute: moving holiday $id to $date; $(scalar "select count(*) from info_request where closed_at is null and due_on >= date '$start'") open requests run across it"
  t0=$(now_ms)
  curl -fs -o /dev/null -H "Cookie: $cookie" --data-urlencode "_csrf=$csrf" --data-urlencode "day=$day" \
    --data-urlencode "month=$month" --data-urlencode "year=$year" "$BASE/fr/admin/holidays/$id"
  until [ "$(scalar "select count(*) from audit_entry where action = 'information.due-dates-recomputed'")" -gt "$before" ]; do
    [ $(( $(now_ms) - t0 )) -lt 120000 ] || { echo "recompute: no action-log line within 120 s" >&2; tail -n 30 "$APP_LOG" >&2; return 1; }
    sleep 0.05
  done
  t1=$(now_ms)
  summary=$(scalar "select summary from audit_entry where action = 'information.due-dates-recomputed' order by id desc limit 1")
  echo "recompute: $((t1 - t0)) ms from the admin's POST to the action-log line (\"$summary\"), polled every 50 ms"
}

# Sourced with BENCH_DEFINE_ONLY=1 to reuse the functions (e.g. to profile one page by hand).
[ "${BENCH_DEFINE_ONLY:-}" = 1 ] && return 0

pg -c "drop schema if exists $PG_SCHEMA cascade; create schema $PG_SCHEMA;"
start_pg_app; wait_up 240
load_data
for part in $PARTS; do
  case "$part" in
    queue)
      cookie=$(login staff@taroudant.demo)
      measure_page "pg officers-queue   " "$BASE/fr/c/taroudant/admin/information" "$cookie"
      # The same page, warm, under the load of a busy office rather than a saturated machine.
      COOKIE="$cookie" LABEL="pg officers-queue   " java bench/LoadGen.java "$OFFICE_CONCURRENCY" "$DURATION_S" "$BASE/fr/c/taroudant/admin/information" ;;
    statistics) measure_page "pg statistics      " "$BASE/fr/c/taroudant/information/statistics?year=$(date +%Y)" ;;
    # The first move runs in a cold JVM; the second (two more days) shows the warm figure.
    recompute) measure_recompute 1; measure_recompute 3 ;;
  esac
done
stop_app
pg -c "drop schema if exists $PG_SCHEMA cascade;"
printf '(%s cores, %s, concurrency %s, %s s per measure after %s s warm-up)\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" \
  "$CONCURRENCY" "$DURATION_S" "$WARMUP_S"
