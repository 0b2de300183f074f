// The JSON API client. Authentication rides on the HttpOnly `clipfeed_session` cookie that register/login set:
// scripts never see the token, so an XSS bug cannot steal a session. Writes echo the `XSRF-TOKEN` cookie in the
// `X-XSRF-TOKEN` header (double-submit), which is what the server checks for cookie-authenticated writes.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

function cookie(name) {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
}

/** Headers a cookie-authenticated write must carry. */
export function csrfHeaders() {
  const token = cookie('XSRF-TOKEN');
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

async function problemOf(res) {
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await res.json();
    } catch {
      return null;
    }
  }
  return null;
}

const unauthorizedListeners = new Set();
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (!SAFE.has(method)) Object.assign(headers, csrfHeaders());
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (!res.ok) {
    const error = new ApiError(res.status, await problemOf(res));
    if (res.status === 401) unauthorizedListeners.forEach((l) => l(error));
    throw error;
  }
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return null;
  return res.json();
}

/** Lists come as `{items, nextCursor}`; tolerate a bare array too. */
export function itemsOf(page) {
  if (Array.isArray(page)) return page;
  return Array.isArray(page?.items) ? page.items : [];
}
