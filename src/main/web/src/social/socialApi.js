import { api, ApiError, csrfHeaders } from '../api.js';

// The social endpoints (docs: social-api in the README's API overview). Ids go through encodeURIComponent.
const e = encodeURIComponent;
const V = (id) => `/api/v1/videos/${e(id)}`;
const U = (id) => `/api/v1/users/${e(id)}`;
const q = (params) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();
  return s ? `?${s}` : '';
};

export const social = {
  like: (videoId, on) => api(`${V(videoId)}/like`, { method: on ? 'PUT' : 'DELETE' }),
  viewer: (videoId) => api(`${V(videoId)}/viewer`),
  comments: (videoId, sort, cursor) => api(`${V(videoId)}/comments${q({ sort, cursor, limit: 20 })}`),
  replies: (commentId, cursor) => api(`/api/v1/comments/${e(commentId)}/replies${q({ cursor, limit: 20 })}`),
  postComment: (videoId, text, parentId) => api(`${V(videoId)}/comments`, { method: 'POST', body: { text, parentId } }),
  deleteComment: (commentId) => api(`/api/v1/comments/${e(commentId)}`, { method: 'DELETE' }),
  follow: (userId, on) => api(`${U(userId)}/follow`, { method: on ? 'PUT' : 'DELETE' }),
  block: (userId, on) => api(`${U(userId)}/block`, { method: on ? 'PUT' : 'DELETE' }),
  share: (videoId, channel) => api(`${V(videoId)}/shares`, { method: 'POST', body: { channel } }),
  profile: (userId) => api(`${U(userId)}/profile`),
  profileByName: (username) => api(`/api/v1/users/by-name/${e(username)}/profile`),
  videos: (userId, cursor) => api(`${U(userId)}/videos${q({ cursor, limit: 18 })}`),
  likes: (userId, cursor) => api(`${U(userId)}/likes${q({ cursor, limit: 18 })}`),
  editProfile: (changes) => api('/api/v1/me/profile', { method: 'PATCH', body: changes }),
  removeAvatar: () => api('/api/v1/me/avatar', { method: 'DELETE' }),
  notifications: (cursor) => api(`/api/v1/me/notifications${q({ cursor, limit: 20 })}`),
  unreadCount: () => api('/api/v1/me/notifications/unread-count'),
  markRead: (ids) => api('/api/v1/me/notifications/read', { method: 'POST', body: ids ? { ids } : { all: true } }),
};

/** The avatar picture's URL; `version` busts the 5-minute HTTP cache right after a change. */
export function avatarUrl(userId, version) {
  const base = `${U(userId)}/avatar`;
  return version ? `${base}?v=${e(version)}` : base;
}

/** Uploads the file itself as the body (the server wants raw image/jpeg|png|webp, not a form). */
export async function uploadAvatar(file) {
  const res = await fetch('/api/v1/me/avatar', {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': file.type, ...csrfHeaders() },
    body: file,
    credentials: 'same-origin',
  });
  const body = (res.headers.get('Content-Type') || '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export function countLabel(n) {
  const value = Number(n) || 0;
  if (value < 1000) return String(value);
  if (value < 1_000_000) return `${(value / 1000).toFixed(value < 10_000 ? 1 : 0).replace(/\.0$/, '')}K`;
  return `${(value / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}
