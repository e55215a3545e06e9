#!/usr/bin/env bash
# History-import benchmark on the embedded default: starts the embedded MongoDB with a fresh data
# directory and the command side on ports of their own, seeds the simulated province's reference data
# over HTTP (simulator --reference-only), stops the command side, writes the dossiers of the same
# province to a file (simulator export), imports it (java -jar command-side.jar import), then imports
# it a second time (everything already imported), and prints both runs' times and rates, the CPU time
# of the importer and of the database server, and the machine. Nothing else is written: paste the
# output where it is wanted (docs/import.md quotes one).
#   ./benchmarks/run-import.sh [--dossiers N] [--days D] [--seed N] [--batch-records N] [--profile]
# --profile records a Java Flight Recording of both JVMs (in the work directory).
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o);
# WORK_DIR (default target/import-benchmark), MONGO_PORT (27227), COMMAND_PORT (18381),
# JAVA_OPTS (every JVM; default -XX:+UseSerialGC -Xmx1g, as ./run uses the serial collector).
set -euo pipefail
cd "$(dirname "$0")/.."

DOSSIERS=30000
DAYS=16
SEED=42
BATCH_RECORDS=1000
PROFILE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dossiers) DOSSIERS=$2; shift ;;
    --days) DAYS=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --batch-records) BATCH_RECORDS=$2; shift ;;
    --profile) PROFILE=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-import: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

WORK_DIR=${WORK_DIR:-target/import-benchmark}
MONGO_PORT=${MONGO_PORT:-27227}
COMMAND_PORT=${COMMAND_PORT:-18381}
# shellcheck disable=SC2206
JAVA_ARGS=(${JAVA_OPTS:--XX:+UseSerialGC -Xmx1g})

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q ${MAVEN_ARGS:-} -pl embedded-mongo,command-side,simulator -am package -Dmaven.test.skip=true
fi
MONGO_JAR=$(ls -t embedded-mongo/target/embedded-mongo-*-exec.jar | head -n 1)
COMMAND_JAR=$(ls -t command-side/target/command-side-*[0-9T].jar | head -n 1)
SIMULATOR_JAR=$(ls -t simulator/target/simulator-*[0-9T].jar | head -n 1)

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR/data" "$WORK_DIR/logs"
WORK_DIR=$(cd "$WORK_DIR" && pwd)
MONGO_PID=""
COMMAND_PID=""
stop() { # pid: TERM, then wait for it (the embedded server compacts its file when stopped)
  [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
trap 'stop "$COMMAND_PID"; stop "$MONGO_PID"' EXIT
cpu_seconds() { # pid: user + system CPU seconds so far
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"
}
profile_opts() { # name: the JVM options that record it, with --profile
  (( PROFILE )) && echo "-XX:StartFlightRecording=filename=$WORK_DIR/$1.jfr,settings=profile" || true
}

echo "== machine"
echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.0f MiB", $2 / 1024}' /proc/meminfo) RAM, $(java -version 2>&1 | head -n 1)"
echo "revision $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes'), $(date -u '+%Y-%m-%d %H:%M UTC')"
load_note() { # the load averages, and whether other work shared the cores
  awk -v cpus="$(nproc)" '{printf "%s %s %s%s", $1, $2, $3, ($1 > cpus / 2 ? " (other work shared the cores: compare CPU times rather than wall times)" : "")}' /proc/loadavg
}
echo "load average at the start: $(load_note)"

echo "== embedded MongoDB on 127.0.0.1:$MONGO_PORT, data in $WORK_DIR/data"
# shellcheck disable=SC2046
java "${JAVA_ARGS[@]}" $(profile_opts mongo) -jar "$MONGO_JAR" --port="$MONGO_PORT" --data-dir="$WORK_DIR/data" \
  >"$WORK_DIR/logs/mongo.log" 2>&1 &
MONGO_PID=$!
until grep -q 'ready on mongodb://' "$WORK_DIR/logs/mongo.log" 2>/dev/null; do
  kill -0 "$MONGO_PID" 2>/dev/null || { cat "$WORK_DIR/logs/mongo.log" >&2; exit 1; }
  sleep 0.2
done
export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT"
SERVICE_ARGS=(--spring.profiles.active=local "--govtrack.local.data-dir=$WORK_DIR/data")

echo "== reference data over HTTP (simulator --reference-only; command side on :$COMMAND_PORT)"
java "${JAVA_ARGS[@]}" -jar "$COMMAND_JAR" "${SERVICE_ARGS[@]}" --server.port="$COMMAND_PORT" \
  >"$WORK_DIR/logs/command-side.log" 2>&1 &
COMMAND_PID=$!
until curl -fsS "http://127.0.0.1:$COMMAND_PORT/actuator/health" 2>/dev/null | grep -q UP; do
  kill -0 "$COMMAND_PID" 2>/dev/null || { tail -n 30 "$WORK_DIR/logs/command-side.log" >&2; exit 1; }
  sleep 0.5
done
started=$SECONDS
java "${JAVA_ARGS[@]}" -XX:TieredStopAtLevel=1 -jar "$SIMULATOR_JAR" --reference-only --no-report \
  --command-url "http://127.0.0.1:$COMMAND_PORT" --seed "$SEED" --days "$DAYS" >"$WORK_DIR/logs/reference.log" 2>&1
grep -A6 '^Seeded through' "$WORK_DIR/logs/reference.log"
echo "  ($((SECONDS - started)) s)"
# The import is measured alone: the service's idle work would share the cores with it.
stop "$COMMAND_PID"
COMMAND_PID=""

echo "== export (simulator export, $DOSSIERS dossiers over $DAYS days, seed $SEED)"
java "${JAVA_ARGS[@]}" -XX:TieredStopAtLevel=1 -jar "$SIMULATOR_JAR" export --dossiers "$DOSSIERS" --days "$DAYS" \
  --seed "$SEED" --out "$WORK_DIR/history.ndjson"
ls -l "$WORK_DIR/history.ndjson" | awk '{printf "  %s bytes\n", $5}'

import_run() { # name
  local before after started_ns ended_ns status=0
  before=$(cpu_seconds "$MONGO_PID")
  started_ns=$(date +%s%N)
  # shellcheck disable=SC2046
  /usr/bin/time -f '%U %S' -o "$WORK_DIR/$1.cpu" java "${JAVA_ARGS[@]}" $(profile_opts "$1") -jar "$COMMAND_JAR" \
    import "$WORK_DIR/history.ndjson" --batch-records "$BATCH_RECORDS" "${SERVICE_ARGS[@]}" \
    >"$WORK_DIR/$1.out" 2>"$WORK_DIR/$1.err" || status=$?
  ended_ns=$(date +%s%N)
  after=$(cpu_seconds "$MONGO_PID")
  grep -v '^import ' "$WORK_DIR/$1.err" | grep -v ' WARN ' | head -n 20 || true
  cat "$WORK_DIR/$1.out"
  awk -v wall="$(( (ended_ns - started_ns) / 1000000 ))" -v before="$before" -v after="$after" -v status="$status" \
    '{printf "  exit status %d; the whole command %.1f s wall (JVM start included); CPU: importer %.1f s, database server %.1f s\n", status, wall / 1000, $1 + $2, after - before}' \
    "$WORK_DIR/$1.cpu"
}

echo "== import (java -jar command-side.jar import, batches of $BATCH_RECORDS records)"
import_run first-import
echo "== the same file again (everything already imported: nothing may be appended)"
import_run second-import
echo "== data directory $(du -sh "$WORK_DIR/data" | cut -f1); load average at the end: $(load_note)"
