#!/usr/bin/env bash
# Console start time and memory on the embedded default: starts the packaged console N times on a
# fresh data directory (no demo, no local cluster, so only the console is measured) with the JVM's
# defaults (the baseline) and with the README's options (heap size, serial GC), and
# prints the time from launch to a ready /q/health/ready, the JVM's resident memory once ready, and
# after 20 API reads. A second start over the same data directory (no migrations, no password to
# generate) is measured too.
# With AOT_JAVA set to the java of a JDK 25 or later, the README's options are measured on that JDK
# too, without (readme-25) and with (readme-aot) an AOT cache (JEP 483/514) made by one training
# start of the console beforehand, stopped once ready.
# Usage (from the repository root, after ./mvnw -DskipTests package): src/bench/console-start.sh [runs]
set -euo pipefail
runs=${1:-3}
app=src/target/quarkus-app
jar=$app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
readme_opts="-Xmx256m -XX:+UseSerialGC"
port=18090
echo "console start, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-10s %-7s %-4s %-10s %-8s %-8s %-12s\n' options start run ready_ms cpu_ms rss_mb rss_after_mb

measure() { # $1: label, $2: JVM options, $3: data directory, $4: first|again, $5: run, [$6: java]
  local start pid ready cpu rss password after
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  LAKEOPS_DATA_DIR=$3 LAKEOPS_DEMO=false PORT=$port "${6:-java}" $2 -Dquarkus.profile=embedded \
    -Dlakeops.pools.small.desired=0 -Dlakeops.pools.large.desired=0 -jar "$jar" >> "$3/console.log" 2>&1 &
  pid=$!
  until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  # CPU the JVM used until ready (user + system, all threads): steadier than ready_ms on a busy machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  until grep -q "user 'admin': " "$3/console.log"; do sleep 0.05; done
  password=$(grep -o "user 'admin': [^ ]*" "$3/console.log" | awk '{print $3}')
  for _ in $(seq 1 20); do curl -fs -u "admin:$password" "localhost:$port/api/jobs" > /dev/null; done
  after=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  printf '%-10s %-7s %-4s %-10s %-8s %-8s %-12s\n' "$1" "$4" "$5" "$ready" "$cpu" "$rss" "$after"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

labels="default readme"
if [ -n "${AOT_JAVA:-}" ]; then
  aot=$(mktemp -d)/console.aot
  echo "AOT_JAVA: $("$AOT_JAVA" -version 2>&1 | head -1); training start for $aot:"
  data=$(mktemp -d)
  measure train "$readme_opts -XX:AOTCacheOutput=$aot" "$data" first 0 "$AOT_JAVA"
  rm -rf "$data"
  labels="$labels readme-25 readme-aot"
fi
for i in $(seq 1 "$runs"); do
  for label in $labels; do
    opts="" java=java
    case "$label" in
      readme) opts=$readme_opts ;;
      readme-25) opts=$readme_opts java=$AOT_JAVA ;;
      readme-aot) opts="$readme_opts -XX:AOTCache=$aot" java=$AOT_JAVA ;;
    esac
    data=$(mktemp -d)
    measure "$label" "$opts" "$data" first "$i" "$java"
    measure "$label" "$opts" "$data" again "$i" "$java"
    rm -rf "$data"
  done
done
