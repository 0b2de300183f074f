import { api, itemsOf } from '../api.js';
import { h, replace, timeAgo } from '../dom.js';
import { statusBadge, statusOf } from './status.js';

// "My videos": the creator's clips with their lifecycle status. While any clip is still moving through the
// pipeline the list refreshes itself (paused while the tab is hidden), so a creator watches it become playable.
const REFRESH_MS = 3000;

export function myVideosView(main) {
  const list = h('ul', { class: 'video-list', id: 'my-videos', 'aria-live': 'polite', 'aria-busy': 'true' });
  const updated = h('span', { class: 'muted small', id: 'my-videos-updated' });
  const refreshButton = h('button', { class: 'button small ghost', type: 'button', onclick: () => refresh() }, 'Refresh');
  main.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', null, 'My videos'),
      h('a', { class: 'button small primary', href: '/upload', 'data-link': true }, 'Upload')),
    h('div', { class: 'toolbar' }, updated, refreshButton),
    list));

  let timer = null;
  let stopped = false;
  async function refresh() {
    clearTimeout(timer);
    try {
      const videos = itemsOf(await api('/api/v1/me/videos'));
      renderList(list, videos);
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      const moving = videos.some((v) => !statusOf(v.status).settled);
      if (moving && !stopped) timer = setTimeout(refresh, REFRESH_MS);
    } catch (err) {
      replace(list, h('li', { class: 'empty' }, h('p', { role: 'alert' }, `Could not load your videos: ${err.message}`)));
      if (!stopped) timer = setTimeout(refresh, REFRESH_MS * 3);
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }
  const onVisibility = () => { if (!document.hidden) refresh(); };
  document.addEventListener('visibilitychange', onVisibility);
  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

function renderList(list, videos) {
  if (videos.length === 0) {
    replace(list, h('li', { class: 'empty' },
      h('p', null, 'You have not uploaded anything yet.'),
      h('a', { class: 'button primary', href: '/upload', 'data-link': true }, 'Upload your first video')));
    return;
  }
  replace(list, videos.map(videoRow));
}

function videoRow(video) {
  const s = statusOf(video.status);
  const title = video.title || 'Untitled';
  return h('li', { class: 'video-row', dataset: { videoId: video.id, status: video.status } },
    cover(video.coverUrl),
    h('div', { class: 'video-meta' },
      h('h2', { class: 'video-title' }, title),
      h('p', { class: 'muted small' }, video.createdAt ? timeAgo(video.createdAt) : ''),
      h('div', { class: 'status-line' }, statusBadge(video.status),
        !s.settled && Number.isFinite(video.progress) && video.progress > 0
          ? h('progress', { max: 100, value: video.progress, 'aria-label': `Processing ${title}` }) : null,
        !s.settled && Number.isFinite(video.progress) && video.progress > 0
          ? h('span', { class: 'small muted' }, `${video.progress}%`) : null),
      video.statusReason ? h('p', { class: 'reason small' }, video.statusReason) : null));
}

function cover(url) {
  if (!url) return h('div', { class: 'thumb placeholder', 'aria-hidden': 'true' });
  return h('img', { class: 'thumb', src: url, alt: '', loading: 'lazy', decoding: 'async' });
}
