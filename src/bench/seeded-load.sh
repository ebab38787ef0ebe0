#!/usr/bin/env bash
# Pages and API at the scale of a large installation: seeds a fresh embedded store (SeedStore: 100
# clusters, 10,000 jobs, 100,000 runs, 1,000,000 audit entries by default), starts the packaged
# console over it with the README's options (no demo, no cluster), and runs wrk at 50 connections
# against the dashboard, /runs, /audit (unfiltered and by actor), a run's page and /api/runs.
# Prints the seeding times, each page's requests/s and latency percentiles, and the console's
# resident memory at the end. Needs wrk (Debian: apt-get install wrk).
# Usage (from the repository root, after ./mvnw -B -DskipTests install):
#   src/bench/seeded-load.sh [seconds per run] [clusters jobs runs audit]
# SEEDED=<data dir> starts from a copy of a store seeded before (SeedStore <dir> ...) instead;
# JAR=<quarkus-run.jar> measures another build (a baseline) than src/target's.
set -euo pipefail
seconds=${1:-15}
scale="${2:-100} ${3:-10000} ${4:-100000} ${5:-1000000}"
jar=${JAR:-src/target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 1; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
# shellcheck source=load-lib.sh
. "$(dirname "$0")/load-lib.sh"
port=${PORT:-18093}
password=bench-password-$$
basic="Authorization: Basic $(printf 'bench:%s' "$password" | base64 -w0)"
data=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

echo "seeded load, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), ${seconds}s per run"
if [ -n "${SEEDED:-}" ]; then
  cp -r "$SEEDED/." "$data/"
  echo "store copied from $SEEDED"
else
  ./mvnw -B -q -pl src test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.classpathScope=test -Dexec.mainClass=io.lakeops.bench.SeedStore -Dexec.args="$data $scale"
fi

start=$(date +%s%N)
LAKEOPS_DATA_DIR=$data LAKEOPS_DEMO=false BENCH_PASSWORD=$password java -Xmx256m -XX:+UseSerialGC \
  -Dquarkus.profile=embedded -Dlakeops.pools.small.desired=0 -Dlakeops.pools.large.desired=0 \
  -Dlakeops.security.users.bench.roles=admin -Dlakeops.security.users.bench.password-env=BENCH_PASSWORD \
  -Dquarkus.http.port="$port" -jar "$jar" > "$data/console.log" 2>&1 &
pid=$!
until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do sleep 0.2; done
echo "console ready over the seeded store in $(( ($(date +%s%N) - start) / 1000000 )) ms"
cookie=$(curl -s -o /dev/null -D - -d "j_username=bench&j_password=$password" \
  "localhost:$port/j_security_check" | grep -io 'quarkus-credential=[^;]*')
run=$(curl -fs -H "$basic" "localhost:$port/api/runs?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
for path in / /runs /audit "/audit?actor=alice" "/runs/$run"; do
  load "GET $path" 50 "Cookie: $cookie" "$path"
done
load "GET /api/runs (Basic)" 50 "$basic" /api/runs
echo "  console RSS $(rss)"
