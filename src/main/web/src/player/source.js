// hls.js is most of the player's weight and only long clips, poor networks and fallbacks need it: it is loaded on
// first use, so the first MP4 starts without waiting for it.
let hlsModule = null;
const loadHls = () => (hlsModule ??= import('hls.js').then((m) => m.default));
const mediaSource = () => 'MediaSource' in window || 'ManagedMediaSource' in window;

// The order in which a slide tries to play: the chosen progressive MP4, the alternates, then HLS through hls.js
// (or natively where the browser plays HLS itself). Long clips (delivery advises format 'hls') and poor networks
// start with HLS instead, whose bitrate adapts, and fall back to the MP4s. A media error moves to the next source
// without user action.
export function sourcesOf(play, { poorNetwork = false } = {}) {
  const mp4s = [];
  if (play?.mp4Url) mp4s.push({ kind: 'mp4', url: play.mp4Url });
  for (const alt of play?.alternates ?? []) if (alt.url && alt.url !== play.mp4Url) mp4s.push({ kind: 'mp4', url: alt.url });
  const hls = play?.hlsUrl ? [{ kind: 'hls', url: play.hlsUrl }] : [];
  const hlsFirst = hls.length && (play.format === 'hls' || poorNetwork) && (mediaSource() || nativeHls());
  return hlsFirst ? [...hls, ...mp4s] : [...mp4s, ...hls];
}

// Origins the server says answer CORS for media (the media edge, named by a meta tag in the page it rendered).
let corsOrigins = null;
function corsMediaOrigins() {
  corsOrigins ??= new Set((document.querySelector('meta[name="clipfeed-cors-media"]')?.content ?? '')
    .split(/\s+/).filter(Boolean).map((o) => { try { return new URL(o).origin; } catch { return null; } }).filter(Boolean));
  return corsOrigins;
}

const originOf = (url) => new URL(url, location.href).origin;

/**
 * True when the element for these sources must load in CORS mode (crossOrigin = 'anonymous', set before its src):
 * a progressive source is on another origin and every one is on this origin or one that answers CORS. Never for
 * an origin the server did not name: such a server would not answer CORS and the video would fail to load.
 */
export function fetchesWithCors(sources) {
  const mp4s = sources.filter((s) => s.kind === 'mp4');
  return mp4s.some((s) => originOf(s.url) !== location.origin)
    && mp4s.every((s) => originOf(s.url) === location.origin || corsMediaOrigins().has(originOf(s.url)));
}

/**
 * True when the audio of {@code video} playing these sources may go through Web Audio (other audio is silenced):
 * progressive sources same-origin, or fetched in CORS mode by this element; HLS only where hls.js plays it through
 * Media Source (the element plays a blob: URL, never tainted; natively played HLS does not reach Web Audio
 * everywhere).
 */
export function webAudioSafe(sources, video) {
  const cors = video?.crossOrigin === 'anonymous' && fetchesWithCors(sources);
  return sources.every((s) => (s.kind === 'mp4' ? originOf(s.url) === location.origin || cors : mediaSource()));
}

function nativeHls() {
  return document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
}

/**
 * Attaches {@code source} to {@code video}; returns a function that detaches it. hls.js attaches asynchronously
 * (it is loaded on first use): {@code onAttached} runs then, so a play() refused meanwhile can be repeated.
 */
export function attach(video, source, onFatal, onAttached = () => {}) {
  if (source.kind === 'mp4' || (!mediaSource() && nativeHls())) {
    video.src = source.url;
    return () => {};
  }
  let hls = null;
  let detached = false;
  loadHls().then((Hls) => {
    if (detached) return;
    if (!Hls.isSupported()) { onFatal('hls.js is not supported here'); return; }
    hls = new Hls({ capLevelToPlayerSize: true });
    hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) onFatal(data.details); });
    hls.loadSource(source.url);
    hls.attachMedia(video);
    onAttached();
  }).catch((err) => { if (!detached) onFatal(`hls.js did not load: ${err.message}`); });
  return () => { detached = true; hls?.destroy(); };
}
