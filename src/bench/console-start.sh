#!/usr/bin/env bash
# Console start time and memory on the embedded default: starts the packaged console N times on a
# fresh data directory (no local cluster, so only the console is measured), and prints the time from
# launch to a ready /q/health/ready, the JVM's resident memory once ready, and after 20 API reads.
# Usage (from the repository root, after ./mvnw -DskipTests package): src/bench/console-start.sh [runs]
set -euo pipefail
runs=${1:-3}
jar=src/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
port=18090
printf '%-4s %-12s %-12s %-14s\n' run ready_ms rss_mb rss_after_mb
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  LAKEOPS_DATA_DIR=$data PORT=$port java -Dquarkus.profile=embedded \
    -Dlakeops.pools.small.desired=0 -jar "$jar" > "$data/console.log" 2>&1 &
  pid=$!
  until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  password=$(grep -o "user 'admin': [^ ]*" "$data/console.log" | awk '{print $3}')
  for _ in $(seq 1 20); do curl -fs -u "admin:$password" "localhost:$port/api/jobs" > /dev/null; done
  after=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  printf '%-4s %-12s %-12s %-14s\n' "$i" "$ready" "$rss" "$after"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
