#!/usr/bin/env bash
# What one HTTP command costs the product, and what its Idempotency-Key adds: starts the product on
# a fresh store (own ports and data directory), seeds the demo province's reference data, then its
# dossiers' commands with their keys and, on another fresh store, without; prints commands/s, the
# database commands the command side sent per HTTP command (by command name) and the CPU time of
# each JVM per command, as a markdown table (docs/benchmarks.md quotes one).
#   ./benchmarks/run-command-costs.sh [--help | options]     e.g. --dossiers 1500 --rounds 2
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # -am: the product's modules and the simulator, built from this checkout; tests are not run.
  ./mvnw -q ${MAVEN_ARGS:-} -pl embedded-mongo,command-side,query-side,simulator -am package -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true
fi

simulator_jar=$(ls -t simulator/target/simulator-*[0-9T].jar | head -n 1)
exec java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$simulator_jar" command-costs "$@"
