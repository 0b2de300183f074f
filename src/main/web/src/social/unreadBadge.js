import { session } from '../session.js';
import { social } from './socialApi.js';

// The unread count on the Inbox tab: fetched on start, on sign-in, every 30 s while the tab is visible, and set
// directly by the notifications page.
const POLL_MS = 30_000;
let timer = null;

export function setUnread(count) {
  document.querySelectorAll('[data-unread-badge]').forEach((badge) => {
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = !(count > 0);
    badge.closest('a')?.setAttribute('aria-label', count > 0 ? `Inbox, ${count} unread` : 'Inbox');
  });
}

async function refresh() {
  clearTimeout(timer);
  if (!session.user) {
    setUnread(0);
    return;
  }
  try {
    setUnread((await social.unreadCount()).unread ?? 0);
  } catch {
    // The badge is a hint; the page itself shows errors.
  }
  timer = setTimeout(() => { if (!document.hidden) refresh(); }, POLL_MS);
}

export function startUnreadBadge() {
  session.onChange(() => refresh());
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
  refresh();
}
