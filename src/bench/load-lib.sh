#!/usr/bin/env bash
# Shared by the load benchmarks: wrk against one path of a running console ($port, $pid).

# load <label> <connections> <header> <path>: a 5 s warm-up, then $seconds of wrk; one line of
# requests/s, latency percentiles and errors (wrk counts calls over 2 s as timeouts).
load() {
  wrk -t2 -c"$2" -d5s -H "$3" "http://localhost:$port$4" > /dev/null # warm-up
  printf '%-44s ' "$1, -c$2"
  wrk -t2 -c"$2" -d"${seconds}s" --latency -H "$3" "http://localhost:$port$4" \
    | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
           /Non-2xx/ {bad=$NF} /Socket errors/ {errors=$0}
           END {printf "%9s req/s  p50 %8s  p90 %8s  p99 %8s%s%s\n", rps, p50, p90, p99,
                bad ? "  NON-2xx " bad : "", errors ? " " errors : ""}'
}

# The console's resident memory.
rss() { echo "$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MB"; }
