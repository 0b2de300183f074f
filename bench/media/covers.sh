#!/usr/bin/env bash
# The covers step's work alone on a 30 s 1080x1920 portrait clip (made from box.mp4 exactly as playable.sh case b
# makes it), before and after the one-pass change, alternating in one run: "before" is the cover classes of
# BEFORE_REF (default: the commit before the change) compiled over this tree's other classes; "after" is this tree.
# Each timing is one fresh JVM per side and round, alternating, so both sides pay the natives' first load alike and
# share the machine's load of that moment.
# Usage: [SOURCE=clip.mp4] bench/media/covers.sh [rounds]   (from the repository root, after `mvn -q -o compile -Dskip.npm`)
set -euo pipefail
ROUNDS=${1:-3}
BEFORE_REF=${BEFORE_REF:-fee4274}
MEDIA=${CLIPFEED_SHARED_MEDIA:-../shared/media}
[ -d "$MEDIA" ] || MEDIA=/work/shared/media
OUT=$(mktemp -d /tmp/clipfeed-covers.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
DEPS=$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
CP="target/classes:$DEPS"
FF="/usr/bin/ffmpeg -hide_banner -loglevel error -y"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

if [ -n "${SOURCE:-}" ]; then cp "$SOURCE" "$OUT/portrait30.mp4"; else # SOURCE=… reuses a clip made earlier
$FF -stream_loop -1 -i "$MEDIA/box.mp4" -t 30 -vf "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,fps=30" \
  -c:v libx264 -preset veryfast -crf 20 -profile:v high -pix_fmt yuv420p -c:a aac -ar 48000 -ac 2 -b:a 128k "$OUT/portrait30.mp4"; fi
echo "source: $(ffprobe -v error -select_streams v -show_entries stream=width,height,nb_frames -of csv=p=0 "$OUT/portrait30.mp4"),"\
" keyframes: $(ffprobe -v error -select_streams v -skip_frame nokey -show_entries frame=pts_time -of csv=p=0 "$OUT/portrait30.mp4" 2>/dev/null | wc -l)"

mkdir -p "$OUT/before-src/io/clipfeed/media/ffmpeg" "$OUT/before-classes"
for c in CoverPicker PreviewMaker StoryboardMaker; do
  git show "$BEFORE_REF:src/main/java/io/clipfeed/media/ffmpeg/$c.java" > "$OUT/before-src/io/clipfeed/media/ffmpeg/$c.java"
done
javac -nowarn -d "$OUT/before-classes" -cp "$CP" "$OUT"/before-src/io/clipfeed/media/ffmpeg/*.java

before=(); after=()
echo "load before: $(uptime)"
for r in $(seq "$ROUNDS"); do
  b=$(java -cp "$OUT/before-classes:$CP" bench/media/CoversBench.java separate "$OUT/portrait30.mp4" "$OUT/b$r" 0 2>/dev/null | awk '{print $2}')
  a=$(java -cp "$CP" bench/media/CoversBench.java one-pass "$OUT/portrait30.mp4" "$OUT/a$r" 0 2>/dev/null | awk '{print $2}')
  echo "round $r: before $b s, after $a s  ($(uptime | sed 's/.*load/load/'))"
  before+=("$b"); after+=("$a")
done
mb=$(printf '%s\n' "${before[@]}" | median); ma=$(printf '%s\n' "${after[@]}" | median)
printf 'covers work, 30 s 1080x1920: before median %.2f s (%s), after median %.2f s (%s), after/before %.3f\n' \
  "$mb" "${before[*]}" "$ma" "${after[*]}" "$(echo "$ma / $mb" | bc -l)"
ls -l "$OUT"/a1 "$OUT"/b1 | grep -v total
echo "load after: $(uptime)"
