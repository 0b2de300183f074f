#!/usr/bin/env bash
# Time to playable and full-ladder realtime factor through the real application (tus upload over HTTP, then
# GET /api/v1/videos/{id} polled every 20 ms from the final PATCH's response), with Debian's ffmpeg CLI doing the
# same work in the same run as the baseline:
#   a1. remux-eligible 60 s 1080x1920 H.264 High + AAC (moov at the end, like a phone)  -> PLAYABLE; CLI: faststart remux
#   a2. 60 s MPEG-2 720x405 (city-cc0.mpg looped)  -> PLAYABLE after the fast 360p rung; CLI: the same ultrafast rung
#   b.  30 s 1080x1920 portrait H.264  -> full processing (ladder, HLS, quality, covers) until progress 100;
#       CLI: the same four-rung ladder in one process (no quality/covers: a lower bound)
# Usage: bench/media/playable.sh [runs] [ladder-runs]   (from the repository root, after
#        `mvn -B -q -o -Dskip.npm -DskipTests package`; needs Debian's ffmpeg for the clips and baselines)
set -euo pipefail
RUNS=${1:-5}
LADDER_RUNS=${2:-3}
MEDIA=${CLIPFEED_SHARED_MEDIA:-../shared/media}
[ -d "$MEDIA" ] || MEDIA=/work/shared/media
OUT=$(mktemp -d /tmp/clipfeed-playable.XXXXXX)
JAR=$(ls target/clipfeed-*.jar | grep -v -e sources -e javadoc | head -1)
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')}
FF="/usr/bin/ffmpeg -hide_banner -loglevel error -y"
APP_PID=
cleanup() { { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; } || true; rm -rf "$OUT"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
timed() { local t; t=$(now); "$@"; echo "$(now) - $t" | bc; }

echo "== making clips in $OUT"
$FF -stream_loop -1 -i "$MEDIA/cup.mp4" -t 60 -vf "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,fps=30" \
  -c:v libx264 -preset veryfast -crf 23 -profile:v high -pix_fmt yuv420p -c:a aac -ar 48000 -ac 2 -b:a 128k "$OUT/remux60.mp4"
$FF -stream_loop -1 -i "$MEDIA/city-cc0.mpg" -t 60 -c:v mpeg2video -q:v 3 -an "$OUT/city60.mkv"
$FF -stream_loop -1 -i "$MEDIA/box.mp4" -t 30 -vf "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,fps=30" \
  -c:v libx264 -preset veryfast -crf 20 -profile:v high -pix_fmt yuv420p -c:a aac -ar 48000 -ac 2 -b:a 128k "$OUT/portrait30.mp4"
# one distinct file per run (content-addressed dedup must not shortcut anything): same streams, another tag
copies() { for i in $(seq "$2"); do $FF -i "$OUT/$1" -map 0 -c copy -metadata comment="run $i" "$OUT/run$i-$1"; echo "$OUT/run$i-$1"; done; }
REMUX=$(copies remux60.mp4 "$RUNS"); CITY=$(copies city60.mkv "$RUNS"); PORTRAIT=$(copies portrait30.mp4 "$LADDER_RUNS")

echo "== starting $JAR on port $PORT"
mkdir -p "$OUT/data"
SERVER_PORT=$PORT CLIPFEED_DATA_DIR="$OUT/data" CLIPFEED_DEMO_ENABLED=false CLIPFEED_MODERATION_MODE=post \
  java -Xmx1g -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 600); do curl -fs "http://localhost:$PORT/actuator/health" >/dev/null && break; sleep 0.5; done
BASE="http://localhost:$PORT"

echo "== a1. remux-eligible 60 s 1080x1920 H.264+AAC: upload complete -> PLAYABLE"
java bench/media/PlayableBench.java "$BASE" playable 60 $REMUX
cli=(); for f in $REMUX; do cli+=($(timed $FF -i "$f" -map 0 -c copy -movflags +faststart "$OUT/cli-remux.mp4")); done
echo "baseline: CLI faststart remux median $(printf '%s\n' "${cli[@]}" | median) s (${cli[*]})"

echo "== a2. 60 s MPEG-2 720x405: upload complete -> PLAYABLE (fast 640x360 rung)"
java bench/media/PlayableBench.java "$BASE" playable 60 $CITY
cli=(); for f in $CITY; do cli+=($(timed $FF -i "$f" -vf "fps=25,scale=640:360,setsar=1,format=yuv420p" -c:v libx264 \
  -preset ultrafast -crf 26 -maxrate 900k -bufsize 1800k -g 50 -movflags +faststart "$OUT/cli-fast.mp4")); done
echo "baseline: CLI ultrafast 360p rung median $(printf '%s\n' "${cli[@]}" | median) s (${cli[*]})"

echo "== b. 30 s 1080x1920 portrait: full processing (realtime factor = 30 s / wall time)"
java bench/media/PlayableBench.java "$BASE" processed 30 $PORTRAIT
# veryfast: what production's per-title effort keeps for a 30 s 1080x1920 title under the default effort budget
x264="-c:v libx264 -preset veryfast -crf 23 -profile:v high -x264-params keyint=60:min-keyint=60:scenecut=0:open-gop=0"
graph="[0:v]fps=30,split=4[s0][s1][s2][s3];[s0]scale=360:640[o0];[s1]scale=540:960[o1];[s2]scale=720:1280[o2];[s3]scale=1080:1920[o3]"
maps=(); caps=(900k 1800k 3000k 6000k); bufs=(1800k 3600k 6000k 12000k)
for i in 0 1 2 3; do maps+=(-map "[o$i]" -map 0:a:0 $x264 -maxrate ${caps[$i]} -bufsize ${bufs[$i]} -c:a aac -ar 48000 -ac 2 -b:a 128k -movflags +faststart "$OUT/cli-l$i.mp4"); done
cli=(); for f in $PORTRAIT; do cli+=($(timed $FF -i "$f" -filter_complex "$graph" "${maps[@]}")); done
m=$(printf '%s\n' "${cli[@]}" | median)
echo "baseline: CLI one-process 4-rung ladder median $m s (${cli[*]}), realtime factor $(echo "30/$m" | bc -l | cut -c1-4)"

echo "== per-step timings from the server log"
grep -E "Upload complete|moved from|media step .* done" "$OUT/app.log" | sed -E 's/^[0-9-]+T?//' | cut -c1-160 | tail -60
