#!/usr/bin/env bash
# Run command -> healthy: seconds from process start until /actuator/health/readiness says UP, and the used heap
# after start (jcmd GC.heap_info after a full GC), median of N runs. Demo seeding is left on, as a newcomer runs it.
# Usage: bench/startup/measure.sh [runs]   (needs a built jar: mvn -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAR=$(ls target/clipfeed-*.jar | grep -v original | head -1)
JAVA_HOME_RUN=$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1 || true)
JAVA=${JAVA_HOME_RUN:+$JAVA_HOME_RUN/bin/}java
JCMD=${JAVA_HOME_RUN:+$JAVA_HOME_RUN/bin/}jcmd
PORT=18480
secs=(); heaps=()
for i in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d)
  start=$(date +%s.%N)
  SERVER_PORT=$PORT CLIPFEED_DATA_DIR=$DATA "$JAVA" -jar "$JAR" >"$DATA/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.05; done
  end=$(date +%s.%N)
  sleep 2
  "$JCMD" "$pid" GC.run >/dev/null
  used=$("$JCMD" "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$DATA"
  secs+=("$(echo "$end - $start" | bc)"); heaps+=("$((used / 1024))")
  echo "run $i: healthy after ${secs[-1]} s, heap used ${heaps[-1]} MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median: healthy after $(median "${secs[@]}") s, heap used $(median "${heaps[@]}") MB ($("$JAVA" -version 2>&1 | head -1))"
