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
. bench/lib.sh
trap 'stop_app; rm -f "$APP_LOG"' EXIT

times=()
for run in $(seq 1 "$RUNS"); do
  start=$(now_ms)
  start_app
  wait_up "$TIMEOUT_S"
  elapsed=$(( $(now_ms) - start ))
  times+=("$elapsed")
  printf 'run %d: %6d ms\n' "$run" "$elapsed"
  stop_app
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
printf 'median of %d: %d ms (java -jar to /actuator/health UP, fresh H2 data dir, %s cores)\n' "$RUNS" "$median" "$(nproc)"
