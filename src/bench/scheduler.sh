#!/usr/bin/env bash
# Scheduler capacity: tick time and state-store calls per tick for N extraction jobs at a 1-minute
# interval, on the embedded store (H2 file) and on DynamoDB (dynalite, installed by the tests' helper).
# Each tick thread count given gets its own scheduler over the same jobs (default: the settings' default).
# Usage (from the repository root): src/bench/scheduler.sh [jobs] [embedded,dynalite] [threads,...]
set -euo pipefail
jobs=${1:-10000}
stores=${2:-embedded,dynalite}
threads=${3:-}
./mvnw -B -q -pl src test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lakeops.bench.SchedulerBenchmark \
  -Dexec.args="$jobs $stores $threads"
