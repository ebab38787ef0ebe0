#!/usr/bin/env bash
# The demo lake on this machine: starts the packaged console with the README's run command (embedded
# default, demo on) over a fresh data directory and prints, as they happen, the seconds from launch to
# each milestone (console ready, demo services ready, two clusters ready, a succeeded extraction in
# each pool, the first streaming batch), then the resident memory of every process the console
# started, by kind, at each milestone and after the given minutes, and the machine's used memory.
# Usage (from the repository root, after ./mvnw -B -DskipTests install): src/bench/demo-lake.sh [minutes]
set -euo pipefail
minutes=${1:-5}
jar=src/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 1; }
port=${PORT:-18091}
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT

# Resident memory (MB) of the console, its descendants and every process naming the data directory
# (PostgreSQL's server detaches from its parent), summed by kind of process.
memory() {
  local pids
  pids=$( (echo "$pid"; descendants "$pid"; pgrep -f "$data" || true) | sort -un)
  for p in $pids; do
    [ -r "/proc/$p/status" ] || continue
    local rss cmd kind
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    cmd=$(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null || true)
    case "$cmd" in
      *quarkus-run.jar*) kind=console ;;
      *org.apache.livy.server.LivyServer*) kind=livy ;;
      *org.apache.spark.deploy.SparkSubmit*) kind=spark-driver ;;
      *io.lakeops.demo.DemoServices*) kind=demo-jvm ;;
      *kafka.Kafka*) kind=kafka ;;
      *GeneratorMain*) kind=click-generator ;;
      *mysqld*|*mariadbd*) kind=mariadb ;;
      *postgres*) kind=postgresql ;;
      *) kind=other ;;
    esac
    echo "$kind ${rss:-0}"
  done | awk '{mb[$1] += $2 / 1024; n[$1]++; total += $2 / 1024}
    END {for (k in mb) printf "  %-16s %3d process(es) %6.0f MB\n", k, n[k], mb[k]; printf "  %-16s %22.0f MB\n", "all", total}'
  free -m | awk '/Mem:/ {printf "  machine used     %22d MB of %d MB\n", $3, $2}'
}

descendants() {
  local children
  children=$(pgrep -P "$1" || true)
  for c in $children; do
    echo "$c"
    descendants "$c"
  done
}

since() { echo $(( ($(date +%s%N) - start) / 1000000000 )); }

api() { curl -fs -u "admin:$password" "localhost:$port$1"; }

ready_clusters() { api /api/clusters | grep -o '"state":"READY"' | wc -l; }

succeeded_on() { api "/api/runs?limit=50&state=succeeded" | grep -o "\"cluster\":\"$1-[^\"]*\"" | head -1; }

echo "demo lake benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
start=$(date +%s%N)
LAKEOPS_DATA_DIR=$data PORT=$port java -Xmx256m -XX:+UseSerialGC -Dquarkus.profile=embedded -jar "$jar" > "$data/console.log" 2>&1 &
pid=$!
until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do sleep 0.2; done
echo "$(since) s  console ready"
memory
password=$(grep -o "user 'admin': [^ ]*" "$data/console.log" | awk '{print $3}')
declare -A seen=()
milestone() {
  if [ -z "${seen[$1]:-}" ]; then
    seen[$1]=1
    echo "$(since) s  $1"
    memory
  fi
}
deadline=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  grep -q "demo lake: all demo services ready" "$data/console.log" && milestone "demo services ready"
  [ "$(ready_clusters)" -ge 2 ] && milestone "two clusters ready"
  [ -n "$(succeeded_on small)" ] && milestone "an extraction succeeded on pool small"
  [ -n "$(succeeded_on large)" ] && milestone "an extraction succeeded on pool large"
  api /api/jobs/page-clicks/progress > /dev/null 2>&1 && milestone "first streaming batch published"
  sleep 2
done
echo "$(since) s  after ${minutes} minutes"
memory
