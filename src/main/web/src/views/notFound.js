import { h } from '../dom.js';

export function notFoundView(main) {
  main.append(
    h('section', { class: 'page narrow empty' },
      h('h1', null, 'Page not found'),
      h('p', { class: 'muted' }, 'This page does not exist (any more).'),
      h('a', { class: 'button', href: '/', 'data-link': true }, 'Back to the feed')),
  );
}
