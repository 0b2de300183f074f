#!/usr/bin/env bash
# First-frame lab: media variants (make-media.sh, Debian ffmpeg) and static pages (make-pages.sh) served by nginx,
# measured in the bench's headless Chromium with the same network emulation (io.clipfeed.web.FirstFrameLab).
# Usage: bench/player/lab/lab.sh PAGE…   (env: ROUNDS=5 DOWN=1125000 RTT=80 CLIP=/work/shared/media/cup.mp4,
#   LAB_MEDIA='a.mp4 b.mp4' → pages ff-x-a.html…, LAB_REMOTE=URL → ff-remote.html)
# e.g.  bench/player/lab/lab.sh ff-av.html ff-v.html 'next.html?file=av.mp4&mode=warm'
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${ROUNDS:-5}; DOWN=${DOWN:-1125000}; RTT=${RTT:-80}; CLIP=${CLIP:-/work/shared/media/cup.mp4}
WORK=$(mktemp -d /tmp/clipfeed-lab.XXXXXX)
bench/player/lab/make-media.sh "$CLIP" "$WORK/media" >/dev/null 2>&1
for f in ${LAB_MEDIA:-}; do cp "$f" "$WORK/media/x-$(basename "$f")"; done
ffmpeg -v error -ss 1 -i "$CLIP" -frames:v 1 -q:v 4 "$WORK/media/cover.jpg"
[ -f target/classes/static/index.html ] || mvn -q -B -o generate-resources
cp -r target/classes/static/assets "$WORK/assets"  # the client's real bundle and stylesheet
bench/player/lab/make-pages.sh "$WORK" >/dev/null
chmod -R a+rX "$WORK"  # nginx workers run as nobody
PORT=$((40000 + RANDOM % 10000))
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx.conf" <<CONF
daemon off; worker_processes 1; error_log $WORK/nginx/logs/error.log; pid $WORK/nginx/nginx.pid;
events { worker_connections 64; }
http { access_log off; types { text/html html; video/mp4 mp4; image/jpeg jpg; text/javascript js; text/css css; }
  gzip on; gzip_types text/javascript text/css; default_type application/octet-stream;
  server { listen 127.0.0.1:$PORT; root $WORK; add_header Cache-Control no-store; } }
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" & NGINX=$!
trap 'kill $NGINX; rm -rf "$WORK"' EXIT
JAVA=java
for j in /usr/lib/jvm/temurin-25*/bin/java; do [ -x "$j" ] && JAVA=$j; done
mvn -q -B -o test-compile -Dskip.npm
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" io.clipfeed.web.FirstFrameLab \
  "http://127.0.0.1:$PORT" "$ROUNDS" "$DOWN" "$RTT" "$@" 2>"$WORK/err.log" | grep LAB || { tail -30 "$WORK/err.log"; exit 1; }
