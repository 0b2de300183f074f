import { debugFlag } from './hints.js';

// The feed's sound goes through one Web Audio context that stays running. A <video> playing its own sound opens
// (or restarts) its own audio output at play(), and Chromium's video clock waits for that output: ~70 ms of every
// swipe to a pre-rendered video with sound. Routed into a context that already runs, the element's audio is pulled
// by the context and the next video starts within about a frame interval (bench/player lab, docs/BENCHMARKS.md).
// A context can only run after a user gesture; until it does, and where Web Audio is missing, elements keep their
// own output. Only same-origin media, or media from another origin fetched in CORS mode (the media edge, see
// source.js), may be routed (Web Audio would silence other audio), and never an element playing HLS natively (its
// audio does not reach Web Audio everywhere). ?audio=own turns this off (for comparing).
let context = null;
const waiting = new Set();
const enabled = debugFlag('audio') !== 'own';

/** Call from every user gesture: opens the shared context on the first one, resumes it if it was suspended. */
export function startSharedAudio() {
  if (!enabled) return;
  if (!context) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      context = new Context({ latencyHint: 'interactive' });
    } catch {
      return;
    }
    context.onstatechange = route;
  }
  if (context.state !== 'running') context.resume().then(route, () => {});
  route();
}

/** Routes the element's audio into the shared context (now if it runs, else once it does). Idempotent. */
export function shareAudio(video) {
  if (!enabled || video.dataset.audio === 'shared') return;
  waiting.add(video);
  route();
}

function route() {
  if (context?.state !== 'running') return;
  for (const video of waiting) {
    waiting.delete(video);
    try {
      context.createMediaElementSource(video).connect(context.destination);
      // for tests and debugging: this element's sound is played by the shared context
      video.dataset.audio = 'shared';
    } catch {
      // already routed elsewhere, or not allowed: it keeps its own output
    }
  }
}
