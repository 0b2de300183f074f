import { api, itemsOf } from '../api.js';
import { h, replace } from '../dom.js';
import { session } from '../session.js';
import { mountPlayer } from '../player/feed.js';
import { decorateFeed } from '../social/actionRail.js';
import { debugFlag, hintQuery } from '../player/hints.js';
import { dropBoot, takeBootFeed } from '../player/boot.js';
import { feedSession } from '../player/feedSession.js';

// The home feed: the vertical swipe player mounts into #player-root in place of the grid; the grid stays when
// no video can be played (nothing published yet, or no PlayInfo).
export function homeView(main) {
  const grid = h('ul', { class: 'feed-grid', id: 'feed', 'aria-busy': 'true' });
  main.append(h('section', { class: 'page feed' },
    h('div', { class: 'page-head' }, h('h1', null, 'For you')),
    h('div', { id: 'player-root' }, grid)));
  load(grid);
  // leaving the home page before the player took the server-rendered first video: stop it
  return dropBoot;
}

// The feed module's For You list; until it is deployed, the web module's list of the latest public videos. Both
// answer pages {items:[{video, play, reason}], nextCursor} with the PlayInfo inline, chosen from the same hints as
// /play takes. Both are asked at once (a 404 first and then the fallback would cost a round trip before the first
// video); the fallback request is aborted as soon as For You answers. The page's source is kept so the player can
// ask it for the next page.
// `?feed=latest` (a debug switch, like ?preload=off) pins the newest-first list, whose order tests can predict.
function fetchFeed() {
  const query = feedQuery();
  const fallback = new AbortController();
  const latest = api(`/api/v1/web/latest?${query}`, { signal: fallback.signal });
  latest.catch(() => {});
  if (debugFlag('feed') === 'latest') return latest.then((page) => ({ page, source: '/api/v1/web/latest' }));
  return api(`/api/v1/feed/for-you?${query}`).then((page) => {
    fallback.abort();
    return { page, source: '/api/v1/feed/for-you' };
  }, async (err) => {
    if (err.status !== 404) { fallback.abort(); throw err; }
    return { page: await latest, source: '/api/v1/web/latest' };
  });
}

function feedQuery(cursor) {
  const q = new URLSearchParams(hintQuery());
  const id = feedSession();
  if (id) q.set('session', id);
  if (cursor) q.set('cursor', cursor);
  const size = debugFlag('pageSize');
  if (size && /^\d{1,2}$/.test(size)) q.set('limit', size);
  return q.toString();
}

/** The next pages of the same list, one call at a time; resolves to no items at the end. */
function pager({ page, source }) {
  let cursor = page?.nextCursor ?? null;
  return async () => {
    if (!cursor) return [];
    const next = await api(`${source}?${feedQuery(cursor)}`);
    cursor = next?.nextCursor ?? null;
    return itemsOf(next);
  };
}

// A fresh home page has its first page inline (GET / renders it into the HTML); otherwise the first page load of
// the home page starts the request while the session is still being checked.
const inline = location.pathname === '/' ? takeBootFeed() : null;
let early = inline ? Promise.resolve(inline) : location.pathname === '/' ? fetchFeed() : null;
early?.catch(() => {});

function firstPage() {
  const pending = early ?? fetchFeed();
  early = null;
  return pending;
}

async function load(grid) {
  try {
    const first = await firstPage();
    const items = itemsOf(first.page);
    const entries = items.map((item) => (item.video ? item : { video: item })).filter((e) => e.video?.id);
    const videos = entries.map((e) => e.video);
    // The player replaces the grid at once: only when nothing can play do the cards (and their covers) load.
    const root = document.getElementById('player-root');
    const playing = videos.length && await mountPlayer(root, entries, {
      more: pager(first),
      onAppend: (added) => decorateFeed(root, added),
    });
    if (playing) decorateFeed(root, videos);
    else replace(grid, videos.length ? videos.map(card) : emptyState());
    if (!playing) dropBoot();
  } catch (err) {
    dropBoot();
    // No list is deployed at all: to a viewer that reads the same as an empty catalog.
    replace(grid, err.status === 404 ? emptyState() : h('li', { class: 'empty', role: 'alert' }, `Could not load the feed: ${err.message}`));
  } finally {
    grid.setAttribute('aria-busy', 'false');
  }
}

function card(video) {
  const title = video.title || 'Untitled';
  const creator = video.creator?.username ?? video.creator?.name ?? '';
  return h('li', { class: 'feed-card', dataset: { videoId: video.id } },
    video.coverUrl
      ? h('img', { src: video.coverUrl, alt: '', loading: 'lazy', decoding: 'async' })
      : h('div', { class: 'thumb placeholder', 'aria-hidden': 'true' }),
    h('div', { class: 'feed-card-text' },
      h('p', { class: 'feed-card-title' }, title),
      creator ? h('p', { class: 'feed-card-creator' }, `@${creator}`) : null));
}

function emptyState() {
  return h('li', { class: 'empty wide' },
    h('div', { class: 'empty-art', 'aria-hidden': 'true' }),
    h('p', { class: 'empty-title' }, 'Nothing here yet'),
    h('p', { class: 'muted' }, 'Be the first to share a clip with this community.'),
    h('a', { class: 'button primary', href: session.user ? '/upload' : '/signup', 'data-link': true },
      session.user ? 'Upload a video' : 'Create an account'));
}
