#!/usr/bin/env bash
# Social benchmarks on PostgreSQL: like endpoint throughput and p99 with CLIENTS concurrent clients, against the
# same write as plain SQL through JDBC and a trivial GET of the same app (baselines in the same run); then the first
# and a deep page (cursor 49,000 comments in) of a video with 50,000 comments seeded with SQL.
#   bench/social/run.sh                       # CLIENTS=200 SECONDS=15 ROUNDS=3
#   SKIP_BUILD=1 PG=postgresql://127.0.0.1:5432 bench/social/run.sh
# Write limits are raised for the run (the defaults would throttle 200 clients from one address).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-200}
SECONDS_PER_SERIES=${SECONDS:-15}
ROUNDS=${ROUNDS:-3}
PG_HOST=${PG_HOST:-127.0.0.1}
DB=clipfeed_social_bench
JAVA_HOME_RUN=$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1 || true)
JAVA=${JAVA:-${JAVA_HOME_RUN:+$JAVA_HOME_RUN/bin/}java}
M2=${M2:-$HOME/.m2/repository}
CP="$M2/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar:$(ls "$M2"/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | tail -1)"
[[ -f ${CP%%:*} ]] || mvn -q -B dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -q -B -o package -Dskip.npm -DskipTests || mvn -q -B package -Dskip.npm -DskipTests
fi
JAR=$(ls target/clipfeed-*.jar | grep -v -e '-sources' -e '-javadoc' -e original | head -1)
psql -q -h "$PG_HOST" -U postgres -c "drop database if exists $DB" -c "create database $DB"
WORK=$(mktemp -d "$PWD/target/social-bench.XXXXXX")
PORT=${PORT:-$((18000 + RANDOM % 2000))}

SERVER_PORT=$PORT CLIPFEED_DATA_DIR="$WORK/data" CLIPFEED_DEMO_ENABLED=false SPRING_PROFILES_ACTIVE=postgres \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
  "$JAVA" -jar "$JAR" --clipfeed.social.user-writes-per-minute=100000000 \
  --clipfeed.social.ip-writes-per-minute=100000000 >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 240); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then tail -50 "$WORK/app.log"; exit 1; fi
  sleep 0.5
done

echo "social bench: $CLIENTS clients, ${SECONDS_PER_SERIES}s per series, $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$JAVA" -version 2>&1 | head -1); $(psql -h "$PG_HOST" -U postgres -tAc 'select version()' | cut -d' ' -f1-2)"
"$JAVA" -cp "$CP" bench/social/SocialBench.java "http://localhost:$PORT" "jdbc:postgresql://$PG_HOST:5432/$DB" \
  "$CLIENTS" "$SECONDS_PER_SERIES" "$ROUNDS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
