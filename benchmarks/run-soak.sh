#!/usr/bin/env bash
# Soak (issue 14): starts the product as ./run does (embedded MongoDB with its durable file, command
# side, query side, each JVM -Xmx1g with the serial collector, plus a GC log; own ports 27157/18201/18202
# and a fresh data directory under target/soak), seeds the province's reference data, measures the
# capacity (the dossiers' commands sent back to back by 16 clients), then sends dossiers at half of it
# (an open loop) with queries alongside for 20 minutes, sampling every 30 s each JVM's heap after GC,
# threads, open files and connections, the data directory's growth per event, the answers' p50/p99 and
# the projections' backlog. Writes docs/benchmarks/soak.json, soak.csv and soak.svg, and prints a
# flatness verdict per figure. A benchmark: it does not fail when a figure grows.
#   ./benchmarks/run-soak.sh [--help | options]
#   e.g. --minutes 20                  the soak of docs/benchmarks.md
#        --minutes 3 --interval 10 --capacity-seconds 40 --warm-up-seconds 15 --out target/soak/results
#                                      a quick check of the tool
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # -am: the product's modules and the simulator, built from this checkout; tests are not run.
  ./mvnw -q ${MAVEN_ARGS:-} -pl embedded-mongo,command-side,query-side,simulator -am package -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true
fi

simulator_jar=$(ls -t simulator/target/simulator-*[0-9T].jar | head -n 1)
# The benchmark's own JVM is a client that leaves the cores to the product (the quick compiler only,
# the serial collector), as the demo benchmark's.
exec java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$simulator_jar" soak "$@"
