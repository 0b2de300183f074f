import Hls from 'hls.js';

// The order in which a slide tries to play: the chosen progressive MP4, the alternates, then HLS through hls.js
// (or natively where the browser plays HLS itself). A media error moves to the next source without user action.
export function sourcesOf(play) {
  const list = [];
  if (play?.mp4Url) list.push({ kind: 'mp4', url: play.mp4Url });
  for (const alt of play?.alternates ?? []) if (alt.url && alt.url !== play.mp4Url) list.push({ kind: 'mp4', url: alt.url });
  if (play?.hlsUrl) list.push({ kind: 'hls', url: play.hlsUrl });
  return list;
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
