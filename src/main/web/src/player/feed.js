import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { Slide } from './slide.js';
import { beacon, flush } from './beacons.js';
import { debugFlag, hintQuery } from './hints.js';
import { bootVideo, dropBoot } from './boot.js';
import { startSharedAudio } from './sharedAudio.js';

const PRELOAD_AHEAD = 2;
/** The next page of the feed is asked for when the viewer is this many slides from the end. */
const FETCH_AHEAD = 3;
/** Two taps closer than this are a double tap. */
const DOUBLE_TAP_MS = 320;
/** Inline play URLs expiring sooner than this are fetched again before use. */
const EXPIRY_MARGIN_MS = 2 * 60 * 1000;

// The vertical swipe feed: one slide per screen; touch swipes, the wheel and arrow keys move between them.
// Autoplay starts muted (browsers refuse sound before a gesture); after the first interaction it plays with sound.
// Items are {video, play} as the feed lists send them; a bare video (or a stale play) costs one /play request.
// `more()` (optional) resolves to the feed's next items, or to none at its end; `onAppend(videos)` hears of
// slides added that way, so decorations (the social rail) can follow.
export async function mountPlayer(root, items, { more = null, onAppend = () => {} } = {}) {
  const slides = await slidesOf(items);
  if (!slides.length) return false;
  const track = h('div', { class: 'player-track' }, ...slides.map((s) => s.el));
  const stage = h('div', { class: 'player', tabindex: '0', 'aria-label': 'Video feed' }, track);
  // says which video came on screen (title and creator) after a swipe, for those who cannot see it
  const live = h('p', { class: 'visually-hidden', id: 'feed-now', 'aria-live': 'polite', 'aria-atomic': 'true' });
  replace(root, stage, live);
  // the server-rendered first video moves into the first slide (both in the document: it keeps playing)
  if (!slides[0].adoptBoot(bootVideo(slides[0].id))) dropBoot();
  const state = { slides: [], track, stage, live, current: -1, interacted: false, markedCaughtUp: false, preloaded: new Set(), preload: debugFlag('preload') !== 'off',
    prerender: debugFlag('prerender') !== 'off', more, onAppend, fetching: null };
  adopt(state, slides);
  bindInput(stage, state);
  show(state, 0);
  stage.focus({ preventScroll: true });
  addEventListener('pagehide', () => { slides[state.current]?.stop(); flush(); });
  return true;
}

async function slidesOf(items) {
  const entries = items.map((item) => (item.video ? item : { video: item }));
  const plays = await Promise.all(entries.map((e) => playInfo(e)));
  return entries.map((e, i) => {
    const slide = new Slide(e.video, plays[i]);
    slide.caughtUp = CAUGHT_UP.has(e.reasonKind);
    return slide;
  }).filter((s) => s.sources.length);
}

// For You's items once the viewer has seen everything fresh: watched before, or popular. The feed goes on with
// them (cycling), so they may repeat videos already on the track.
const CAUGHT_UP = new Set(['rewatch', 'caught-up']);

function adopt(state, slides) {
  slides.forEach((s) => { s.onFirstFrame = () => preloadAfter(state, s); });
  const first = state.markedCaughtUp ? null : slides.find((s) => s.caughtUp);
  if (first) {
    // said once, on the first slide that is not fresh: the viewer should not think the feed repeats by mistake
    state.markedCaughtUp = true;
    first.el.dataset.caughtUpMarker = 'true';
    first.el.append(h('div', { class: 'caught-up-marker', role: 'status' }, 'You\u2019re all caught up \u2014 here\u2019s what\u2019s popular'));
  }
  state.slides.push(...slides);
}

// Near the end of what is loaded, the next page is fetched once; the slides it brings are appended to the track
// (an empty page ends the feed; a fresh video already on the track is not added twice, a caught-up one may be).
// A slide already shown never moves, so swiping stays where it is.
function fetchAhead(state) {
  if (!state.more || state.fetching || state.current < state.slides.length - FETCH_AHEAD) return;
  state.fetching = state.more().then(async (items) => {
    if (!items?.length) { state.more = null; return; }
    const known = new Set(state.slides.map((s) => s.id));
    const slides = (await slidesOf(items)).filter((s) => s.caughtUp || !known.has(s.id));
    state.track.append(...slides.map((s) => s.el));
    adopt(state, slides);
    state.track.dataset.count = String(state.slides.length);
    state.onAppend(items.map((i) => i.video ?? i));
    const current = state.slides[state.current];
    if (current?.sawFrame) preloadAfter(state, current);
  }).catch(() => { state.more = null; }).finally(() => { state.fetching = null; });
}

