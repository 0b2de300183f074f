import { itemsOf } from '../api.js';
import { counted, h, icon, replace } from '../dom.js';
import { countLabel } from './socialApi.js';
import { PLAY } from './icons.js';

// A grid of video covers with view counts, filled page by page ("Show more"). `fetchPage(cursor)` → {items, nextCursor}.
export function videoGrid(panel, fetchPage, emptyText) {
  const grid = h('ul', { class: 'video-grid', 'aria-busy': 'true' });
  const more = h('button', { type: 'button', class: 'button small ghost wide', hidden: true }, 'Show more');
  replace(panel, grid, more);
  let cursor = null;
  async function load() {
    more.disabled = true;
    try {
      const page = await fetchPage(cursor);
      itemsOf(page).map((item) => item.video ?? item).forEach((v) => grid.append(tile(v)));
      cursor = page?.nextCursor ?? null;
      more.hidden = !cursor;
      if (!grid.children.length) replace(grid, h('li', { class: 'empty wide muted' }, emptyText));
    } catch (err) {
      const text = err.status === 403 ? err.message : `Could not load: ${err.message}`;
      replace(panel, h('p', { class: 'empty muted', role: 'alert' }, text));
    } finally {
      grid.setAttribute('aria-busy', 'false');
      more.disabled = false;
    }
  }
  more.addEventListener('click', load);
  load();
}

function tile(video) {
  const views = video.counts?.views ?? 0;
  return h('li', { class: 'video-tile', dataset: { videoId: video.id } },
    h('a', { href: `/v/${encodeURIComponent(video.id)}`, 'aria-label': `${video.title || 'Untitled'}, ${counted(views, 'view')}` },
      video.coverUrl
        ? h('img', { src: video.coverUrl, alt: '', loading: 'lazy', decoding: 'async' })
        : h('div', { class: 'thumb placeholder', 'aria-hidden': 'true' }),
      h('span', { class: 'tile-views', 'aria-hidden': 'true' }, icon(PLAY), countLabel(views))));
}
