#!/usr/bin/env bash
# The JSON API and the dashboard under load: starts the packaged console on the embedded default
# (no demo, no cluster, bcrypt cost 12 as in production) and runs wrk against
#   1. GET /api/runs with HTTP Basic, credential cache off (lakeops.security.credential-cache=0s:
#      bcrypt on every call, the baseline), then on (the default);
#   2. GET / (the dashboard) with a form-login session cookie.
# Each at 10 and 50 connections after a 5 s warm-up; prints wrk's requests/s, latency percentiles
# and errors (timeouts are calls over 2 s), and the console's resident memory after each phase.
# CONSOLE_JAVA_OPTS adds JVM options to the console (for example -Xmx192m -XX:+UseSerialGC).
# Needs wrk (Debian: apt-get install wrk). Usage (from the repository root, after
# ./mvnw -B -DskipTests package): src/bench/api-load.sh [seconds per run]
set -euo pipefail
seconds=${1:-15}
jar=src/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
port=${PORT:-18092}
password=bench-password-$$
basic="Authorization: Basic $(printf 'bench:%s' "$password" | base64 -w0)"

start_console() { # $1: credential cache
  data=$(mktemp -d)
  # shellcheck disable=SC2086
  LAKEOPS_DATA_DIR=$data LAKEOPS_DEMO=false BENCH_PASSWORD=$password java ${CONSOLE_JAVA_OPTS:-} -Dquarkus.profile=embedded \
    -Dlakeops.pools.small.desired=0 -Dlakeops.pools.large.desired=0 \
    -Dlakeops.security.users.bench.roles=admin -Dlakeops.security.users.bench.password-env=BENCH_PASSWORD \
    -Dlakeops.security.credential-cache="$1" -Dquarkus.http.port=$port \
    -jar "$jar" > "$data/console.log" 2>&1 &
  pid=$!
  until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do sleep 0.2; done
}

stop_console() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap 'kill "$pid" 2>/dev/null || true' EXIT

# shellcheck source=load-lib.sh
. "$(dirname "$0")/load-lib.sh"

echo "API and dashboard load, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), ${seconds}s per run, console options: ${CONSOLE_JAVA_OPTS:-none}"

start_console 0s
for c in 10 50; do load "GET /api/runs, Basic, bcrypt every call" $c "$basic" /api/runs; done
echo "  console RSS $(rss)"
stop_console

start_console 5m
for c in 10 50; do load "GET /api/runs, Basic, credential cache" $c "$basic" /api/runs; done
echo "  console RSS $(rss)"
cookie=$(curl -s -o /dev/null -D - -d "j_username=bench&j_password=$password" \
  "localhost:$port/j_security_check" | grep -io 'quarkus-credential=[^;]*')
for c in 10 50; do load "GET / (dashboard), session cookie" $c "Cookie: $cookie" /; done
echo "  console RSS $(rss)"
stop_console
