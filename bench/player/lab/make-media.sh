#!/usr/bin/env bash
# Variants of one first rung (cup.mp4 at 480×360, x264 veryfast CRF 23, closed 2 s GOPs, faststart) made with the
# Debian ffmpeg CLI, for the first-frame lab (lab.sh). Usage: make-media.sh SOURCE OUTDIR
set -euo pipefail
src=$1; out=$2; mkdir -p "$out"
v="-vf scale=480:360,fps=30 -c:v libx264 -preset veryfast -crf 23 -profile:v high -pix_fmt yuv420p -x264-params keyint=60:min-keyint=60:scenecut=0:open-gop=0"
a="-c:a aac -b:a 96k -ac 2 -ar 44100"
ff() { ffmpeg -v error -y -i "$src" "$@"; }
ff $v $a -movflags +faststart "$out/av.mp4"                       # like the product's rung: video + audio
ff $v -an -movflags +faststart "$out/v.mp4"                         # video only
# short first GOP: a keyframe after 0.5 s, so fewer bytes lie before the second keyframe (the rest as av.mp4)
ff $v -force_key_frames "0,0.5" $a -movflags +faststart "$out/av-short.mp4"
# fragmented MP4 for MSE (one fragment per GOP), with and without audio
ff $v $a -movflags +frag_keyframe+empty_moov+default_base_moof "$out/av-frag.mp4"
ff $v -an -movflags +frag_keyframe+empty_moov+default_base_moof "$out/v-frag.mp4"
ls -l "$out"
