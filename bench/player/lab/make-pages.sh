#!/usr/bin/env bash
# Writes the lab's pages into OUTDIR (next to media/ made by make-media.sh). Usage: make-pages.sh OUTDIR
set -euo pipefail
out=$1; here=$(dirname "$0"); js=$(cat "$here/lab.js")
head() { printf '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">\n<script>%s</script>\n' "$js"; }
done_js='firstFrame(v, (p, t) => { mark("frame", p); mark("frameCallback", t); resource(); lab.done = true; });'
# fresh page: the video in the markup (autoplay muted preload=auto), as the product's home page does
for f in av v av-short; do
  { head; echo "</head><body><video id=v src=\"media/$f.mp4\" autoplay muted playsinline loop preload=auto width=480 height=360></video>"
    echo "<script>const v = document.getElementById('v'); hook(v); $done_js</script></body></html>"; } > "$out/ff-$f.html"
done
# files from elsewhere (LAB_MEDIA, e.g. a product rung and its starter saved from a running server): media/x-NAME.mp4
for file in "$out"/media/x-*.mp4; do
  [ -e "$file" ] || continue
  f=$(basename "$file" .mp4)
  { head; echo "</head><body><video id=v src=\"media/$f.mp4\" autoplay muted playsinline loop preload=auto width=480 height=360></video>"
    echo "<script>const v = document.getElementById('v'); hook(v); $done_js</script></body></html>"; } > "$out/ff-$f.html"
done
# LAB_REMOTE: the same markup with a video URL on another server (the product's own media serving)
if [ -n "${LAB_REMOTE:-}" ]; then
  { head; echo "</head><body><video id=v src=\"$LAB_REMOTE\" autoplay muted playsinline loop preload=auto width=480 height=360></video>"
    echo "<script>const v = document.getElementById('v'); hook(v); $done_js</script></body></html>"; } > "$out/ff-remote.html"
fi
# preload=metadata, play() from a script right after the element
{ head; echo '</head><body><video id=v src="media/av.mp4" muted playsinline loop preload=metadata width=480 height=360></video>'
  echo "<script>const v = document.getElementById('v'); hook(v); $done_js v.play();</script></body></html>"; } > "$out/ff-av-meta.html"
# MSE: the fragmented MP4 streamed into a SourceBuffer as it arrives
for f in av v; do
  mime='video/mp4; codecs="avc1.64001e'; [ $f = av ] && mime="$mime,mp4a.40.2"; mime="$mime\""
  { head; echo '</head><body><video id=v muted playsinline autoplay width=480 height=360></video>'
    echo "<script>const v = document.getElementById('v'); hook(v); $done_js mse(v, 'media/$f-frag.mp4', '$mime');</script></body></html>"; } > "$out/ff-mse-$f.html"
done
# like the product's home page: the bundle (module script) and stylesheet in the head, the cover preloaded, the
# video (with the cover as poster) at the top of the body, the inline feed JSON at its end; variants drop parts
js_file=$(cd "$out" && ls assets/index-*.js); css_file=$(cd "$out" && ls assets/index-*.css)
product() { # name, file, head extras, video attributes
  { head; echo "<script type=\"module\" crossorigin src=\"$js_file\"></script><link rel=\"stylesheet\" crossorigin href=\"$css_file\">$3"
    echo "</head><body><div class=\"boot-stage\" id=\"boot-stage\"><video id=v src=\"media/$2\" $4 autoplay muted playsinline loop preload=auto width=480 height=360></video></div>"
    echo "<main id=main></main><script>const v = document.getElementById('v'); hook(v); $done_js</script></body></html>"; } > "$out/$1.html"
}
product pp-base av.mp4 '<link rel="preload" as="image" href="media/cover.jpg">' 'poster="media/cover.jpg"'
product pp-poster av.mp4 '' 'poster="media/cover.jpg"'
product pp-bare av.mp4 '' ''
product pp-v v.mp4 '' ''
product pp-base-v v.mp4 '<link rel="preload" as="image" href="media/cover.jpg">' 'poster="media/cover.jpg"'
# next video: after the page's own video showed a frame, four times: prepare a second video (warm: source set,
# played muted for one frame, paused and wound back; cold: nothing), wait, then time play() → next presented frame
# Web Audio variants: ctx=1 opens one shared AudioContext at the start (running before any swipe); route=ctx also
# sends every second video's audio through it (createMediaElementSource → destination) instead of the element's own
# output; hold=1 starts the (warm) second video playing muted HOLD_MS (default 500) before the swipe and the swipe
# seeks it to 0 and unmutes it instead of calling play(). alt=1: alternate routed / plain in one page (ctx=1 implied),
# recorded as nextCtx / nextPlain.
cat > "$out/next.html" <<HTML
$(head)</head><body><video id=v src="media/v.mp4" autoplay muted playsinline loop width=480 height=360></video>
<script>
const q = new URLSearchParams(location.search), file = q.get('file'), warm = q.get('mode') === 'warm';
// sound=1: played with sound, as after a swipe (needs --autoplay-policy=no-user-gesture-required); rewind=0: not wound back
const sound = q.get('sound') === '1', rewind = q.get('rewind') !== '0';
// pos=off: waits below the viewport and moves into it at the swipe, as a slide does
const offscreen = q.get('pos') === 'off';
const alt = q.get('alt') === '1', route = q.get('route') === 'ctx', hold = q.get('hold') === '1';
const holdMs = Number(q.get('holdms') || 500);
const ctx = (alt || route || q.get('ctx') === '1') ? new AudioContext() : null;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const v = document.getElementById('v');
lab.next = [];
firstFrame(v, async () => {
  if (ctx) { await ctx.resume(); lab.ctxRunning = ctx.state === 'running' ? 1 : 0; lab.ctxBaseLatencyMs = Math.round(ctx.baseLatency * 1000); }
  for (let i = 0; i < 4; i++) {
    const n = document.createElement('video');
    Object.assign(n, { muted: true, playsInline: true, loop: true, width: 360, height: 270 });
    const routed = alt ? i % 2 === 0 : route;
    if (routed) ctx.createMediaElementSource(n).connect(ctx.destination);
    // on screen, where the swipe brings it (an element outside the viewport may be composited later)
    n.style.cssText = 'position:fixed;left:0;top:' + (offscreen ? '1000px' : '300px');
    document.body.append(n);
    const url = 'media/' + file + '?n=' + i + '&r=' + Math.random();
    if (warm) {
      n.preload = 'auto'; n.src = url;
      await new Promise((r) => n.addEventListener('loadeddata', r, { once: true }));
      await n.play();
      await new Promise((r) => n.requestVideoFrameCallback(r));
      n.pause(); if (rewind) n.currentTime = 0;
    }
    if (hold) { await sleep(2500 - holdMs); await n.play(); await sleep(holdMs); }
    else await sleep(warm ? 2500 : 3000);
    v.pause();
    const t0 = performance.now();
    n.style.top = '300px';
    if (!warm) n.src = url;
    n.muted = !sound;
    if (hold) n.currentTime = 0; else n.play();
    await new Promise((r) => firstFrame(n, (p) => {
      const ms = Math.round(p - t0);
      lab.next.push(ms);
      if (alt) (lab[routed ? 'nextCtx' : 'nextPlain'] ??= []).push(ms);
      r();
    }));
    await sleep(300);
    n.pause();
    n.remove();
  }
  lab.done = true;
});
</script></body></html>
HTML
ls "$out"
