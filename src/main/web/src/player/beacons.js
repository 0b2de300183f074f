import { csrfHeaders } from '../api.js';
import { feedSession } from './feedSession.js';

// Playback beacons for the analytics module: events are queued per video and sent in small batches, with
// keepalive so the last batch (exit) still leaves when the page is closing. They are sent under the feed session,
// so For You learns what an anonymous viewer watched (signed in, the account is the viewer); a page-load id when
// the browser keeps no storage.
const pageSession = (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
const queues = new Map();
let timer = null;

export function beacon(videoId, type, extra = {}) {
  if (!queues.has(videoId)) queues.set(videoId, []);
  queues.get(videoId).push({ type, t: Math.round(performance.now()), ...extra });
  // first-frame and exit matter most to the analytics; do not let them wait for the batch timer.
  if (type === 'first-frame' || type === 'exit' || type === 'error') flush();
  else if (!timer) timer = setTimeout(flush, 2000);
}

export function flush() {
  clearTimeout(timer);
  timer = null;
  const sessionId = feedSession() ?? pageSession;
  for (const [videoId, events] of queues) {
    if (!events.length) continue;
    const body = JSON.stringify({ sessionId, videoId, events: events.splice(0, 100) });
    fetch('/api/v1/beacons', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
      body,
    }).catch(() => {});
  }
  queues.clear();
}

addEventListener('pagehide', flush);
