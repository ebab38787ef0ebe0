#!/usr/bin/env bash
# Failover and rotation times in the embedded default, over the packaged console as its own process.
# Usage (from the repository root, after ./mvnw -B -DskipTests package): src/bench/failover.sh [trials]
set -euo pipefail
trials=${1:-5}
./mvnw -B -q -pl src test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=io.lakeops.bench.FailoverBenchmark \
  -Dexec.args="$trials" \
  -Dlakeops.consoleJar="$PWD/src/target/quarkus-app/quarkus-run.jar" \
  -Dlakeops.localClusterHome="$PWD/src/target/local-cluster"
