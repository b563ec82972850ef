#!/usr/bin/env bash
# The projects' list, map and GeoJSON with 2,000 projects (issue 6 benchmark), on PostgreSQL (and H2 if asked).
#
# The data generator (bulk SQL, not HTTP) adds PROJECTS published projects to Taroudant's demo fifteen, spread over
# the town (lat 30.45-30.49, lon -8.90 to -8.85), every sector and status, each with two funding sources and three
# timeline entries; every tenth one has an area polygon. Then bench/LoadGen.java measures, at CONCURRENCY:
#  - the list's first page (/fr/c/taroudant/projects: anonymous visitors share its few-second micro-cache),
#  - list pages picked at random (?before={n}: keyset pages, mostly rendered afresh),
#  - the list filtered by sector and words (?sector=ROADS&q=route),
#  - the map page (/fr/c/taroudant/projects/map: the list fallback plus the map's container),
#  - the map's GeoJSON (/api/v1/collectivities/taroudant/projects.geojson: every published project, never cached),
#  - project pages picked at random (funding, timeline).
#
# Usage: ./mvnw -q package -DskipTests && bench/projects.sh
# Env:   JAR, PORT (18080), ENGINES ("pg"; "h2 pg" for both), PROJECTS (2000), CONCURRENCY (12), DURATION_S (20),
#        WARMUP_S (60), PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres), PG_DB (test),
#        PG_SCHEMA (oc_bench_projects, dropped and recreated)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
ENGINES="${ENGINES:-pg}"
PROJECTS="${PROJECTS:-2000}"
CONCURRENCY="${CONCURRENCY:-12}"
DURATION_S="${DURATION_S:-20}"
WARMUP_S="${WARMUP_S:-60}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="${PG_DB:-test}"
PG_SCHEMA="${PG_SCHEMA:-oc_bench_projects}"
. bench/lib.sh
trap 'stop_app; rm -f "$APP_LOG"' EXIT

. bench/engines.sh

load_data() {
  local cid
  cid=$(scalar "select id from collectivity where slug = 'taroudant'")
  run_sql <<SQL
insert into council_project (collectivity_id, title_ar, title_fr, description_ar, description_fr, search_text, sector, status, latitude,
    longitude, area_geojson, cost_mad, contractor, starts_on, ends_on, progress, last_update_on, published, created_at, updated_at)
select $cid, 'مشروع تجريبي رقم ' || r.x, 'Projet de banc d’essai n° ' || r.x || case when mod(r.x, 10) = 0 then ' route' else '' end,
       'وصف المشروع التجريبي، بطول يشبه وصف مشروع حقيقي للجماعة.',
       repeat('Description du projet de banc d’essai, aussi longue qu’une vraie. ', 4),
       'mshrwaa tjrybi rqm ' || r.x || ' projet de banc d’essai n ' || r.x || case when mod(r.x, 10) = 0 then ' route' else '' end,
       case mod(r.x, 10) when 0 then 'ROADS' when 1 then 'WATER' when 2 then 'LIGHTING' when 3 then 'EDUCATION' when 4 then 'HEALTH'
         when 5 then 'CULTURE_SPORT' when 6 then 'ENVIRONMENT' when 7 then 'ECONOMY' when 8 then 'ADMINISTRATION' else 'OTHER' end,
       case mod(r.x, 5) when 0 then 'PLANNED' when 1 then 'IN_PROGRESS' when 2 then 'SUSPENDED' when 3 then 'COMPLETED' else 'IN_PROGRESS' end,
       30.45 + mod(r.x * 37, 400) / 10000.0, -8.90 + mod(r.x * 53, 500) / 10000.0,
       case when mod(r.x, 10) = 0 then '{"type":"Polygon","coordinates":[[[-8.88,30.47],[-8.879,30.47],[-8.879,30.471],[-8.88,30.471],[-8.88,30.47]]]}' end,
       100000 + mod(r.x * 7919, 9000000), 'Entreprise ' || mod(r.x, 40), current_date - 300, current_date + 300, mod(r.x * 13, 101),
       current_date - mod(r.x, 120), true, current_timestamp, current_timestamp
from RANGE($PROJECTS) AS r;
SQL
  P0=$(scalar "select min(id) from council_project where title_fr like 'Projet de banc d%'")
  run_sql <<SQL
insert into council_project_funding (project_id, collectivity_id, position, name, amount_mad)
select $P0 + r.x - 1, $cid, k.x, case k.x when 1 then 'Budget de la commune' else 'INDH' end, 50000 * k.x from RANGE($PROJECTS) AS r, RANGE(2) AS k;
insert into council_project_update (project_id, collectivity_id, kind, reported_on, progress, status_to, text, created_at)
select $P0 + r.x - 1, $cid, case k.x when 1 then 'STATUS' else 'PROGRESS' end, current_date - 100 + k.x * 30, k.x * 10,
       case k.x when 1 then 'IN_PROGRESS' end, 'Avancement des travaux, étape ' || k.x, current_timestamp
from RANGE($PROJECTS) AS r, RANGE(3) AS k;
SQL
  if [ "$ENGINE" = pg ]; then pg -c "analyze $PG_SCHEMA.council_project; analyze $PG_SCHEMA.council_project_funding; analyze $PG_SCHEMA.council_project_update;"; fi
  echo "$ENGINE: $(scalar "select count(*) from council_project where collectivity_id = $cid and published = true") published projects in Taroudant" \
       "(bench ids $P0..$((P0 + PROJECTS - 1)))"
}

measure() {
  local base="$BASE/fr/c/taroudant/projects"
  local geo="$BASE/api/v1/collectivities/taroudant/projects.geojson?lang=fr"
  export FROM=$P0 TO=$((P0 + PROJECTS - 1))
  curl -fs "$geo" -o /dev/null -w "$ENGINE GeoJSON of every project: %{size_download} bytes\n"
  curl -fs -H 'Accept-Encoding: gzip' "$geo" -o /dev/null -w "$ENGINE GeoJSON with Accept-Encoding gzip: %{size_download} bytes\n"
  LABEL="warm-up" java bench/LoadGen.java "$CONCURRENCY" "$WARMUP_S" "$base" "$base?before={n}" "$base/map" "$geo" "$base/{n}" >/dev/null
  LABEL="$ENGINE list (first page)   " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$base"
  LABEL="$ENGINE list (random pages) " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$base?before={n}"
  LABEL="$ENGINE list (sector+words) " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$base?sector=ROADS&q=route&before={n}"
  LABEL="$ENGINE map page            " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$base/map"
  LABEL="$ENGINE map GeoJSON         " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$geo"
  LABEL="$ENGINE project page        " java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$base/{n}"
}

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
  stop_app
  if [ "$ENGINE" = pg ]; then pg -c "drop schema if exists $PG_SCHEMA cascade;"; fi
done
printf '(%s cores, %s, concurrency %s, %s s per measure after %s s warm-up)\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" \
  "$CONCURRENCY" "$DURATION_S" "$WARMUP_S"
