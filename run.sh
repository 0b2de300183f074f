#!/usr/bin/env bash
# Runs Clipfeed on http://localhost:${SERVER_PORT:-8080} with all state under ${CLIPFEED_DATA_DIR:-./data}.
# Builds the application first when needed. Runs on the newest JDK >= 21 it finds (virtual threads), else the
# default java (17 works too).
set -euo pipefail
cd "$(dirname "$0")"

. scripts/newest-jdk.sh

JAR=$(ls target/clipfeed-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  echo "Building Clipfeed (first run takes a few minutes)..."
  mvn -B -q package -DskipTests
  JAR=$(ls target/clipfeed-*.jar | grep -v original | head -1)
fi

RUN_JDK=$(newest_jdk)
JAVA=${RUN_JDK:+$RUN_JDK/bin/}java
echo "Starting Clipfeed with $("$JAVA" -version 2>&1 | head -1) on http://localhost:${SERVER_PORT:-8080}"
# ZGC by default: pauses well under a millisecond keep the feed's p99 low (with G1, young pauses put signed-in For You's
# p99 at 24 ms at 1,000 req/s; with ZGC 4-7 ms, docs/BENCHMARKS.md). JAVA_OPTS replaces this.
exec "$JAVA" ${JAVA_OPTS:--XX:+UseZGC} -jar "$JAR" "$@"
