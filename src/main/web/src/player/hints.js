// What the player tells the server about this device (the PlayInfo hints: codecs, network class) and the debug
// switches read from the page's query string: ?net=3g pretends a poor network (HLS through hls.js), ?preload=off
// disables adjacent preload (for benchmarks and for comparing).
const params = new URLSearchParams(location.search);
const POOR = new Set(['slow-2g', '2g', '3g']);

export function debugFlag(name) {
  return params.get(name);
}

export function networkClass() {
  const forced = params.get('net');
  if (forced && /^[a-z0-9-]{1,16}$/i.test(forced)) return forced.toLowerCase();
  return navigator.connection?.effectiveType ?? null;
}

/** A 2g/3g-class connection or Save-Data: the bitrate must adapt while playing, so HLS is the better start. */
export function poorNetwork() {
  return POOR.has(networkClass()) || navigator.connection?.saveData === true;
}

/** The query string for /play and the feed lists: codec families this browser decodes and the network class. */
export function hintQuery() {
  const probe = document.createElement('video');
  const codecs = ['avc1'];
  if (probe.canPlayType('video/mp4; codecs="hvc1.1.6.L93.B0"')) codecs.push('hvc1');
  const q = new URLSearchParams({ codecs: codecs.join(',') });
  const net = networkClass();
  if (net) q.set('net', net);
  return q.toString();
}
