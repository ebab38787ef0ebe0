#!/usr/bin/env bash
# The scheduler's pass at scale in the packaged console, audit included: defines N extraction jobs
# at `every 1m` (SeedDueJobs) in the embedded store or in dynalite, starts the console over them
# with the README's options (no demo, no cluster: the runs made stay scheduled), and waits for the
# pass that turns all N due windows into runs. Prints that pass's time from the console's log
# (state store writes and the audit entry of each run created, one audit insert per run), the
# audit mirror's pass times that follow (it reads the N changes back and recognises them as the
# console's own), the audit entries written, and the console's resident memory.
# Usage (from the repository root, after ./mvnw -B -DskipTests install):
#   src/bench/scheduler-pass.sh [jobs] [embedded|dynalite]
# CONSOLE_OPTS adds JVM options to the console's (say, -XX:StartFlightRecording=filename=pass.jfr).
set -euo pipefail
# shellcheck disable=SC2086 # CONSOLE_OPTS is a list of options
jobs=${1:-10000}
store=${2:-embedded}
jar=src/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 1; }
# shellcheck source=load-lib.sh
. "$(dirname "$0")/load-lib.sh"
port=${PORT:-18095}
password=bench-password-$$
data=$(mktemp -d)
seeder=
trap 'kill "${pid:-0}" 2>/dev/null || true; [ -n "$seeder" ] && { exec 3>&-; wait "$seeder" || true; }; rm -rf "$data"' EXIT

echo "scheduler pass, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), $store, $jobs jobs"
./mvnw -B -q -pl src test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="src/target/test-classes:src/target/classes:$(cat src/target/bench.classpath)"
store_options=()
if [ "$store" = dynalite ]; then
  mkfifo "$data/seeder-input"
  java -cp "$cp" io.lakeops.bench.SeedDueJobs dynalite "$data" "$jobs" < "$data/seeder-input" > "$data/seed.log" 2>&1 &
  seeder=$!
  exec 3> "$data/seeder-input" # the seeder serves dynalite until this closes
  until grep -q '^dynalite ' "$data/seed.log"; do
    kill -0 "$seeder" 2>/dev/null || { cat "$data/seed.log"; exit 1; }
    sleep 1
  done
  grep '^seeded' "$data/seed.log"
  store_options=(-Dlakeops.store.type=dynamodb -Dlakeops.store.dynamodb.table-prefix=bench-
    "-Dlakeops.store.dynamodb.endpoint-override=$(sed -n 's/^dynalite //p' "$data/seed.log")"
    -Dlakeops.store.dynamodb.region=us-east-1)
  export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
else
  java -cp "$cp" io.lakeops.bench.SeedDueJobs embedded "$data" "$jobs"
fi

LAKEOPS_DATA_DIR=$data LAKEOPS_DEMO=false BENCH_PASSWORD=$password java -Xmx256m -XX:+UseSerialGC \
  -Dquarkus.profile=embedded -Dlakeops.pools.small.desired=0 -Dlakeops.pools.large.desired=0 \
  -Dlakeops.security.users.bench.roles=admin -Dlakeops.security.users.bench.password-env=BENCH_PASSWORD \
  ${CONSOLE_OPTS:-} "${store_options[@]}" -Dquarkus.http.port="$port" -jar "$jar" > "$data/console.log" 2>&1 &
pid=$!
until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { tail -30 "$data/console.log"; exit 1; }
  sleep 0.2
done
echo "console ready at $(date -u +%H:%M:%S); the jobs are due at the next minute"
created() { sed -n 's/.*Scheduler pass in [0-9]* ms: \([0-9]*\) runs created.*/\1/p' "$data/console.log" | awk '{s+=$1} END {print s+0}'; }
deadline=$(( $(date +%s) + 180 ))
until [ "$(created)" -ge "$jobs" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "only $(created) runs created in time"; break; }
  sleep 1
done
grep -o 'Scheduler pass in .*' "$data/console.log" | sed 's/^/  /'
sleep 12 # two audit mirror passes over the new runs
basic="Authorization: Basic $(printf 'bench:%s' "$password" | base64 -w0)"
curl -fs -H "$basic" "localhost:$port/q/metrics" \
  | grep -E '^lakeops_(audit_sync_pass_seconds_(max|count|sum)|scheduler_pass_seconds_max)' | sed 's/^/  /'
grep -E 'WARN|ERROR' "$data/console.log" | head -5 | sed 's/^/  log: /' || true
echo "  console RSS $(rss)"
kill "$pid"; wait "$pid" || true; pid=
h2=$(ls src/target/quarkus-app/lib/main/com.h2database.h2-*.jar)
java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$data/lakeops" -user lakeops -password "" \
  -sql "SELECT action, actor, COUNT(*) AS entries FROM audit_entry GROUP BY action, actor ORDER BY 1" \
  | sed 's/^/  audit: /'
