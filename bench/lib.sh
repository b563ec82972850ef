# Shared by the benchmark scripts: find the packaged jar, start it on a fresh H2 data folder, wait until
# /actuator/health says UP, stop it. Source it after setting PORT.

JAR="${JAR:-$(ls target/*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)}"
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "No jar in target/: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
BASE="http://localhost:$PORT"
if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then
  echo "Something already answers on port $PORT; set PORT" >&2
  exit 2
fi

APP_PID=""
APP_DATA=""
APP_LOG="$(mktemp)"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts the jar on a new, empty data folder.
start_app() {
  APP_DATA="$(mktemp -d)"
  java -jar "$JAR" --server.port="$PORT" --opencommune.data-dir="$APP_DATA" >"$APP_LOG" 2>&1 &
  APP_PID=$!
}

# Waits until health is UP, polling every 50 ms; fails after $1 seconds or if the application stops.
wait_up() {
  local deadline=$(( $(now_ms) + $1 * 1000 ))
  until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ "$(now_ms)" -gt "$deadline" ]; then
      echo "No UP within $1 s:" >&2
      tail -n 40 "$APP_LOG" >&2
      exit 1
    fi
    sleep 0.05
  done
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  [ -z "$APP_DATA" ] || rm -rf "$APP_DATA"
  APP_DATA=""
}
