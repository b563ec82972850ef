#!/usr/bin/env bash
# Signing one petition as 100,000 distinct eligible people, through the API, on H2 and on PostgreSQL.
#
# The data generator (bulk SQL, not HTTP) creates SIGNERS accounts, each a verified resident of Taroudant (an
# approved residence declaration with its own CIN hash) with a personal API token, and two open Taroudant petitions:
# one to warm the JVM up, one to measure. Then, with bench/LoadGen.java in sequence mode (each signer signs once:
# POST /api/v1/collectivities/taroudant/petitions/{id}/signatures, Bearer token, {"confirmEligibility": true}):
#  (1) warm-up: WARMUP_SIGNERS signers sign the warm-up petition;
#  (2) measure: all SIGNERS signers sign the measured petition, at CONCURRENCY: signatures/s, p50/p90/p99;
#  (3) check: the stored signatures of that petition, the count the API shows once its few seconds of lag have
#      passed, and the number of 201 answers must be equal, and the threshold job must have marked it reached;
#  (4) crash: a third petition is signed by the same people while the application is killed with SIGKILL after
#      KILL_AFTER_S seconds; it is started again on the same data and every acknowledged (201) signature must be
#      there (signatures stored without an acknowledgement, whose answer the kill cut, are counted and reported).
# Every request comes from the loopback address: the per-address signing limit is lifted for the run
# (OPENCOMMUNE_SIGN_LIMIT_PER_ADDRESS); the per-account limit stays (each signer signs three petitions).
#
# Usage: ./mvnw -q package -DskipTests && bench/petitions.sh
# Env:   JAR, PORT (18080), ENGINES ("h2 pg"), SIGNERS (100000), WARMUP_SIGNERS (60000), CONCURRENCY (12),
#        KILL_AFTER_S (20), PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres), PG_DB (test),
#        PG_SCHEMA (oc_bench_petitions, dropped and recreated)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
ENGINES="${ENGINES:-h2 pg}"
SIGNERS="${SIGNERS:-100000}"
WARMUP_SIGNERS="${WARMUP_SIGNERS:-60000}"
CONCURRENCY="${CONCURRENCY:-12}"
KILL_AFTER_S="${KILL_AFTER_S:-20}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="${PG_DB:-test}"
PG_SCHEMA="${PG_SCHEMA:-oc_bench_petitions}"
. bench/lib.sh
WORK="$(mktemp -d)"
trap 'stop_app; rm -f "$APP_LOG"; rm -rf "$WORK"' EXIT
export OPENCOMMUNE_SIGN_LIMIT_PER_ADDRESS=1000000000

. bench/engines.sh
mkdir -p "$WORK/lg" && javac -d "$WORK/lg" bench/LoadGen.java
loadgen() { java -cp "$WORK/lg" LoadGen "$@"; }

# --- The data set ---------------------------------------------------------------------------------------------
load_data() {
  local cid agent
  cid=$(scalar "select id from collectivity where slug = 'taroudant'")
  agent=$(scalar "select id from account where email_normalized = 'citizen@opencommune.demo'")
  run_sql <<SQL
insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at, created_at, updated_at)
select 'signer' || r.x || '@bench.invalid', 'signer' || r.x || '@bench.invalid', '{noop}not-a-login', 'Signataire ' || r.x, 'fr',
       current_timestamp, current_timestamp, current_timestamp from RANGE($SIGNERS) AS r;
SQL
  A0=$(scalar "select min(id) from account where email_normalized like 'signer%@bench.invalid'")
  run_sql <<SQL
-- Each signer: an approved residence in Taroudant with a CIN hash of its own, the CIN's owner, a personal token.
insert into resident_declaration (account_id, collectivity_id, basis, cin_cipher, cin_hash, cin_hint, status, submitted_at, decided_at)
select $A0 + r.x - 1, $cid, 'RESIDENCE', 'bench-cipher', SHA256HEX('bench-cin-' || r.x), '**' || mod(r.x, 100), 'APPROVED',
       current_timestamp, current_timestamp from RANGE($SIGNERS) AS r;
insert into cin_owner (cin_hash, account_id) select SHA256HEX('bench-cin-' || r.x), $A0 + r.x - 1 from RANGE($SIGNERS) AS r;
insert into api_token (account_id, name, token_hash, prefix, created_at)
select $A0 + r.x - 1, 'bench', SHA256HEX('oc_bench_' || r.x), 'oc_bench_', current_timestamp from RANGE($SIGNERS) AS r;
insert into petition (collectivity_id, kind, agent_id, title, object, reasons, requested_action, lang, status, threshold, created_at, opened_on)
select $cid, 'CITIZENS', $agent, 'Pétition de banc d’essai ' || r.x, 'Objet', 'Motifs', 'Demande', 'fr', 'OPEN', 200, current_timestamp,
       current_date from RANGE(3) AS r;
