#!/usr/bin/env bash
# Event-store benchmark: our engine vs. axon-mongo 4.12.0 vs. the raw driver, on the embedded
# MongoDB (or on MONGODB_URI when set). Builds what it needs, measures (about three minutes),
# prints a table and rewrites docs/benchmarks.md's section, docs/benchmarks/event-store.{json,svg}.
#   ./benchmarks/run-event-store.sh [--help | options]
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # -am: the sibling modules the benchmark uses, built from this checkout; tests are not run.
  ./mvnw -q ${MAVEN_ARGS:-} -pl benchmarks -am package -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true
fi

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD -- event-store benchmarks 2>/dev/null; then
  revision="$revision with uncommitted changes"
fi
# -Xbatch: the JIT compiles in the foreground, so the warm-up trials finish compilation however
# busy the machine is (the embedded server's JVM gets the same flag).
exec java -Xmx1g -Xbatch -Dgovtrack.revision="$revision" -cp "$classpath" \
  vn.province.govtrack.benchmarks.EventStoreBenchmark "$@"
