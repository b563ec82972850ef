#!/usr/bin/env bash
# Proposals under volume: loads 20,000 proposals, ~200,000 supports and ~50,000 comments into Taroudant's open
# process with bulk SQL (not through HTTP), starts the application, warms it up, then measures throughput and
# p50/p99 latency of (1) the proposal list sorted by supports and (2) proposal pages picked at random, with a
# closed-loop Java client (bench/LoadGen.java) for DURATION_S seconds each at CONCURRENCY.
#
# Engines: ENGINES="h2 pg" (default both). H2: the embedded file database in a fresh data folder. PostgreSQL:
# the local server (PG_HOST 127.0.0.1, PG_PORT 5432, PG_USER postgres, PG_DB test) in a dedicated schema
# (PG_SCHEMA, default oc_bench_proposals) dropped and recreated on each run.
#
# Usage: ./mvnw -q package -DskipTests && bench/proposals.sh
# Env:   JAR, PORT (default 18080), CONCURRENCY (default 12), DURATION_S (20), WARMUP_S (180), ENGINES
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
CONCURRENCY="${CONCURRENCY:-12}"
DURATION_S="${DURATION_S:-20}"
WARMUP_S="${WARMUP_S:-180}"
ENGINES="${ENGINES:-h2 pg}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="${PG_DB:-test}"
PG_SCHEMA="${PG_SCHEMA:-oc_bench_proposals}"
PROPOSALS=20000
ACCOUNTS=2000
. bench/lib.sh
trap 'stop_app; rm -f "$APP_LOG"' EXIT

. bench/engines.sh

# --- The data set ---------------------------------------------------------------------------------------------
load_data() {
  local cid pid a0 p0
  cid=$(scalar "select id from collectivity where slug = 'taroudant'")
  pid=$(scalar "select id from program_process where collectivity_id = $cid order by starts_on desc, id desc limit 1")
  run_sql <<SQL
insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at, created_at, updated_at)
select 'bench' || r.x || '@bench.invalid', 'bench' || r.x || '@bench.invalid', '{noop}not-a-login', 'Lectrice ' || r.x, 'fr',
       current_timestamp, current_timestamp, current_timestamp from RANGE($ACCOUNTS) AS r;
SQL
  a0=$(scalar "select min(id) from account where email_normalized like 'bench%@bench.invalid'")
  run_sql <<SQL
insert into program_proposal (process_id, collectivity_id, author_id, title, body, status, answer_text, created_at)
select $pid, $cid, $a0 + mod(r.x, $ACCOUNTS), 'Proposition de banc d’essai n° ' || r.x,
       repeat('Texte de la proposition, assez long pour ressembler à une vraie proposition. ', 12),
       case when mod(r.x, 5) = 0 then 'NOT_RETAINED' else 'OPEN' end,
       case when mod(r.x, 5) = 0 then 'Réponse motivée de la commune à cette proposition de banc d’essai.' end,
       current_timestamp from RANGE($PROPOSALS) AS r;
SQL
  p0=$(scalar "select min(id) from program_proposal where title like 'Proposition de banc d%'")
  run_sql <<SQL
insert into program_proposal_principle (proposal_id, principle)
select $p0 + r.x - 1, case mod(r.x, 4) when 0 then 'TRANSPARENCY' when 1 then 'ACCESS_TO_INFORMATION' when 2 then 'PARTICIPATION' else 'DIGITALIZATION' end
from RANGE($PROPOSALS) AS r;
insert into program_proposal_principle (proposal_id, principle)
select $p0 + r.x - 1, 'DIGITALIZATION' from RANGE($PROPOSALS) AS r where mod(r.x, 4) <> 3 and mod(r.x, 3) = 0;
-- 1 to 19 supports per proposal (10 on average: ~200,000), from distinct accounts (101 k mod 2000 differ for k < 20).
insert into program_support (proposal_id, account_id, created_at)
select $p0 + r.x - 1, $a0 + mod(r.x * 37 + k.x * 101, $ACCOUNTS), current_timestamp
from RANGE($PROPOSALS) AS r, RANGE(19) AS k where k.x <= 1 + mod(r.x * 37, 19);
-- 1 to 4 comments per proposal (2.5 on average: ~50,000), every fourth one a reply.
insert into program_comment (proposal_id, collectivity_id, parent_id, author_id, body, created_at)
select $p0 + r.x - 1, $cid, null, $a0 + mod(r.x + k.x * 7, $ACCOUNTS), 'Commentaire de banc d’essai numéro ' || k.x || ' sur cette proposition.',
       current_timestamp from RANGE($PROPOSALS) AS r, RANGE(4) AS k where k.x <= 1 + mod(r.x, 4);
update program_proposal set
  support_count = (select count(*) from program_support s where s.proposal_id = program_proposal.id),
  comment_count = (select count(*) from program_comment m where m.proposal_id = program_proposal.id and m.hidden_at is null)
where process_id = $pid;
SQL
  if [ "$ENGINE" = pg ]; then pg -c "analyze $PG_SCHEMA.program_proposal; analyze $PG_SCHEMA.program_support; analyze $PG_SCHEMA.program_comment; analyze $PG_SCHEMA.program_proposal_principle;"; fi
  PID=$pid
  P0=$p0
  echo "$ENGINE: loaded $(scalar "select count(*) from program_proposal where process_id = $pid") proposals," \
       "$(scalar "select count(*) from program_support s join program_proposal p on p.id = s.proposal_id where p.process_id = $pid") supports," \
       "$(scalar "select count(*) from program_comment m join program_proposal p on p.id = m.proposal_id where p.process_id = $pid") comments (process $pid)"
}

measure() {
  local list="$BASE/fr/c/taroudant/program/$PID/proposals?sort=supports"
  local page="$BASE/fr/c/taroudant/program/$PID/proposals/{n}"
  export FROM=$P0 TO=$((P0 + PROPOSALS - 1))
  LABEL="warm-up" java bench/LoadGen.java "$CONCURRENCY" "$WARMUP_S" "$list" "$page" >/dev/null
  LABEL="$ENGINE list-by-supports" java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$list"
  LABEL="$ENGINE proposal-page    " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$page"
}

# Sourced with BENCH_DEFINE_ONLY=1 to reuse the functions (e.g. to look at one page by hand).
[ "${BENCH_DEFINE_ONLY:-}" = 1 ] && return 0

for ENGINE in $ENGINES; do
  if [ "$ENGINE" = pg ]; then
    pg -c "drop schema if exists $PG_SCHEMA cascade; create schema $PG_SCHEMA;"
    start_engine; wait_up 240
    load_data
  else
    # H2 in embedded mode allows one process per file: migrate and load the demo, stop, bulk-load, start again.
    APP_DATA="$(mktemp -d)"
    start_engine; wait_up 240; pause_app
    load_data
    start_engine; wait_up 240
  fi
  measure
  stop_app
  if [ "$ENGINE" = pg ]; then pg -c "drop schema if exists $PG_SCHEMA cascade;"; fi
done
printf '(%s cores, %s, concurrency %s, %s s per measure after %s s warm-up)\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" \
  "$CONCURRENCY" "$DURATION_S" "$WARMUP_S"
