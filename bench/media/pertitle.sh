#!/usr/bin/env bash
# Per-title (Clipfeed's analysis: CRF trials with SSIM → the CRF reaching the target SSIM + VBV ceiling per rung)
# against a fixed Apple-style ladder (HLS authoring spec bitrates scaled by pixel count to the same rungs; ABR with
# maxrate 1.1× and bufsize 2×), on the three ../shared/media clips. Both ladders are encoded by the same x264
# (Debian's ffmpeg CLI, veryfast, High, 2 s closed GOP, 30/25 fps CFR, video only) so only the rate decisions
# differ; SSIM against the source brought through the same scale chain, over every frame.
# Usage: bench/media/pertitle.sh   (from the repository root, after `mvn -q -o compile -Dskip.npm`)
set -euo pipefail
MEDIA=${CLIPFEED_SHARED_MEDIA:-../shared/media}
[ -d "$MEDIA" ] || MEDIA=/work/shared/media
OUT=$(mktemp -d /tmp/clipfeed-pertitle.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
CP="target/classes:$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)"
FF="/usr/bin/ffmpeg -hide_banner -loglevel error -y"

encode() { # src out fps WxH rate-args...
  local src=$1 out=$2 fps=$3 size=$4; shift 4
  $FF -i "$src" -an -vf "fps=$fps,scale=${size/x/:}:flags=bicubic,setsar=1,format=yuv420p" -c:v libx264 \
    -preset veryfast -profile:v high -x264-params keyint=$((fps*2)):min-keyint=$((fps*2)):scenecut=0:open-gop=0 \
    "$@" -movflags +faststart "$out"
}
ssim() { # encoded src fps WxH
  /usr/bin/ffmpeg -hide_banner -nostats -i "$1" -i "$2" -lavfi \
    "[1:v]fps=$3,scale=${4/x/:}:flags=bicubic,setsar=1,format=yuv420p[ref];[0:v][ref]ssim" -f null - 2>&1 \
    | grep -o 'All:[0-9.]*' | cut -d: -f2
}

total_pt=0; total_fx=0; ladder_s=0
printf '| clip | rung | per-title CRF / maxrate | per-title bytes | SSIM | fixed bitrate | fixed bytes | SSIM | bytes ratio |\n|---|---|---|---|---|---|---|---|---|\n'
for clip in cup.mp4 box.mp4 city-cc0.mpg; do
  src="$MEDIA/$clip"
  java -cp "$CP" bench/media/PerTitleBench.java "$src" 2>/dev/null > "$OUT/plan.txt"
  echo "$clip: $(head -1 "$OUT/plan.txt")" >&2
  while read -r _ w h fps crf maxrate bufsize fixed; do
    t0=$(date +%s.%N)
    encode "$src" "$OUT/pt.mp4" "$fps" "${w}x${h}" -crf "$crf" -maxrate "$maxrate" -bufsize "$bufsize"
    ladder_s=$(echo "$ladder_s + $(date +%s.%N) - $t0" | bc -l)
    encode "$src" "$OUT/fx.mp4" "$fps" "${w}x${h}" -b:v "$fixed" -maxrate $((fixed * 11 / 10)) -bufsize $((fixed * 2))
    pt=$(stat -c %s "$OUT/pt.mp4"); fx=$(stat -c %s "$OUT/fx.mp4")
    spt=$(ssim "$OUT/pt.mp4" "$src" "$fps" "${w}x${h}"); sfx=$(ssim "$OUT/fx.mp4" "$src" "$fps" "${w}x${h}")
    total_pt=$((total_pt + pt)); total_fx=$((total_fx + fx))
    printf '| %s | %dx%d | %d / %dk | %d | %s | %dk | %d | %s | %.2f |\n' "$clip" "$w" "$h" "$crf" $((maxrate / 1000)) \
      "$pt" "$spt" $((fixed / 1000)) "$fx" "$sfx" "$(echo "$pt / $fx" | bc -l)"
  done < <(grep '^rung' "$OUT/plan.txt")
done
# the CLI's encode of the per-title rungs stands in for the ladder's wall time (Clipfeed's ladder step also does
# audio, SSIM/PSNR and HLS, so the real share is smaller); the analysis times are on the lines above
printf 'CLI encode of the per-title rungs (all clips): %.2f s\n' "$ladder_s"
printf 'total per-title %d bytes, fixed %d bytes, ratio %.3f (%.1f %% fewer)\n' "$total_pt" "$total_fx" \
  "$(echo "$total_pt / $total_fx" | bc -l)" "$(echo "(1 - $total_pt / $total_fx) * 100" | bc -l)"
