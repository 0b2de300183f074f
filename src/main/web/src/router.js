import { session } from './session.js';

// A small history router: clean URLs (/upload, /me/videos) that the server forwards to index.html, so reloads and
// shared links land on the right page. Views are functions (container, params) → optional cleanup.
let routes = [];
let cleanup = null;
let rendered = false;

export function defineRoutes(list) {
  routes = list;
}

export function navigate(to, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  render();
}

function match(pathname) {
  for (const route of routes) {
    const m = pathname.match(route.pattern);
    if (m) return { route, params: m.groups ?? {} };
  }
  return null;
}

export async function render() {
  const main = document.getElementById('main');
  const found = match(location.pathname) ?? { route: routes.find((r) => r.notFound), params: {} };
  const { route, params } = found;
  if (route.auth && !session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    navigate(`/signin?next=${next}`, { replace: true });
    return;
  }
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  main.replaceChildren();
  document.title = route.title ? `${route.title} · Clipfeed` : 'Clipfeed';
  markCurrentNav(location.pathname);
  cleanup = await route.view(main, params, new URLSearchParams(location.search));
  // After an in-app navigation, move focus to the new page's heading as a page load would reset it; on the first
  // load focus stays at the top of the document, so the skip link is the first Tab stop.
  const heading = main.querySelector('h1');
  if (rendered && heading && document.activeElement === document.body) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  rendered = true;
}

function markCurrentNav(pathname) {
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === pathname) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

export function startRouter() {
  document.addEventListener('click', (e) => {
    const link = e.target.closest('a[data-link]');
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    // Move focus to the new page's heading, as a full page load would.
    link.blur();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', render);
  render();
}
