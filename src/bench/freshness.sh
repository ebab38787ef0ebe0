#!/usr/bin/env bash
# Extraction freshness in the embedded default: for each schedule, starts the packaged console with
# the README's run command (demo lake on, fresh data directory, free port) and the demo's jobs at
# that schedule instead of every minute, lets the demo shop (MariaDB, rows changing every 3 s) be
# extracted for the given minutes, then prints, for every row extracted in that period, the time
# from its change in the source (its updated_at) to its batch's publication in the lake (the
# manifest's publishedAt): p50, p95, max, and per run where the time went (io.lakeops.jobs.bench
# .LakeFreshness, which reads the rows back from the published Parquet files without Spark).
# The first window of each job (a full load of what the shop had before) is left out, as are runs
# scheduled before both jobs' first run succeeded (the lake warming up).
# Usage (from the repository root, after ./mvnw -B -DskipTests install):
#   src/bench/freshness.sh [schedule-seconds ...] [minutes]
# With two or more arguments the last one is the minutes; default: 30 and 60 s, 4 minutes each.
# CONSOLE_OPTS adds JVM options to the console's (say, -Dlakeops.local-clusters.spark-conf...).
set -euo pipefail
# shellcheck disable=SC2086 # CONSOLE_OPTS is a list of options
schedules=(30 60)
minutes=4
if [ $# -ge 2 ]; then
  schedules=("${@:1:$(($# - 1))}")
  minutes=${*: -1}
elif [ $# -eq 1 ]; then
  schedules=("$1")
fi
jar=src/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 1; }
pid=
data=
trap 'kill "${pid:-0}" 2>/dev/null && wait "$pid" 2>/dev/null; [ -n "$data" ] && rm -rf "$data"' EXIT

./mvnw -B -q -pl spark-jobs test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="spark-jobs/target/test-classes:spark-jobs/target/classes:$(cat spark-jobs/target/bench.classpath)"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
api() { curl -fs -u "admin:$password" "localhost:$port$1"; }
# The first succeeded run of a job, if any.
succeeded() { api "/api/runs?limit=500&state=succeeded&job=$1" | grep -c '"id"' || true; }
# Runs of the extraction jobs scheduled before $1 that have not finished yet.
unfinished() {
  api "/api/runs?limit=500" | grep -o '"jobId":"shop-[a-z]*","scheduledFor":"[^"]*"[^}]*},"attempt":[0-9]*,"state":"[A-Z]*"' \
    | awk -F'"' -v to="$1" '$8 < to && $0 !~ /"state":"(SUCCEEDED|FAILED|CANCELLED|LOST)"/' | wc -l
}
next_boundary() { # the first multiple of $1 seconds after now, as an ISO instant
  local now
  now=$(date +%s)
  date -u -d "@$(( (now / $1 + 1) * $1 ))" +%Y-%m-%dT%H:%M:%SZ
}

echo "extraction freshness, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "schedules: ${schedules[*]} s, $minutes minutes each; CONSOLE_OPTS: ${CONSOLE_OPTS:-none}"
for s in "${schedules[@]}"; do
  data=$(mktemp -d)
  port=$(free_port)
  sed "s/every 1m/every ${s}s/" src/demo/jobs.yaml > "$data/jobs.yaml"
  start=$(date +%s)
  LAKEOPS_DATA_DIR=$data/data LAKEOPS_JOBS_FILE=$data/jobs.yaml PORT=$port \
    java -Xmx256m -XX:+UseSerialGC -Dquarkus.profile=embedded -Dlakeops.jobs.minimum-interval="${s}s" \
    ${CONSOLE_OPTS:-} -jar "$jar" > "$data/console.log" 2>&1 &
  pid=$!
  until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$data/console.log"; exit 1; }
    sleep 0.5
  done
  # The generated password is logged just after the console is ready, not always before.
  until grep -q "user 'admin': " "$data/console.log"; do sleep 0.2; done
  password=$(grep -o "user 'admin': [^ ]*" "$data/console.log" | awk '{print $3}')
  until [ "$(succeeded shop-orders)" -ge 1 ] && [ "$(succeeded shop-customers)" -ge 1 ]; do
    [ $(( $(date +%s) - start )) -lt 600 ] || { echo "every ${s}s: no first run succeeded in 10 minutes"; exit 1; }
    sleep 2
  done
  from=$(next_boundary "$s")
  to=$(date -u -d "@$(( $(date -d "$from" +%s) + minutes * 60 ))" +%Y-%m-%dT%H:%M:%SZ)
  echo "every ${s}s: first runs succeeded $(( $(date +%s) - start )) s after the start; measuring windows scheduled in [$from, $to); load average $(load)"
  sleep $(( $(date -d "$to" +%s) - $(date +%s) ))
  echo "every ${s}s: period over; load average $(load)"
  # The runs of the period finish (or time out, counted as not succeeded).
  deadline=$(( $(date +%s) + 300 ))
  while [ "$(unfinished "$to")" -gt 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 3; done
  sleep 12 # the audit mirror's pass over the last runs' changes
  java -cp "$cp" io.lakeops.jobs.bench.LakeFreshness "http://localhost:$port" admin "$password" \
    "$data/data/lake" "$from" "$to" updated_at "every ${s}s" \
    || { cp "$data/console.log" "/tmp/freshness-console-$s.log"; echo "every ${s}s: the report failed; console log in /tmp/freshness-console-$s.log"; }
  echo "every ${s}s: console WARN/ERROR lines: $(grep -cE ' (WARN|ERROR) ' "$data/console.log" || true); load average $(load)"
  kill "$pid"; wait "$pid" || true; pid=
  rm -rf "$data"; data=
done
