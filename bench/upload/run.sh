#!/usr/bin/env bash
# tus upload throughput on loopback (512 MB in 8 MB PATCHes) against Files.copy of the same file on the same disk,
# measured in the same run. Builds the app, starts it on a free port with a temporary data dir, runs the client,
# prints per-round figures, medians and the ratio, and stops the app.
#   bench/upload/run.sh            # ROUNDS=3 SIZE_MB=512 CHUNK_MB=8 by default
#   BENCH_DIR=/mnt/disk bench/upload/run.sh   # where the data dir and the source file live (default: target/)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
SIZE_MB=${SIZE_MB:-512}
CHUNK_MB=${CHUNK_MB:-8}
# like the run script: the newest JDK on the machine (virtual threads on 21+), else the default java
JAVA_HOME_RUN=$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1 || true)
JAVA=${JAVA:-${JAVA_HOME_RUN:+$JAVA_HOME_RUN/bin/}java}

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -q -B -o package -Dskip.npm -DskipTests || mvn -q -B package -Dskip.npm -DskipTests
fi
JAR=$(ls target/clipfeed-*.jar | grep -v -e '-sources' -e '-javadoc' -e original | head -1)
mkdir -p "${BENCH_DIR:-target}"
WORK=$(mktemp -d "${BENCH_DIR:-$PWD/target}/upload-bench.XXXXXX")
PORT=${PORT:-$((18000 + RANDOM % 2000))}

SERVER_PORT=$PORT CLIPFEED_DATA_DIR="$WORK/data" CLIPFEED_DEMO_ENABLED=false \
  "$JAVA" -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 240); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then tail -50 "$WORK/app.log"; exit 1; fi
  sleep 0.5
done

echo "tus upload bench: $SIZE_MB MB in $CHUNK_MB MB PATCHes, $ROUNDS rounds, disk: $(df -h "$WORK" | tail -1 | awk '{print $1}')"
echo "java: $("$JAVA" -version 2>&1 | head -1)"
"$JAVA" bench/upload/UploadBench.java "http://localhost:$PORT" "$WORK" "$SIZE_MB" "$CHUNK_MB" "$ROUNDS"
