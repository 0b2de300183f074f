# Sourced by pertitle.sh and effort.sh: the CLI encode and SSIM measurement both benches compare with.
FF="/usr/bin/ffmpeg -hide_banner -loglevel error -y"

encode() { # src out fps WxH preset extra-x264-params rate-args...
  local src=$1 out=$2 fps=$3 size=$4 preset=$5 extra=$6; shift 6
  $FF -i "$src" -an -vf "fps=$fps,scale=${size/x/:}:flags=bicubic,setsar=1,format=yuv420p" -c:v libx264 \
    -preset "$preset" -profile:v high \
    -x264-params "keyint=$((fps*2)):min-keyint=$((fps*2)):scenecut=0:open-gop=0${extra:+:$extra}" \
    "$@" -movflags +faststart "$out"
}
ssim() { # encoded src fps WxH
  /usr/bin/ffmpeg -hide_banner -nostats -i "$1" -i "$2" -lavfi \
    "[1:v]fps=$3,scale=${4/x/:}:flags=bicubic,setsar=1,format=yuv420p[ref];[0:v][ref]ssim" -f null - 2>&1 \
    | grep -o 'All:[0-9.]*' | cut -d: -f2
}
now() { date +%s.%N; }
