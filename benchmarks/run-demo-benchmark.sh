#!/usr/bin/env bash
# Demo-province benchmark (issue 11): loads the simulated province into the product (embedded MongoDB
# with its durable file, command side, query side, each JVM -Xmx1g with the serial collector as ./run;
# own ports and a fresh data directory per size) at 1x (30,000 dossiers over 16 days, seeded through
# the HTTP API), 10x (300,000 over 160 days) and a province-year (700,000 over 2025), the last two by
# the history import (reference data over HTTP, simulator export, java -jar command-side.jar import).
# For each size it reports the seeding or import rate, the projections' lag while loading (p50/p99/max,
# sampled every second) and their catch-up, each projection's rebuild rate, p50/p99 of the report and
# deadline endpoints, the data directory (running and after a clean stop) and each JVM's heap, and how
# every figure grows from one size to the next. Rewrites docs/benchmarks.md's demo section,
# docs/benchmarks/demo.json and docs/benchmarks/demo.svg.
#   ./benchmarks/run-demo-benchmark.sh [--help | options]
#   e.g. --sizes 30000                     the demo size only, over HTTP
#        --sizes 300000/160:import,province-year:import --keep-runs   the two large sizes, keeping 1x
#        --sizes 300,3000/2:import --no-docs                           a quick check of the tool
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # -am: the product's modules and the simulator, built from this checkout; tests are not run.
  ./mvnw -q ${MAVEN_ARGS:-} -pl embedded-mongo,command-side,query-side,simulator -am package -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true
fi

simulator_jar=$(ls -t simulator/target/simulator-*[0-9T].jar | head -n 1)
# The benchmark's own JVM is the simulator as ./run --demo starts it: a client that leaves the cores to
# the product (the quick compiler only, the serial collector).
exec java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$simulator_jar" benchmark "$@"