export function isFresh(play, now = Date.now()) {
  const expires = typeof play?.expiresAt === 'number' ? play.expiresAt * 1000 : Date.parse(play?.expiresAt ?? '');
  return Number.isFinite(expires) && expires - now > EXPIRY_MARGIN_MS;
}

async function playInfo({ video, play }) {
  if (play && isFresh(play)) return play;
  return api(`/api/v1/videos/${encodeURIComponent(video.id)}/play?${hintQuery()}`).catch(() => play ?? null);
}

function show(state, index) {
  if (index < 0 || index >= state.slides.length || index === state.current) return;
  const leaving = state.slides[state.current];
  // Focus on a button of the slide being left would drop to <body> when it turns inert, out of reach of the arrow
  // keys: the player itself takes it.
  if (leaving?.el.contains(document.activeElement)) state.stage.focus({ preventScroll: true });
  leaving?.stop();
  // here rather than in stop(): a slide stopped by pagehide is still on screen when the page comes back from the cache
  if (leaving) leaving.el.inert = true;
  state.slides[index].el.inert = false;
  state.current = index;
  state.track.style.transform = `translateY(-${index * 100}%)`;
  state.track.dataset.current = String(index);
  state.slides[index].start(!state.interacted);
  state.live.textContent = state.slides[index].label;
  fetchAhead(state);
}

// As soon as the current slide shows a frame: fetch the next slides' preload ranges (moov + ~1 s) into the
// HTTP cache and let their <video> elements start buffering, so a swipe starts without a round trip.
function preloadAfter(state, slide) {
  if (!state.preload) return;
  const at = state.slides.indexOf(slide);
  for (const next of state.slides.slice(at + 1, at + 1 + PRELOAD_AHEAD)) {
    if (state.preloaded.has(next)) continue;
    state.preloaded.add(next);
    const p = next.play?.preload;
    if (p?.url) {
      fetch(p.url, { headers: { Range: `bytes=${p.rangeStart}-${p.rangeEnd}` }, credentials: 'same-origin' })
        .then(async (r) => {
          await r.arrayBuffer();
          // Marks the slide for tests and debugging: its first-frame bytes are in the HTTP cache.
          if (r.status === 206) next.el.dataset.preloaded = 'true';
        }).catch(() => {});
    }
    if (state.prerender) next.warm();
    else next.prepare();
  }
}

// `staying`: false when the interaction is a swipe away from the current slide
function interact(state, staying = true) {
  if (state.interacted) return;
  state.interacted = true;
  const slide = state.slides[state.current];
  slide?.unmute({ staying });
}

function bindInput(stage, state) {
  const go = (delta) => {
    startSharedAudio();
    const target = state.current + delta;
    interact(state, target < 0 || target >= state.slides.length);
    show(state, target);
  };
  stage.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'PageDown') { e.preventDefault(); go(1); }
    if (e.key === 'ArrowUp' || e.key === 'PageUp') { e.preventDefault(); go(-1); }
  });
  let wheelLock = 0;
  stage.addEventListener('wheel', (e) => {
    e.preventDefault();
    // One wheel gesture fires many events; a short lock turns it into one step.
    if (Math.abs(e.deltaY) < 10 || performance.now() < wheelLock) return;
    wheelLock = performance.now() + 600;
    go(e.deltaY > 0 ? 1 : -1);
  }, { passive: false });
  let startY = null;
  stage.addEventListener('touchstart', (e) => { startY = e.touches[0].clientY; }, { passive: true });
  stage.addEventListener('touchend', (e) => {
    if (startY === null) return;
    const dy = startY - e.changedTouches[0].clientY;
    startY = null;
    if (Math.abs(dy) > 50) go(dy > 0 ? 1 : -1);
  });
  // The very first tap unmutes; later taps pause and resume. A second tap soon after makes a double tap (a like,
  // handled by the social rail), so a tap waits that long before toggling and a double tap toggles nothing.
  let pendingTap = null;
  stage.addEventListener('click', () => {
    startSharedAudio();
    const first = !state.interacted;
    interact(state);
    if (first) return;
    if (pendingTap) { clearTimeout(pendingTap); pendingTap = null; return; }
    pendingTap = setTimeout(() => { pendingTap = null; state.slides[state.current]?.toggle(); }, DOUBLE_TAP_MS);
  });
}

export { beacon };
