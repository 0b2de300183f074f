#!/usr/bin/env bash
# Per-title (Clipfeed's analysis: CRF trials with SSIM → per rung the CRF reaching max(target SSIM, the fixed
# ladder's predicted SSIM) + VBV ceiling, and the title's x264 preset from its encode-time budget; for titles whose
# budget allows it, the whole-rung quality search, which measures the fixed ladder's encode of the rung and tries
# fractional CRFs until one reaches its SSIM) against a fixed
# Apple-style ladder (HLS authoring spec bitrates scaled by pixel count to the same rungs; ABR with maxrate 1.1× and
# bufsize 2×, x264 veryfast: the platform's fixed configuration, unchanged), on the three ../shared/media clips.
# Two per-title columns: "rate decisions alone" (trials and encodes at the base preset veryfast) and "with
# per-title effort" (production: the preset the planner chose, trials and encode at it). Everything is encoded by
# the same x264 (Debian's ffmpeg CLI, High, 2 s closed GOP, 30/25 fps CFR, video only) so only the decisions
# differ; SSIM against the source brought through the same scale chain, over every frame. Encode times are the
# CLI's, per clip, as a ratio of the effort encode to the rate-alone encode in the same run.
# Usage: bench/media/pertitle.sh   (from the repository root, after `mvn -q -o compile -Dskip.npm`)
set -euo pipefail
MEDIA=${CLIPFEED_SHARED_MEDIA:-../shared/media}
[ -d "$MEDIA" ] || MEDIA=/work/shared/media
OUT=$(mktemp -d /tmp/clipfeed-pertitle.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
CP="target/classes:$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)"
. "$(dirname "$0")/x264.sh"

echo "load: $(uptime)"
total_fx=0; total_rate=0; total_eff=0; time_rate=0; time_eff=0
printf '| clip | rung | fixed bytes | SSIM | rate alone: CRF / maxrate | bytes | SSIM | ratio | with effort: preset, CRF / maxrate | bytes | SSIM | ratio | encode time vs rate alone |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for clip in cup.mp4 box.mp4 city-cc0.mpg; do
  src="$MEDIA/$clip"
  java -cp "$CP" bench/media/PerTitleBench.java "$src" 2>/dev/null > "$OUT/plan.txt"
  echo "$clip: $(head -1 "$OUT/plan.txt")" >&2
  grep '^search\|^ladder time' "$OUT/plan.txt" >&2 || true
  paste -d' ' <(grep '^rung rate' "$OUT/plan.txt") <(grep '^rung effort' "$OUT/plan.txt") > "$OUT/rungs.txt"
  while read -r _ _ w h fps crf maxrate bufsize fixed _ rextra _ _ _ _ _ ecrf emax ebuf _ epreset eextra; do
    [ "$rextra" = - ] && rextra=""; [ "$eextra" = - ] && eextra=""  # x264 options production adds to the preset
    size="${w}x${h}"
    encode "$src" "$OUT/fx.mp4" "$fps" "$size" veryfast "" -b:v "$fixed" -maxrate $((fixed * 11 / 10)) -bufsize $((fixed * 2))
    t=$(now); encode "$src" "$OUT/rate.mp4" "$fps" "$size" veryfast "$rextra" -crf "$crf" -maxrate "$maxrate" -bufsize "$bufsize"
    tr=$(echo "$(now) - $t" | bc -l)
    t=$(now); encode "$src" "$OUT/eff.mp4" "$fps" "$size" "$epreset" "$eextra" -crf "$ecrf" -maxrate "$emax" -bufsize "$ebuf"
    te=$(echo "$(now) - $t" | bc -l)
    fx=$(stat -c %s "$OUT/fx.mp4"); rb=$(stat -c %s "$OUT/rate.mp4"); eb=$(stat -c %s "$OUT/eff.mp4")
    sfx=$(ssim "$OUT/fx.mp4" "$src" "$fps" "$size"); sr=$(ssim "$OUT/rate.mp4" "$src" "$fps" "$size")
    se=$(ssim "$OUT/eff.mp4" "$src" "$fps" "$size")
    total_fx=$((total_fx + fx)); total_rate=$((total_rate + rb)); total_eff=$((total_eff + eb))
    time_rate=$(echo "$time_rate + $tr" | bc -l); time_eff=$(echo "$time_eff + $te" | bc -l)
    printf '| %s | %s | %d | %s | %s / %dk | %d | %s | %.3f | %s, %s / %dk | %d | %s | %.3f | %.2f× (%.2f / %.2f s) |\n' \
      "$clip" "$size" "$fx" "$sfx" "$crf" $((maxrate / 1000)) "$rb" "$sr" "$(echo "$rb / $fx" | bc -l)" \
      "$epreset${eextra:+ $eextra}" "$ecrf" $((emax / 1000)) "$eb" "$se" "$(echo "$eb / $fx" | bc -l)" "$(echo "$te / $tr" | bc -l)" "$te" "$tr"
  done < "$OUT/rungs.txt"
done
printf 'total: fixed %d bytes; rate decisions alone %d (ratio %.3f, %.1f %% fewer); with per-title effort %d (ratio %.3f, %.1f %% fewer)\n' \
  "$total_fx" "$total_rate" "$(echo "$total_rate / $total_fx" | bc -l)" "$(echo "(1 - $total_rate / $total_fx) * 100" | bc -l)" \
  "$total_eff" "$(echo "$total_eff / $total_fx" | bc -l)" "$(echo "(1 - $total_eff / $total_fx) * 100" | bc -l)"
printf 'CLI encode of the per-title rungs: rate alone %.2f s, with effort %.2f s (%.2f×)\n' "$time_rate" "$time_eff" \
  "$(echo "$time_eff / $time_rate" | bc -l)"
echo "load: $(uptime)"
