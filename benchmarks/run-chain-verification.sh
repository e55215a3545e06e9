#!/usr/bin/env bash
# Chain verification benchmark (ADR 0010): writes 200,000 events (half in commits of one event, half
# in commits of one hundred) into the embedded MongoDB (durable backend; --memory for the in-memory
# one; MONGODB_URI when set), then times full verifications of the hash chain from the database.
# Prints events/s and CPU times and rewrites docs/benchmarks/chain-verification-<h2|memory|mongodb>.json.
#   ./benchmarks/run-chain-verification.sh [--events=N] [--runs=N] [--memory]
# SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven options (e.g. MAVEN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q ${MAVEN_ARGS:-} -pl benchmarks -am package -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true
fi

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD -- event-store benchmarks 2>/dev/null; then
  revision="$revision with uncommitted changes"
fi
exec java -Xmx1g -Dgovtrack.revision="$revision" -cp "$classpath" \
  vn.province.govtrack.benchmarks.ChainVerificationBenchmark "$@"
