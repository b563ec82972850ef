#!/usr/bin/env bash
# Start-up time: from `java -jar` to /actuator/health answering UP, on the embedded H2 database with a fresh
# data directory each run (so Flyway migrates and the demo data loads every time). Prints each run and the
# median.
#
# Usage: ./mvnw -q package -DskipTests && bench/startup.sh
# Env:   JAR (default target/*.jar), PORT (default 18080), RUNS (default 3), TIMEOUT_S (default 180)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
RUNS="${RUNS:-3}"
TIMEOUT_S="${TIMEOUT_S:-180}"
JAR="${JAR:-$(ls target/*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)}"
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "No jar in target/: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
  echo "Something already answers on port $PORT; set PORT" >&2
  exit 2
fi

APP_PID=""
DATA_DIR=""
LOG="$(mktemp)"
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  [ -z "$DATA_DIR" ] || rm -rf "$DATA_DIR"
}
trap 'stop_app; rm -f "$LOG"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

times=()
for run in $(seq 1 "$RUNS"); do
  DATA_DIR="$(mktemp -d)"
  start=$(now_ms)
  java -jar "$JAR" --server.port="$PORT" --opencommune.data-dir="$DATA_DIR" >"$LOG" 2>&1 &
  APP_PID=$!
  deadline=$((start + TIMEOUT_S * 1000))
  until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ "$(now_ms)" -gt "$deadline" ]; then
      echo "Run $run: no UP within ${TIMEOUT_S}s" >&2
      tail -n 40 "$LOG" >&2
      exit 1
    fi
    sleep 0.05
  done
  elapsed=$(( $(now_ms) - start ))
  times+=("$elapsed")
  printf 'run %d: %6d ms\n' "$run" "$elapsed"
  stop_app
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
printf 'median of %d: %d ms (java -jar to /actuator/health UP, fresh H2 data dir, %s cores)\n' "$RUNS" "$median" "$(nproc)"
