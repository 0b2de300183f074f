#!/usr/bin/env bash
# Delivery against nginx, same file (shared/media/cup.mp4, 1.5 MB), loopback, wrk with 64 connections:
#   random 64 KiB ranges (req/s) and whole-file GETs (MB/s), served by Tomcat (the main port) and by the media
#   edge (Netty, clipfeed.delivery.edge.*). Prints medians over RUNS and the ratios to nginx.
# nginx runs with sendfile and without tcp_nopush: with TCP_CORK every small response waited for the delayed ACK
#   (~40 ms per 64 KiB range: 1.6k req/s instead of 26k), which made nginx look slow, not Clipfeed fast.
# Usage: bench/delivery/run.sh            (env: RUNS=3 DURATION=10s CONNECTIONS=64 THREADS=2 TRANSFER=auto SENDFILE_MIN=256KB)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}; DURATION=${DURATION:-10s}; CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}
TRANSFER=${TRANSFER:-auto}; SENDFILE_MIN=${SENDFILE_MIN:-256KB}
MEDIA=$(cd ../shared/media 2>/dev/null && pwd || echo /work/shared/media)
WORK=$(mktemp -d /tmp/clipfeed-bench-delivery.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

JAVA=java
for j in /usr/lib/jvm/temurin-25*/bin/java; do [ -x "$j" ] && JAVA=$j; done
mvn -q -B -o test-compile -Dskip.npm
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
NGINX_PORT=$((20000 + RANDOM % 10000)); APP_PORT=$((30000 + RANDOM % 10000))

mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush off; keepalive_requests 1000;
  types { video/mp4 mp4; }
  server { listen 127.0.0.1:$NGINX_PORT; root $MEDIA; }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' & PIDS+=($!)

"$JAVA" -Xmx1g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" \
  io.clipfeed.delivery.DeliveryBenchServer "$APP_PORT" "$WORK/data" "$WORK/url.txt" "$TRANSFER" "$SENDFILE_MIN" \
  > "$WORK/app.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 240); do [ -s "$WORK/url.txt" ] && break; sleep 0.5; done
[ -s "$WORK/url.txt" ] || { echo "delivery did not start"; tail -50 "$WORK/app.log"; exit 1; }
APP_URL="http://127.0.0.1:$APP_PORT$(sed -n 1p "$WORK/url.txt")"
EDGE_URL="http://127.0.0.1:$(sed -n 3p "$WORK/url.txt")$(sed -n 1p "$WORK/url.txt")"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/cup.mp4"
export FILE_LENGTH=$(sed -n 2p "$WORK/url.txt")
curl -sf -o /dev/null "$NGINX_URL" && curl -sf -o /dev/null "$APP_URL" && curl -sf -o /dev/null "$EDGE_URL"

run() { # name url script -> appends "name value" lines
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "bench/delivery/$3" "$2" | grep RESULT)
  echo "$1 $out" | tee -a "$WORK/results.txt"
}
echo "warm-up (JIT, page cache)"
wrk -t2 -c64 -d5s -s bench/delivery/range64k.lua "$APP_URL" >/dev/null
wrk -t2 -c64 -d5s "$APP_URL" >/dev/null
wrk -t2 -c64 -d5s -s bench/delivery/range64k.lua "$EDGE_URL" >/dev/null
wrk -t2 -c64 -d5s "$EDGE_URL" >/dev/null
for i in $(seq 1 "$RUNS"); do
  run nginx-range "$NGINX_URL" range64k.lua; run delivery-range "$APP_URL" range64k.lua
  run edge-range "$EDGE_URL" range64k.lua
  run nginx-whole "$NGINX_URL" whole.lua;    run delivery-whole "$APP_URL" whole.lua
  run edge-whole "$EDGE_URL" whole.lua
done
python3 - "$WORK/results.txt" "$TRANSFER sendfile-min=$SENDFILE_MIN" "$JAVA" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name = line.split()[0]
    m = dict(re.findall(r'(\S+)=(\S+)', line))
    if int(m['non2xx']) or int(m['errors']):
        print(f"WARNING {name}: non2xx={m['non2xx']} errors={m['errors']}")
    rows.setdefault(name, []).append((float(m['req/s']), float(m['bytes/s'])))
med = {k: (statistics.median(r for r, _ in v), statistics.median(b for _, b in v)) for k, v in rows.items()}
print(f"\ntransfer={sys.argv[2]} java={sys.argv[3]} runs={len(rows['nginx-range'])}")
for server in ("delivery", "edge"):
    label = "Tomcat" if server == "delivery" else "edge  "
    r, n = med[server + '-range'][0], med['nginx-range'][0]
    print(f"64 KiB ranges {label}: nginx {n:9.0f} req/s   clipfeed {r:9.0f} req/s   ratio {r / n:.2f}")
    w, nw = med[server + '-whole'][1], med['nginx-whole'][1]
    print(f"whole file    {label}: nginx {nw / 1e6:9.0f} MB/s    clipfeed {w / 1e6:9.0f} MB/s    ratio {w / nw:.2f}")
PY
