import { h } from '../dom.js';

// Any path the router does not know. The server answers such paths 404 with this app (io.clipfeed.web.NotFoundPage),
// so a stale link still has the navigation and a way back.
export function notFoundView(main) {
  main.append(
    h('section', { class: 'page narrow empty', id: 'not-found' },
      h('h1', null, 'Page not found'),
      h('p', { class: 'muted' }, 'This page does not exist (any more).'),
      h('a', { class: 'button', href: '/', 'data-link': true }, 'Back to the feed')),
  );
}
