import Hls from 'hls.js';

// The order in which a slide tries to play: the chosen progressive MP4, the alternates, then HLS through hls.js
// (or natively where the browser plays HLS itself). Long clips (delivery advises format 'hls') and poor networks
// start with HLS instead, whose bitrate adapts, and fall back to the MP4s. A media error moves to the next source
// without user action.
export function sourcesOf(play, { poorNetwork = false } = {}) {
  const mp4s = [];
  if (play?.mp4Url) mp4s.push({ kind: 'mp4', url: play.mp4Url });
  for (const alt of play?.alternates ?? []) if (alt.url && alt.url !== play.mp4Url) mp4s.push({ kind: 'mp4', url: alt.url });
  const hls = play?.hlsUrl ? [{ kind: 'hls', url: play.hlsUrl }] : [];
  const hlsFirst = hls.length && (play.format === 'hls' || poorNetwork) && (Hls.isSupported() || nativeHls());
  return hlsFirst ? [...hls, ...mp4s] : [...mp4s, ...hls];
}

function nativeHls() {
  return document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
}

/** Attaches {@code source} to {@code video}; returns a function that detaches it. */
export function attach(video, source, onFatal) {
  if (source.kind === 'mp4' || !Hls.isSupported()) {
    video.src = source.url;
    return () => {};
  }
  const hls = new Hls({ capLevelToPlayerSize: true });
  hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) onFatal(data.details); });
  hls.loadSource(source.url);
  hls.attachMedia(video);
  return () => hls.destroy();
}
