#!/usr/bin/env bash
# First frame in the swipe player, headless Chromium on an emulated network (CDP Network.emulateNetworkConditions,
# 9 Mbit/s down and up, 80 ms latency per request): fresh page → first video, and swipe → next video with adjacent
# preload against ?preload=off, alternating sessions. Prints medians and the ratio.
# Usage: bench/player/run.sh   (env: SESSIONS=5 SWIPES=4 DWELL_MS=3000 DOWN=1125000 RTT=80)
set -euo pipefail
cd "$(dirname "$0")/../.."
SESSIONS=${SESSIONS:-5}; SWIPES=${SWIPES:-4}; DWELL_MS=${DWELL_MS:-3000}; DOWN=${DOWN:-1125000}; RTT=${RTT:-80}
WORK=$(mktemp -d /tmp/clipfeed-bench-player.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
JAVA=java
for j in /usr/lib/jvm/temurin-25*/bin/java; do [ -x "$j" ] && JAVA=$j; done
[ -f target/classes/static/index.html ] || mvn -q -B -o generate-resources
mvn -q -B -o test-compile -Dskip.npm
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
PORT=$((30000 + RANDOM % 10000))
"$JAVA" -Xmx1g -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" io.clipfeed.web.PlayerBench \
  "$PORT" "$WORK/data" "$SESSIONS" "$SWIPES" "$DWELL_MS" "$DOWN" "$RTT" 2>"$WORK/err.log" | grep -E "RESULT|TIMING|published" \
  || { tail -40 "$WORK/err.log"; exit 1; }
