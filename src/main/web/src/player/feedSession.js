import { bootSession } from './boot.js';

// Anonymous viewers keep one feed session across reloads, so For You does not show them again what they watched:
// the feed asks with it, and the player's beacons report watching under it (a watched video is what For You counts
// as seen). The server keeps it in a cookie too (it ranks the first page into the HTML): the one the page was
// ranked for wins. Null when the browser keeps no storage.
let known;

export function feedSession() {
  if (known !== undefined) return known;
  try {
    let id = bootSession() ?? localStorage.getItem('clipfeed.feedSession');
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = (crypto.randomUUID?.() ?? `${Date.now()}${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
    }
    localStorage.setItem('clipfeed.feedSession', id);
    known = id;
  } catch {
    known = null;
  }
  return known;
}
