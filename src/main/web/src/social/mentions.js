import { h } from '../dom.js';

// A comment's text as nodes: plain text, with the @names the server resolved (`mentions`) as profile links.
// Everything the author typed becomes text nodes, so `<img onerror=…>` shows as the characters it is.
export function commentText(text, mentions = []) {
  const known = new Set(mentions.map((m) => m.username.toLowerCase()));
  const parts = String(text).split(/(@[a-z0-9_.]{3,30})/i);
  return parts.filter((p) => p !== '').map((part) => {
    const name = part.startsWith('@') ? part.slice(1).toLowerCase() : null;
    if (name && known.has(name)) return h('a', { href: `/@${name}`, 'data-link': true, class: 'mention' }, part);
    return document.createTextNode(part);
  });
}
