import { itemsOf } from '../api.js';
import { h, icon, plural, replace, timeAgo, toast } from '../dom.js';
import { session } from '../session.js';
import { avatarUrl, countLabel, social } from './socialApi.js';
import { commentText } from './mentions.js';
import { CLOSE } from './icons.js';
import { openDialog } from '../dialog.js';

// The comment drawer: a bottom sheet (a modal dialog) over the player with the video's comments, newest or top
// first, replies one level deep, "load more" by cursor, a box to post or reply (Enter posts, Shift+Enter starts a
// new line), and delete for your own (or anyone's, for staff). Focus stays inside while it is open.
let open = null;

export function openComments(video, opener, onCount) {
  open?.close();
  open = new CommentDrawer(video, opener, onCount);
}

class CommentDrawer {
  constructor(video, opener, onCount) {
    Object.assign(this, { video, opener, onCount, sort: 'newest', cursor: null, total: video.counts?.comments ?? 0 });
    this.title = h('h2', { id: 'comments-title' });
    this.list = h('ol', { class: 'comment-list', id: 'comment-list', 'aria-busy': 'true' });
    this.more = h('button', { type: 'button', class: 'button small ghost wide', hidden: true, onclick: () => { if (!this.more.ariaDisabled) this.load(); } }, 'Load more comments');
    this.sortButtons = ['newest', 'top'].map((s) => h('button', {
      type: 'button', class: 'chip', 'data-sort': s, onclick: () => this.setSort(s),
    }, s === 'newest' ? 'Newest' : 'Top'));
    // keys typed in the drawer are the drawer's: they must not reach the player (arrows would change the video)
    this.sheet = h('section', { class: 'comment-drawer', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'comments-title', tabindex: '-1', onkeydown: (e) => e.stopPropagation() },
      h('header', { class: 'drawer-head' }, this.title,
        h('div', { class: 'chips', role: 'group', 'aria-label': 'Sort comments' }, ...this.sortButtons),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close comments', onclick: () => this.close() }, icon(CLOSE))),
      h('div', { class: 'drawer-body' }, this.list, this.more),
      this.composer());
    this.backdrop = h('div', { class: 'drawer-backdrop', onclick: () => this.close() });
    document.body.append(this.backdrop, this.sheet);
    this.dialog = openDialog(this.sheet, { opener, keep: [this.backdrop], onEscape: () => this.close() });
    this.renderHead();
    this.load();
    (this.input ?? this.sheet.querySelector('button')).focus();
  }

  renderHead() {
    this.title.textContent = `${countLabel(this.total)} ${plural(this.total, 'comment')}`;
    this.sortButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.sort === this.sort)));
  }

  composer() {
    if (!session.user) {
      return h('p', { class: 'drawer-foot muted' },
        h('a', { href: `/signin?next=${encodeURIComponent(location.pathname)}`, 'data-link': true, onclick: () => this.close() }, 'Sign in'),
        ' to comment.');
    }
    this.error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    this.replying = h('p', { class: 'replying muted small', hidden: true });
    this.input = h('textarea', {
      id: 'comment-text', rows: 1, maxlength: 500, required: true, placeholder: 'Add a comment…', 'aria-label': 'Comment',
      'aria-describedby': 'comment-keys', onkeydown: (e) => this.onComposerKey(e),
    });
    this.post = h('button', { type: 'submit', class: 'button small primary' }, 'Post');
    this.form = h('form', { class: 'drawer-foot comment-form', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      this.error, this.replying, h('div', { class: 'composer-row' }, this.input, this.post),
      h('p', { id: 'comment-keys', class: 'visually-hidden' }, 'Enter posts, Shift+Enter starts a new line.'));
    return this.form;
  }

  /** Enter posts (as chat boxes do); Shift+Enter, or Enter while an input method is composing, stays in the text. */
  onComposerKey(e) {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    this.form.requestSubmit();
  }

  setSort(sort) {
    if (sort === this.sort) return;
    this.sort = sort;
    this.cursor = null;
    this.list.replaceChildren();
    this.renderHead();
    this.load();
  }

  async load() {
    this.list.setAttribute('aria-busy', 'true');
    // aria-disabled, not disabled, here and below: a disabled button drops its focus to <body>
    this.more.ariaDisabled = 'true';
    try {
      const page = await social.comments(this.video.id, this.sort, this.cursor);
      itemsOf(page).forEach((c) => this.list.append(this.item(c)));
      this.cursor = page?.nextCursor ?? null;
      this.more.hidden = !this.cursor;
      if (!this.list.children.length) this.list.append(h('li', { class: 'empty-comments muted' }, 'No comments yet. Say something nice!'));
    } catch (err) {
      this.list.append(h('li', { class: 'muted', role: 'alert' }, `Could not load comments: ${err.message}`));
    } finally {
      this.list.setAttribute('aria-busy', 'false');
      this.more.ariaDisabled = null;
      // the button is hidden at the end of the list: focus it held goes back into the drawer
      if (document.activeElement === document.body && this.sheet.isConnected) this.dialog.refocus();
    }
  }

  item(comment) {
    const author = comment.author ?? {};
    const mayDelete = session.user && (session.user.id === author.id || session.user.id === this.video.creator?.id
      || session.isStaff());
    const li = h('li', { class: 'comment', dataset: { commentId: comment.id } },
      h('img', { class: 'comment-avatar', src: avatarUrl(author.id), alt: '', width: 36, height: 36, loading: 'lazy' }),
      h('div', { class: 'comment-main' },
        h('p', { class: 'comment-meta' },
          h('a', { href: `/@${author.username}`, 'data-link': true, class: 'comment-author', onclick: () => this.close() }, `@${author.username}`),
          h('span', { class: 'muted small' }, ` · ${timeAgo(comment.createdAt)}`)),
        h('p', { class: 'comment-text' }, commentText(comment.text, comment.mentions)),
        h('div', { class: 'comment-actions' },
          !comment.parentId && session.user ? h('button', { type: 'button', class: 'link-button', onclick: () => this.replyTo(comment) }, 'Reply') : null,
          mayDelete ? h('button', { type: 'button', class: 'link-button danger', onclick: () => this.remove(comment, li) }, 'Delete') : null)));
    if (!comment.parentId) this.addReplies(li, comment);
    return li;
  }

  addReplies(li, comment) {
    const replies = h('ol', { class: 'reply-list' });
    const toggle = h('button', { type: 'button', class: 'link-button replies-toggle', hidden: !(comment.replyCount > 0) },
      `View ${comment.replyCount} ${plural(comment.replyCount, 'reply', 'replies')}`);
    let cursor = null;
    toggle.addEventListener('click', async () => {
      if (toggle.ariaDisabled) return;
      toggle.ariaDisabled = 'true';
      try {
        const page = await social.replies(comment.id, cursor);
        itemsOf(page).forEach((r) => replies.append(this.item(r)));
        cursor = page?.nextCursor ?? null;
        toggle.textContent = 'More replies';
        toggle.hidden = !cursor;
      } catch (err) {
        toast(err.message);
      } finally {
        toggle.ariaDisabled = null;
        if (document.activeElement === document.body && this.sheet.isConnected) this.dialog.refocus();
      }
    });
    li.querySelector('.comment-main').append(replies, toggle);
    li.replies = replies;
  }

  replyTo(comment) {
    this.parent = comment;
    replace(this.replying, `Replying to @${comment.author?.username} `,
      h('button', { type: 'button', class: 'link-button', onclick: () => this.cancelReply() }, 'Cancel'));
    this.replying.hidden = false;
    this.input.focus();
  }

  cancelReply() {
    this.parent = null;
    this.replying.hidden = true;
  }

  async submit() {
    const text = this.input.value.trim();
    if (!text || this.posting) return;
    // not `disabled`: a disabled button drops the focus it holds to <body>, out of the dialog
    this.posting = true;
    this.post.ariaDisabled = 'true';
    this.error.hidden = true;
    try {
      const created = await social.postComment(this.video.id, text, this.parent?.id);
      const parentLi = this.parent && this.list.querySelector(`li[data-comment-id="${CSS.escape(this.parent.id)}"]`);
      if (parentLi?.replies) parentLi.replies.append(this.item(created));
      else {
        this.list.querySelector('.empty-comments')?.remove();
        this.list.prepend(this.item(created));
      }
      // only what was posted: text typed while the request was on its way stays
      if (this.input.value.trim() === text) this.input.value = '';
      this.cancelReply();
      this.changeTotal(1);
      // ready for the next one, whether it was posted with Enter or with the Post button
      this.input.focus();
    } catch (err) {
      this.error.textContent = err.message;
      this.error.hidden = false;
    } finally {
      this.posting = false;
      this.post.ariaDisabled = null;
    }
  }

  async remove(comment, li) {
    try {
      await social.deleteComment(comment.id);
      const hadFocus = li.contains(document.activeElement);
      li.remove();
      if (hadFocus) this.dialog.refocus();
      this.changeTotal(-1);
      toast('Comment deleted');
    } catch (err) {
      toast(err.message);
    }
  }

  changeTotal(delta) {
    this.total = Math.max(0, this.total + delta);
    this.renderHead();
    this.onCount?.(delta);
  }

  close() {
    this.sheet.remove();
    this.backdrop.remove();
    if (open === this) open = null;
    // un-inerts the page and gives focus back to the comments button
    this.dialog.release();
  }
}

/** Closes the drawer when the page changes (the router calls view cleanups; this is for the home view). */
export function closeComments() {
  open?.close();
}

// Back/forward leaves the page the drawer belongs to.
addEventListener('popstate', () => open?.close());
