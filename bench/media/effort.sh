#!/usr/bin/env bash
# Encoder effort and x264 options at equal SSIM: for each ../shared/media clip's 360p rung (the only rung these
# <= 480p clips get), the fixed Apple-style ladder's encode (veryfast, ABR at the Apple rate, maxrate 1.1x,
# bufsize 2x) sets the SSIM to match; every variant (an x264 preset, or veryfast plus one option) is then encoded
# at a CRF sweep with the same chain, GOP and profile, and its bytes at the fixed encode's SSIM are interpolated
# (log bytes linear in SSIM between the two CRFs that bracket it). Encode time is the sum over the sweep, as a
# ratio to veryfast's sum in the same run (the machine is shared: read the ratios). Video only.
# Usage: [CLIPS="box.mp4 …"] [CRFS="19 21 …"] bench/media/effort.sh [variant ...]   (from the repository root;
#        needs Debian's ffmpeg). The CRF sweep must bracket the fixed encode's SSIM, or the row says NA: city-cc0.mpg's
#        fixed encode (0.942) needs CRFs around 30–36, box.mp4's at the slower presets 25–31.
#        a variant is a preset name, or preset+x264-params, e.g. veryfast+rc-lookahead=30
set -euo pipefail
MEDIA=${CLIPFEED_SHARED_MEDIA:-../shared/media}
[ -d "$MEDIA" ] || MEDIA=/work/shared/media
OUT=$(mktemp -d /tmp/clipfeed-effort.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
. "$(dirname "$0")/x264.sh"
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(veryfast faster fast medium slow slower veryfast+rc-lookahead=30
  veryfast+ref=3 veryfast+b-adapt=2 veryfast+aq-mode=3 slow+bframes=8)
read -ra CRFS <<< "${CRFS:-19 21 23 25 27}"

echo "load: $(uptime)"
declare -A total_bytes
total_fixed=0
for spec in "cup.mp4 480x360 30 273000" "box.mp4 480x360 30 273000" "city-cc0.mpg 640x360 25 365000"; do
  read -r clip size fps rate <<< "$spec"
  [[ " ${CLIPS:-cup.mp4 box.mp4 city-cc0.mpg} " == *" $clip "* ]] || continue
  src="$MEDIA/$clip"
  encode "$src" "$OUT/fx.mp4" "$fps" "$size" veryfast "" -b:v "$rate" -maxrate $((rate * 11 / 10)) -bufsize $((rate * 2))
  fxb=$(stat -c %s "$OUT/fx.mp4"); fxs=$(ssim "$OUT/fx.mp4" "$src" "$fps" "$size")
  total_fixed=$((total_fixed + fxb))
  echo "== $clip $size: fixed ladder (veryfast ABR ${rate}) $fxb bytes, SSIM $fxs"
  base_time=
  for v in "${VARIANTS[@]}"; do
    preset=${v%%+*}; extra=""; [[ $v == *+* ]] && extra=${v#*+}
    : > "$OUT/points"; secs=0
    for crf in "${CRFS[@]}"; do
      t=$(now); encode "$src" "$OUT/v.mp4" "$fps" "$size" "$preset" "$extra" -crf "$crf"; secs=$(echo "$secs + $(now) - $t" | bc -l)
      echo "$crf $(stat -c %s "$OUT/v.mp4") $(ssim "$OUT/v.mp4" "$src" "$fps" "$size")" >> "$OUT/points"
    done
    [ -n "$base_time" ] || base_time=$secs
    # bytes at the fixed encode's SSIM: points sorted by CRF have falling SSIM; find the bracketing pair
    at=$(awk -v s="$fxs" '{c[NR]=$1; b[NR]=$2; q[NR]=$3} END {
      for (i = 1; i < NR; i++) if (q[i] >= s && q[i+1] <= s) {
        f = (q[i] == q[i+1]) ? 0 : (q[i] - s) / (q[i] - q[i+1]);
        printf "%d %.1f", exp(log(b[i]) + f * (log(b[i+1]) - log(b[i]))), c[i] + f * (c[i+1] - c[i]); exit }
      print "NA NA" }' "$OUT/points")
    read -r bytes crf_eq <<< "$at"
    [ "$bytes" = NA ] || total_bytes[$v]=$(( ${total_bytes[$v]:-0} + bytes ))
    [ "$bytes" = NA ] && total_bytes[$v]=NA
    printf '%-26s bytes at SSIM %s: %8s (CRF %s, ratio to fixed %s)  encode time ratio to the first variant %.2f  sweep: %s\n' \
      "$v" "$fxs" "$bytes" "$crf_eq" "$( [ "$bytes" = NA ] && echo NA || echo "scale=3; $bytes / $fxb" | bc -l)" \
      "$(echo "$secs / $base_time" | bc -l)" "$(tr '\n' ';' < "$OUT/points")"
  done
done
echo "== totals at each clip's fixed-ladder SSIM (fixed ladder $total_fixed bytes)"
for v in "${VARIANTS[@]}"; do
  b=${total_bytes[$v]}
  [ "$b" = NA ] && { echo "$v NA"; continue; }
  printf '%-26s %8d bytes  ratio %.3f (%.1f %% fewer)\n' "$v" "$b" "$(echo "$b / $total_fixed" | bc -l)" \
    "$(echo "(1 - $b / $total_fixed) * 100" | bc -l)"
done
echo "load: $(uptime)"
