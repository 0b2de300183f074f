#!/usr/bin/env bash
# Ladder wall time: Clipfeed in-process vs Debian's ffmpeg CLI (one process with split; one process per rung,
# run concurrently), same rungs and settings; plus time-to-playable work for a remux-eligible 60 s 1080p clip.
# Usage: bench/media/run.sh [runs]   (from the repository root, after `mvn -q -o compile -Dskip.npm`)
set -euo pipefail
RUNS=${1:-3}
MEDIA=${CLIPFEED_SHARED_MEDIA:-../shared/media}
[ -d "$MEDIA" ] || MEDIA=/work/shared/media
OUT=$(mktemp -d /tmp/clipfeed-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
CP="target/classes:$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)"
FF=/usr/bin/ffmpeg

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

# the x264 preset is the one production's per-title effort picks for the clip, on both sides
x264_for() { # preset, x264 options production adds to it ("-" for none)
  echo "-c:v libx264 -preset $1 -crf 23 -profile:v high -x264-params keyint=60:min-keyint=60:scenecut=0:open-gop=0$([ "$2" = - ] || echo ":$2")"; }
audio_codec="-c:a aac -ar 48000 -ac 2 -b:a 128k"

cli_one_process() { # $1 source, $2.. WxH
  local src=$1; shift; local n=$#; local graph="[0:v]fps=30,split=$n"; local maps=()
  for i in $(seq 0 $((n-1))); do graph+="[s$i]"; done; graph+=";"
  local i=0; local caps=(900k 1800k 3000k 6000k)
  for size in "$@"; do
    graph+="[s$i]scale=${size/x/:}:flags=bicubic,setsar=1,format=yuv420p[o$i];"
    maps+=(-map "[o$i]" $AUDIO_MAP $x264 -maxrate ${caps[$i]} -bufsize ${caps[$i]/k/}k -movflags +faststart "$OUT/cli-$i.mp4")
    i=$((i+1))
  done
  $FF -hide_banner -loglevel error -y -i "$src" -filter_complex "${graph%;}" "${maps[@]}"
}

cli_per_rung() { # $1 source, $2.. WxH — one process per rung, concurrently
  local src=$1; shift; local i=0; local caps=(900k 1800k 3000k 6000k)
  for size in "$@"; do
    $FF -hide_banner -loglevel error -y -i "$src" -vf "fps=30,scale=${size/x/:}:flags=bicubic,setsar=1,format=yuv420p" \
      $AUDIO_ARGS $x264 -maxrate ${caps[$i]} -bufsize ${caps[$i]/k/}k \
      -movflags +faststart "$OUT/rung-$i.mp4" &
    i=$((i+1))
  done
  wait
}

bench_clip() { # $1 file, $2 rung list
  local src="$MEDIA/$1"; local sizes=$2; IFS=',' read -ra list <<< "$sizes"
  if [ -n "$(ffprobe -v error -select_streams a -show_entries stream=index -of csv=p=0 "$src")" ]; then
    # the same two-pass (linear) EBU R128 normalisation Clipfeed applies, measured by Clipfeed's meter
    audio="-af $(java -cp "$CP" bench/media/LadderBench.java loudnorm "$src" "$OUT/x" 1 2>/dev/null) $audio_codec"
    AUDIO_MAP="-map 0:a:0 $audio"; AUDIO_ARGS="$audio"
  else
    AUDIO_MAP=""; AUDIO_ARGS="-an"
  fi
  read -r PRESET EXTRAS <<< "$(java -cp "$CP" bench/media/LadderBench.java preset "$src" 2>/dev/null)"
  x264=$(x264_for "$PRESET" "$EXTRAS")
  echo "== $1 rungs $sizes, x264 preset $PRESET, extras $EXTRAS (production's per-title effort for this clip)"
  local one=() per=()
  for r in $(seq "$RUNS"); do
    local t=$(now); cli_one_process "$src" "${list[@]}"; one+=($(echo "$(now) - $t" | bc))
    t=$(now); cli_per_rung "$src" "${list[@]}"; per+=($(echo "$(now) - $t" | bc))
  done
  ls -l "$OUT"/cli-*.mp4 | awk '{print "cli rung size", $5, $9}'
  local m1=$(printf '%s\n' "${one[@]}" | median); local m2=$(printf '%s\n' "${per[@]}" | median)
  local java_out; java_out=$(java -cp "$CP" bench/media/LadderBench.java ladder "$src" "$OUT/java" "$RUNS" "$sizes" "$PRESET" 2>"$OUT/java.log") || { tail -20 "$OUT/java.log"; exit 1; }
  echo "$java_out"
  local mj=$(echo "$java_out" | awk '/median/ {print $(NF-1)}')
  printf 'cli one process median %.2f s (%s)\ncli per rung    median %.2f s (%s)\n' "$m1" "${one[*]}" "$m2" "${per[*]}"
  printf 'ratio clipfeed/cli-one-process %.2f   clipfeed/cli-per-rung %.2f\n' "$(echo "$mj/$m1" | bc -l)" "$(echo "$mj/$m2" | bc -l)"
}

bench_clip cup.mp4 480x360,720x540,960x720
bench_clip city-cc0.mpg 640x360,960x540,1280x720

echo "== HEVC top rung: Clipfeed ladder with and without it (default hevc-top-rungs=1)"
java -cp "$CP" bench/media/LadderBench.java hevc "$MEDIA/cup.mp4" "$OUT/hevc" "$RUNS" 480x360,720x540,960x720 2>/dev/null
java -cp "$CP" bench/media/LadderBench.java hevc "$MEDIA/city-cc0.mpg" "$OUT/hevc" "$RUNS" 640x360,960x540,1280x720 2>/dev/null

echo "== instant publish (remux-eligible 60 s 1080x1920 H.264+AAC)"
$FF -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1080x1920:rate=30:duration=60 -f lavfi -i sine=frequency=440:duration=60 \
  -c:v libx264 -preset ultrafast -crf 23 -pix_fmt yuv420p -c:a aac -shortest "$OUT/portrait60.mp4"
java -cp "$CP" bench/media/LadderBench.java remux "$OUT/portrait60.mp4" "$OUT/remux" "$RUNS" 2>/dev/null
