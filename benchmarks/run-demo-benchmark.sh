#!/usr/bin/env bash
# Demo-province benchmark: seeds the simulated province into the product (embedded MongoDB with
# its durable file, command side, query side; own ports and data directory) at the demo's size
# and at 10 times it, and measures the seeding rate (commands/s), the projections' rebuild rate
# (events/s) and GET /timeliness latency (median, p99). Rewrites docs/benchmarks.md's demo
# section, docs/benchmarks/demo.json and docs/benchmarks/demo.svg.
#   ./benchmarks/run-demo-benchmark.sh [--help | options]     e.g. --sizes 30000 for the demo size only
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # -am: the product's modules and the simulator, built from this checkout; tests are not run.
  ./mvnw -q ${MAVEN_ARGS:-} -pl embedded-mongo,command-side,query-side,simulator -am package -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true
fi

simulator_jar=$(ls -t simulator/target/simulator-*[0-9T].jar | head -n 1)
exec java -Xmx1g -jar "$simulator_jar" benchmark "$@"
