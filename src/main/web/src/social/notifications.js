import './social.css';
import { itemsOf } from '../api.js';
import { h, replace, timeAgo, toast } from '../dom.js';
import { avatarUrl, social } from './socialApi.js';
import { setUnread } from './unreadBadge.js';

// The notifications page: who liked, commented, replied, followed or mentioned you; unread ones stand out until
// opened or "Mark all as read".
const SENTENCES = {
  liked: 'liked your video',
  commented: 'commented on your video',
  replied: 'replied to your comment',
  followed: 'started following you',
  mentioned: 'mentioned you',
};

export function notificationsView(main) {
  const list = h('ol', { class: 'notification-list', id: 'notifications', 'aria-busy': 'true' });
  const more = h('button', { type: 'button', class: 'button small ghost wide', hidden: true }, 'Load more');
  const readAll = h('button', { type: 'button', class: 'button small', id: 'mark-all-read' }, 'Mark all as read');
  main.append(h('section', { class: 'page narrow-wide' },
    h('div', { class: 'page-head' }, h('h1', null, 'Notifications'), readAll), list, more));
  let cursor = null;

  async function load() {
    more.disabled = true;
    try {
      const page = await social.notifications(cursor);
      itemsOf(page).forEach((n) => list.append(item(n)));
      cursor = page?.nextCursor ?? null;
      more.hidden = !cursor;
      if (typeof page?.unread === 'number') setUnread(page.unread);
      if (!list.children.length) list.append(h('li', { class: 'empty muted' }, 'Nothing yet. Likes, comments and new followers show up here.'));
    } catch (err) {
      replace(list, h('li', { class: 'empty', role: 'alert' }, `Could not load notifications: ${err.message}`));
    } finally {
      list.setAttribute('aria-busy', 'false');
      more.disabled = false;
    }
  }

  readAll.addEventListener('click', async () => {
    try {
      const res = await social.markRead(null);
      list.querySelectorAll('.notification.unread').forEach((li) => markLocally(li));
      setUnread(res?.unread ?? 0);
      toast('All caught up');
    } catch (err) {
      toast(err.message);
    }
  });
  more.addEventListener('click', load);
  load();
}

function item(n) {
  const actor = n.actor ?? {};
  const li = h('li', { class: `notification${n.read ? '' : ' unread'}`, dataset: { type: n.type, notificationId: n.id } },
    h('img', { class: 'comment-avatar', src: avatarUrl(actor.id), alt: '', width: 40, height: 40, loading: 'lazy' }),
    h('div', { class: 'notification-main' },
      h('p', null,
        h('a', { href: `/@${actor.username}`, 'data-link': true, class: 'comment-author' }, `@${actor.username}`),
        ` ${SENTENCES[n.type] ?? n.type}`,
        n.read ? null : h('span', { class: 'visually-hidden' }, ' (unread)')),
      n.excerpt ? h('p', { class: 'notification-excerpt' }, n.excerpt) : null,
      h('p', { class: 'muted small' }, timeAgo(n.createdAt))));
  if (!n.read) {
    const mark = h('button', { type: 'button', class: 'link-button', 'aria-label': 'Mark as read' }, 'Mark read');
    mark.addEventListener('click', async () => {
      try {
        const res = await social.markRead([n.id]);
        markLocally(li);
        setUnread(res?.unread ?? 0);
      } catch (err) {
        toast(err.message);
      }
    });
    li.append(mark);
  }
  return li;
}

function markLocally(li) {
  li.classList.remove('unread');
  li.querySelector('.visually-hidden')?.remove();
  li.querySelector('.link-button[aria-label="Mark as read"]')?.remove();
}
