# Shared by the benchmarks that run on both engines (ENGINE=h2 or pg): SQL helpers for the embedded H2 file and the
# local PostgreSQL schema, and starting the application on either. Source it after bench/lib.sh, with PG_HOST,
# PG_PORT, PG_USER, PG_DB and PG_SCHEMA set.

H2_JAR="$(mktemp -d)/h2.jar"
unzip -p "$JAR" "$(unzip -l "$JAR" | awk '{print $4}' | grep -m1 'BOOT-INF/lib/h2-.*\.jar')" >"$H2_JAR"

h2_url() { echo "jdbc:h2:file:$APP_DATA/opencommune;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"; }
pg() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="${PG_PASSWORD:-}" psql -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"; }

# A scalar query's value (H2 only while the application is stopped: the embedded file allows one process).
scalar() {
  if [ "$ENGINE" = pg ]; then
    pg -At -c "set search_path to $PG_SCHEMA; $1" | tail -n 1
  else
    java -cp "$H2_JAR" org.h2.tools.Shell -url "$(h2_url)" -user sa -sql "$1" | sed -n 2p | tr -d ' '
  fi
}

# Runs a script; RANGE(n) AS a is a row source of x = 1..n and SHA256HEX(text) a text's SHA-256 in hex on each engine.
run_sql() {
  local file
  file="$(mktemp --suffix=.sql)"
  if [ "$ENGINE" = pg ]; then
    { echo "set search_path to $PG_SCHEMA;"; sed -E -e 's/RANGE\(([0-9]+)\) AS ([a-z]+)/generate_series(1, \1) as \2(x)/g' \
        -e "s/SHA256HEX\(([^)]*)\)/encode(sha256(convert_to(\1, 'UTF8')), 'hex')/g"; } >"$file"
    pg -f "$file"
  else
    sed -E -e 's/RANGE\(([0-9]+)\) AS ([a-z]+)/(select "X" as x from system_range(1, \1)) as \2/g' \
        -e 's/SHA256HEX\(([^)]*)\)/lower(rawtohex(hash('"'"'SHA-256'"'"', cast(\1 as varbinary))))/g' >"$file"
    java -cp "$H2_JAR" org.h2.tools.RunScript -url "$(h2_url)" -user sa -script "$file"
  fi
  rm -f "$file"
}

start_engine() {
  if [ "$ENGINE" = pg ]; then
    OPENCOMMUNE_DEMO=true DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$PG_SCHEMA" \
      DATABASE_USERNAME="$PG_USER" DATABASE_PASSWORD="${PG_PASSWORD:-}" \
      java -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" --opencommune.data-dir="$APP_DATA" \
      --spring.flyway.schemas="$PG_SCHEMA" >>"$APP_LOG" 2>&1 &
  else
    java -jar "$JAR" --server.port="$PORT" --opencommune.data-dir="$APP_DATA" >>"$APP_LOG" 2>&1 &
  fi
  APP_PID=$!
}

# Stops the application but keeps its data folder (H2 keeps its file there).
pause_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

