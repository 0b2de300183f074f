#!/usr/bin/env bash
# In-process For You ranking cost at bench scale (no HTTP, no database): FeedRankBench trains the production model
# from a synthetic log (VIDEOS videos, USERS users, PLAYS plays each, ~1.7 interactions a play) and times rank()
# against the trending-list walk (baseline). Usage: bench/feed/rank.sh  (env: VIDEOS=100000 USERS=10000 PLAYS=60 CALLS=20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/clipfeed-bench-rank.XXXXXX); trap 'rm -rf "$WORK"' EXIT
mvn -q -B -o test-compile -Dskip.npm
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
java -Xmx4g -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" io.clipfeed.feed.FeedRankBench \
  "${VIDEOS:-100000}" "${USERS:-10000}" "${PLAYS:-60}" "${CALLS:-20000}"