SQL
  P0=$(scalar "select min(id) from petition where title like 'Pétition de banc d%'")
  if [ "$ENGINE" = pg ]; then pg -c "analyze $PG_SCHEMA.account; analyze $PG_SCHEMA.resident_declaration; analyze $PG_SCHEMA.cin_owner; analyze $PG_SCHEMA.api_token;"; fi
  echo "$ENGINE: $(scalar "select count(*) from resident_declaration where status = 'APPROVED' and collectivity_id = $cid") verified residents of Taroudant," \
       "$(scalar "select count(*) from api_token where name = 'bench'") tokens, petitions $P0..$((P0 + 2))"
}

sign_url() { echo "$BASE/api/v1/collectivities/taroudant/petitions/$1/signatures"; }

# Signs petition $1 by signers FROM..TO (env) in sequence; extra env passes through (ACKS_FILE).
sign_all() {
  SEQ=1 METHOD=POST EXPECT=201 BODY='{"confirmEligibility": true}' HEADER='Authorization: Bearer oc_bench_{i}' \
    loadgen "$CONCURRENCY" 3600 "$(sign_url "$1")"
}

api_count() {
  curl -fs "$BASE/api/v1/collectivities/taroudant/petitions/$1" | grep -o '"signatureCount":[0-9]*' | cut -d: -f2
}

measure() {
  local out created stored shown status
  FROM=1 TO="$WARMUP_SIGNERS" LABEL="$ENGINE warm-up" sign_all "$P0" | head -n 1
  out=$(FROM=1 TO="$SIGNERS" LABEL="$ENGINE sign          " sign_all "$((P0 + 1))")
  echo "$out"
  created=$(echo "$out" | grep -o '201=[0-9]*' | cut -d= -f2)
  sleep 12   # the public count may lag a few seconds (threshold job every 5 s, caches of 10 s)
  shown=$(api_count "$((P0 + 1))")
  status=$(curl -fs "$BASE/api/v1/collectivities/taroudant/petitions/$((P0 + 1))" | grep -o '"status":"[A-Z_]*"' | cut -d'"' -f4)
  if [ "$ENGINE" = pg ]; then
    stored=$(scalar "select count(*) from petition_signature where petition_id = $((P0 + 1))")
  else
    pause_app; stored=$(scalar "select count(*) from petition_signature where petition_id = $((P0 + 1))"); start_engine; wait_up 240
  fi
  echo "$ENGINE check: 201 answers=$created stored=$stored shown by the API=$shown status=$status" \
       "$([ "$created" = "$stored" ] && [ "$stored" = "$shown" ] && [ "$status" = THRESHOLD_REACHED ] && echo OK || echo MISMATCH)"
}

crash() {
  local acks="$WORK/acks-$ENGINE" stored="$WORK/stored-$ENGINE" lg missing extra
  : >"$acks"
  FROM=1 TO="$SIGNERS" ACKS_FILE="$acks" LABEL="$ENGINE crash-run     " sign_all "$((P0 + 2))" >"$WORK/crash-out" &
  lg=$!
  sleep "$KILL_AFTER_S"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  echo "$ENGINE crash: SIGKILL after ${KILL_AFTER_S} s, $(wc -l <"$acks") signatures acknowledged (201) by then"
  wait "$lg" || true
  if [ "$ENGINE" = pg ]; then
    pg -At -c "set search_path to $PG_SCHEMA; select account_id - $A0 + 1 from petition_signature where petition_id = $((P0 + 2))" | sort -u >"$stored"
  else
    java -cp "$H2_JAR" org.h2.tools.Shell -url "$(h2_url)" -user sa \
      -sql "select account_id - $A0 + 1 as i from petition_signature where petition_id = $((P0 + 2))" | sed '1d;$d' | tr -d ' ' | sort -u >"$stored"
  fi
  sort -u "$acks" -o "$acks"
  missing=$(comm -23 "$acks" "$stored" | wc -l)
  extra=$(comm -13 "$acks" "$stored" | wc -l)
  echo "$ENGINE crash: after the kill, $(wc -l <"$stored") stored; acknowledged but lost: $missing;" \
       "stored without an acknowledgement (answer cut by the kill): $extra $([ "$missing" = 0 ] && echo OK || echo LOST)"
  start_engine; wait_up 240
  echo "$ENGINE crash: restarted; the API shows $(api_count "$((P0 + 2))") signatures"
}

# Sourced with BENCH_DEFINE_ONLY=1 to reuse the functions.
[ "${BENCH_DEFINE_ONLY:-}" = 1 ] && return 0

for ENGINE in $ENGINES; do
  APP_DATA="$(mktemp -d)"
  if [ "$ENGINE" = pg ]; then
    pg -c "drop schema if exists $PG_SCHEMA cascade; create schema $PG_SCHEMA;"
    start_engine; wait_up 240
    load_data
  else
    # H2 in embedded mode allows one process per file: migrate and load the demo, stop, bulk-load, start again.
    start_engine; wait_up 240; pause_app
    load_data
    start_engine; wait_up 240
  fi
  measure
  crash
  stop_app
  if [ "$ENGINE" = pg ]; then pg -c "drop schema if exists $PG_SCHEMA cascade;"; fi
done
printf '(%s cores, %s, concurrency %s, %s signers)\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" "$CONCURRENCY" "$SIGNERS"
