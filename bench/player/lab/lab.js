// Records when a video passes its load events and presents frames (requestVideoFrameCallback), since navigation
// start, into window.lab; lab.done once the measure is in. Included inline at the top of every lab page.
window.lab = {};
function mark(k, t) { if (!(k in lab)) lab[k] = Math.round(t ?? performance.now()); }
function hook(v, prefix = '') {
  ['loadstart', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough', 'playing']
    .forEach((e) => v.addEventListener(e, () => mark(prefix + e)));
}
function firstFrame(v, done) {
  v.requestVideoFrameCallback((t, m) => done(m.presentationTime, t));
}
// the video's request (start, first byte, last byte), and when the page's other resources were in
function resource() {
  const n = performance.getEntriesByType('navigation')[0];
  lab.htmlEnd = Math.round(n.responseEnd);
  for (const e of performance.getEntriesByType('resource')) {
    if (/\.mp4/.test(e.name) && !('req' in lab)) {
      lab.req = Math.round(e.startTime); lab.firstByte = Math.round(e.responseStart); lab.lastByte = Math.round(e.responseEnd);
    } else {
      const kind = /\.jpg/.test(e.name) ? 'cover' : /\.css/.test(e.name) ? 'css' : /\.js/.test(e.name) ? 'js' : null;
      if (kind) { mark(kind + 'Req', e.startTime); mark(kind + 'End', e.responseEnd); }
    }
  }
}
// streams a fragmented MP4 into a MediaSource, appending each chunk as it arrives
async function mse(v, url, mime) {
  const ms = new MediaSource();
  v.src = URL.createObjectURL(ms);
  await new Promise((r) => ms.addEventListener('sourceopen', r, { once: true }));
  const sb = ms.addSourceBuffer(mime);
  const reader = (await fetch(url)).body.getReader();
  const queue = [];
  let ended = false;
  const pump = () => {
    if (sb.updating) return;
    if (queue.length) sb.appendBuffer(queue.shift());
    else if (ended && ms.readyState === 'open') ms.endOfStream();
  };
  sb.addEventListener('updateend', pump);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) { ended = true; pump(); break; }
    queue.push(value); pump();
  }
}
