#!/usr/bin/env bash
# Feed latency at a constant request rate on a seeded embedded H2 database:
#   seeds VIDEOS videos, USERS users and ~INTERACTIONS plays/completions/likes (bench FeedBenchSeeder, direct batch
#   inserts), starts Clipfeed on it, waits until the feed model is loaded and the search index rebuilt, then runs
#   FeedLoad (constant rate, latency from each request's intended start, HdrHistogram) for each scenario, with
#   GET /api/v1/videos/{id} (one catalog read) as the baseline measured in the same run.
# Usage: bench/feed/run.sh   (env: VIDEOS=100000 USERS=10000 INTERACTIONS=1000000 RATE=1000 WARMUP=10 SECONDS=20
#                              SCENARIOS="video for-you for-you-anon following trending hashtag search" KEEP=0)
set -euo pipefail
cd "$(dirname "$0")/../.."
VIDEOS=${VIDEOS:-100000}; USERS=${USERS:-10000}; INTERACTIONS=${INTERACTIONS:-1000000}
RATE=${RATE:-1000}; WARMUP=${WARMUP:-10}; SECONDS_=${SECONDS:-20}
SCENARIOS=${SCENARIOS:-"video for-you for-you-anon following trending hashtag search"}
WORK=$(mktemp -d /tmp/clipfeed-bench-feed.XXXXXX)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; wait 2>/dev/null || true;
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

mvn -q -B -o test-compile -Dskip.npm
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
PORT=$((30000 + RANDOM % 10000))
DB="jdbc:h2:file:$WORK/data/db/clipfeed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

start_app() {
  java -Xmx3g -cp "$CP" io.clipfeed.ClipfeedApplication --server.port="$PORT" --clipfeed.data-dir="$WORK/data" \
    --clipfeed.demo.enabled=false --logging.structured.format.console= > "$WORK/app-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "Clipfeed did not start"; tail -40 "$WORK/app-$1.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

echo "== migrating an empty database"; start_app migrate; stop_app
echo "== seeding"; java -cp "$CP" io.clipfeed.feed.FeedBenchSeeder "$DB" "$VIDEOS" "$USERS" "$INTERACTIONS"
rm -rf "$WORK/data/search" # the seeder wrote behind the index's back: let Clipfeed rebuild it from the catalog
echo "== starting on the seeded database"; T0=$(date +%s); start_app bench
echo "started in $(( $(date +%s) - T0 )) s; $(grep -o 'Feed model loaded[^"]*' "$WORK/app-bench.log" | head -1)"
for _ in $(seq 1 1200); do grep -q "Search index rebuilt" "$WORK/app-bench.log" && break; sleep 0.5; done
echo "$(grep -o 'Search index rebuilt[^"]*' "$WORK/app-bench.log" | head -1)"
echo "== constant rate $RATE req/s, warm-up ${WARMUP}s, measured ${SECONDS_}s each"
for s in $SCENARIOS; do
  java -cp "$CP" io.clipfeed.feed.FeedLoad "http://127.0.0.1:$PORT" "$s" "$RATE" "$WARMUP" "$SECONDS_" "$VIDEOS" "$USERS"
done
echo "heap after: $(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1)"
