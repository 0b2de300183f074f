#!/usr/bin/env bash
# Feed latency at a constant request rate on a seeded database (embedded H2 by default, or PostgreSQL):
#   seeds VIDEOS videos, USERS users and ~INTERACTIONS plays/completions/likes (bench FeedBenchSeeder, direct batch
#   inserts), starts Clipfeed on it, reports how long it took to serve and to learn the interaction log, waits until
#   the search index is rebuilt, then runs FeedLoad (constant rate, latency from each request's intended start,
#   HdrHistogram) for each scenario, with GET /api/v1/videos/{id} (one catalog read) as the baseline measured in
#   the same run. Prints the load average before each scenario, the CPU time the app used per request (warm-up
#   included) and the heap in use at the end.
# Usage: bench/feed/run.sh
#   env: DB=h2|postgres  VIDEOS=100000 USERS=10000 INTERACTIONS=1000000 RATE=1000 WARMUP=60 SECONDS=20 (or MEASURE=20)
#        (a 60 s warm-up measures the steady state: in 10 s, JIT compilation and the first ranking of the 1,000
#        bench viewers still took ~40 % of the app's CPU)
#        SCENARIOS="video for-you for-you-anon following trending hashtag search"
#        KEEP=0 (1 keeps the work directory, the PostgreSQL database and the app's log)
#        PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=clipfeed_feedbench (DB=postgres: dropped and
#        created afresh, dropped again at the end unless KEEP=1)
#        APP_OPTS="-Xmx3g -XX:+UseZGC" (JVM options of the app, as ./run.sh uses ZGC; e.g. add
#        -XX:StartFlightRecording=filename=/tmp/feed.jfr)
#        PROFILE=/some/dir (a CPU flame graph of the app per scenario, warm-up included, with async-profiler from
#        the local Maven repository: PROFILE/<scenario>.html and .collapsed)
# The app and the load generator run on the newest JDK >= 21 found (virtual threads, as ./run.sh does), else java.
# SECONDS is bash's own clock (seconds since the shell started, counted from its value in the environment): read
# it before anything else, so SECONDS=10 means 10 and an unset SECONDS (0 or 1 here) means the default (20).
MEASURE=${MEASURE:-$SECONDS}; [ "$MEASURE" -gt 1 ] || MEASURE=20
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${DB:-h2}
VIDEOS=${VIDEOS:-100000}; USERS=${USERS:-10000}; INTERACTIONS=${INTERACTIONS:-1000000}
RATE=${RATE:-1000}; WARMUP=${WARMUP:-60}; SECONDS_=$MEASURE
SCENARIOS=${SCENARIOS:-"video for-you for-you-anon following trending hashtag search"}
APP_OPTS=${APP_OPTS:--Xmx3g -XX:+UseZGC}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
PGDATABASE=${PGDATABASE:-clipfeed_feedbench}
WORK=$(mktemp -d /tmp/clipfeed-bench-feed.XXXXXX)
APP_PID=""

. scripts/newest-jdk.sh
RUN_JDK=$(newest_jdk)
JAVA=${RUN_JDK:+$RUN_JDK/bin/}java
JCMD=${RUN_JDK:+$RUN_JDK/bin/}jcmd

psql_admin() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -q "$@"; }
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; return; fi
  [ "$DB" = postgres ] && psql_admin -c "DROP DATABASE IF EXISTS $PGDATABASE" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

case "$DB" in
  h2)
    SEED_URL="jdbc:h2:file:$WORK/data/db/clipfeed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    SEED_USER=sa; SEED_PASSWORD=""; APP_ENV=() ;;
  postgres)
    psql_admin -c "DROP DATABASE IF EXISTS $PGDATABASE" -c "CREATE DATABASE $PGDATABASE"
    SEED_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?reWriteBatchedInserts=true"
    SEED_USER=$PGUSER; SEED_PASSWORD=${PGPASSWORD:-}
    APP_ENV=(SPRING_PROFILES_ACTIVE=postgres "SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
      "SPRING_DATASOURCE_USERNAME=$PGUSER" "SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}") ;;
  *) echo "DB must be h2 or postgres"; exit 2 ;;
esac

