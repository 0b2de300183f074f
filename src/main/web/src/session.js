import { api, onUnauthorized } from './api.js';

// Who is signed in, for display and routing only. The credential itself is the HttpOnly cookie; what is kept here
// ({id, username}) is not secret, and a 401 from any API call clears it.
const KEY = 'clipfeed.user';
const listeners = new Set();

function read() {
  try {
    const user = JSON.parse(localStorage.getItem(KEY));
    return user && typeof user.username === 'string' ? user : null;
  } catch {
    return null;
  }
}

let current = read();

function set(user) {
  current = user ? { id: user.id, username: user.username, roles: user.roles } : null;
  if (current) localStorage.setItem(KEY, JSON.stringify(current));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l(current));
}

/** Roles as the API spells them (`["admin","user"]`); compared case-insensitively, so the spelling stays the server's. */
const STAFF = new Set(['admin', 'moderator']);

export const session = {
  get user() {
    return current;
  },
  /** Whether the signed-in user has one of `roles` (any spelling). The one place the client looks at roles. */
  hasRole(...roles) {
    const mine = new Set((current?.roles ?? []).map((r) => String(r).toLowerCase()));
    return roles.some((r) => mine.has(r.toLowerCase()));
  },
  /** Moderators and admins: they may delete and edit what others wrote. */
  isStaff() {
    return this.hasRole(...STAFF);
  },
  onChange(listener) {
    listeners.add(listener);
  },
  async register(username, password) {
    const res = await api('/api/v1/auth/register', { method: 'POST', body: { username, password } });
    set(res.user);
    return res.user;
  },
  async signIn(username, password) {
    const res = await api('/api/v1/auth/login', { method: 'POST', body: { username, password } });
    set(res.user);
    return res.user;
  },
  /**
   * Asks the server who the session cookie belongs to (the cookie is the truth; it may have expired or been revoked).
   * Only when this browser signed in: for an anonymous visitor there is no cookie to ask about, and the answer would
   * be a 401, which the browser logs in the console on every page.
   */
  async refresh() {
    if (!current) return null;
    try {
      set(await api('/api/v1/auth/me'));
    } catch (err) {
      if (err.status === 401) set(null);
    }
    return current;
  },
  async signOut() {
    try {
      await api('/api/v1/auth/logout', { method: 'POST' });
    } finally {
      set(null);
    }
  },
};

onUnauthorized(() => set(null));
// Another tab signed in or out.
window.addEventListener('storage', (e) => {
  if (e.key === KEY) {
    current = read();
    listeners.forEach((l) => l(current));
  }
});