[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B -o test-compile -Dskip.npm
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
PORT=$((30000 + RANDOM % 10000))
echo "== $(date -u '+%F %T') UTC, DB=$DB, $("$JAVA" -version 2>&1 | head -1), app options: $APP_OPTS"

start_app() {
  env "${APP_ENV[@]}" "$JAVA" $APP_OPTS -cp "$CP" io.clipfeed.ClipfeedApplication --server.port="$PORT" \
    --clipfeed.data-dir="$WORK/data" --clipfeed.demo.enabled=false --logging.structured.format.console= \
    > "$WORK/app-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "Clipfeed did not start"; tail -40 "$WORK/app-$1.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
log_line() { grep -o "$1[^\"]*" "$WORK/app-bench.log" | head -1 || true; }

echo "== migrating an empty database"; start_app migrate; stop_app
echo "== seeding"
"$JAVA" -cp "$CP" io.clipfeed.feed.FeedBenchSeeder "$SEED_URL" "$VIDEOS" "$USERS" "$INTERACTIONS" "$SEED_USER" \
  "$SEED_PASSWORD"
[ "$DB" = postgres ] && psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$PGDATABASE" -q -c ANALYZE
# The seeder wrote behind the search index's back: with the search scenario, let Clipfeed rebuild the index from the
# catalog (minutes at 100k videos) and wait for it; without it, keep the empty index so no rebuild competes for CPU.
case " $SCENARIOS " in *" search "*) SEARCH=1; rm -rf "$WORK/data/search" ;; *) SEARCH=0 ;; esac
echo "== starting on the seeded database (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
T0=$(date +%s%N); start_app bench
echo "serving (health UP) after $(( ($(date +%s%N) - T0) / 1000000 )) ms; $(log_line 'Feed lists ready')"
for _ in $(seq 1 2400); do grep -q "Feed model loaded" "$WORK/app-bench.log" && break; sleep 0.25; done
echo "interaction log learnt after $(( ($(date +%s%N) - T0) / 1000000 )) ms from launch; $(log_line 'Feed model loaded')"
if [ "$SEARCH" = 1 ]; then
  for _ in $(seq 1 7200); do grep -q "Search index rebuilt" "$WORK/app-bench.log" && break; sleep 0.5; done
  echo "$(log_line 'Search index rebuilt')"
fi
echo "heap after start: $("$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+[KMG]' | head -1)"
echo "== constant rate $RATE req/s, warm-up ${WARMUP}s, measured ${SECONDS_}s each"
PROFILER=""
if [ -n "${PROFILE:-}" ]; then
  AP_JAR=$(ls ~/.m2/repository/tools/profiler/async-profiler/*/async-profiler-*-linux-x64.jar | tail -1)
  mkdir -p "$PROFILE" "$WORK/ap" && unzip -o -q "$AP_JAR" -d "$WORK/ap"
  PROFILER=$(find "$WORK/ap" -name libasyncProfiler.so | head -1)
fi
# CPU time the app used (user + system, ms): per request it is a figure the other sessions on the machine disturb far
# less than latency
TICK_MS=$((1000 / $(getconf CLK_TCK)))
app_cpu_ms() { awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$APP_PID/stat"; }
profiler() { [ -z "$PROFILER" ] || "$JCMD" "$APP_PID" JVMTI.agent_load "$PROFILER" "\"$1\"" >/dev/null; } # quoted: jcmd splits at commas
for s in $SCENARIOS; do
  echo "   load average before $s: $(cut -d' ' -f1-3 /proc/loadavg)"
  profiler start,event=cpu,interval=2ms
  CPU0=$(app_cpu_ms)
  "$JAVA" -cp "$CP" io.clipfeed.feed.FeedLoad "http://127.0.0.1:$PORT" "$s" "$RATE" "$WARMUP" "$SECONDS_" "$VIDEOS" "$USERS"
  CPU1=$(app_cpu_ms)
  echo "   app CPU during $s (warm-up included): $((CPU1 - CPU0)) ms, $(awk -v c=$((CPU1 - CPU0)) \
    -v n=$((RATE * (WARMUP + SECONDS_))) 'BEGIN { printf "%.3f", c / n }') ms per request"
  profiler "dump,file=${PROFILE:-}/$s.collapsed"; profiler "stop,file=${PROFILE:-}/$s.html"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JCMD" "$APP_PID" GC.run >/dev/null 2>&1 || true
echo "heap after the run (after a full GC): $("$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+[KMG]' | head -1)"
