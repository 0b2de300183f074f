import './social.css';
import { api } from '../api.js';
import { h, icon, plural, toast } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';
import { avatarUrl, countLabel, social } from './socialApi.js';
import { openComments } from './comments.js';
import { shareVideo } from './share.js';
import { BUBBLE, HEART, PLUS, SHARE } from './icons.js';

// The action rail over each slide of the swipe player: creator avatar + follow, like (also by double tap, with a
// heart), comments, share. Clicks inside the rail stop at the rail, so they never pause the video underneath.
const DOUBLE_TAP_MS = 320;

/** Adds a rail to every `.player-slide` under `root` (the player's own markup is left alone). */
export function decorateFeed(root, videos) {
  const byId = new Map(videos.map((v) => [v.id, v]));
  const observer = new IntersectionObserver((entries) => {
    entries.filter((en) => en.isIntersecting).forEach((en) => en.target.socialRail?.loadViewer());
  }, { threshold: 0.6 });
  root.querySelectorAll('.player-slide[data-video-id]').forEach((slide) => {
    const video = byId.get(slide.dataset.videoId);
    if (!video || slide.socialRail) return;
    slide.socialRail = new ActionRail(slide, video);
    observer.observe(slide);
  });
}

/**
 * A rail button's name: the action, then the count exactly as shown ("Like, 1.2K likes"), so the visible text is part
 * of the name (WCAG 2.5.3: voice control users say what they see). Not in parentheses: those are asides, not name.
 */
function label(action, n, one) {
  return `${action}, ${countLabel(n)} ${plural(n, one)}`;
}

class ActionRail {
  constructor(slide, video) {
    this.video = video;
    this.slide = slide;
    this.creator = video.creator ?? {};
    this.counts = { likes: 0, comments: 0, shares: 0, ...(video.counts ?? {}) };
    this.liked = false;
    this.likeButton = this.countButton('like', HEART, 'Like', () => this.setLiked(!this.liked));
    this.commentButton = this.countButton('comments', BUBBLE, 'Comments', () => this.openComments());
    this.shareButton = this.countButton('shares', SHARE, 'Share', () => this.share());
    this.el = h('div', { class: 'social-rail', onclick: (e) => e.stopPropagation() },
      this.creatorBadge(), this.likeButton, this.commentButton, this.shareButton);
    slide.append(this.el);
    slide.addEventListener('click', (e) => this.onTap(e));
    // A mouse double click (or a slow double tap the browser still counts as one) likes as well.
    slide.addEventListener('dblclick', (e) => { if (performance.now() - (this.lastHeart ?? -1e9) > 600) this.doubleTap(e); });
    this.render();
  }

  countButton(key, path, label, action) {
    const count = h('span', { class: 'rail-count', 'data-count': key });
    const button = h('button', { type: 'button', class: `rail-button rail-${key}`, 'aria-label': label, onclick: action },
      icon(path), count);
    button.count = count;
    return button;
  }

  creatorBadge() {
    if (!this.creator.id) return null;
    const profile = this.creator.username ? `/@${this.creator.username}` : `/u/${this.creator.id}`;
    const mine = session.user?.id === this.creator.id;
    this.followButton = mine ? null : h('button', {
      type: 'button', class: 'rail-follow', 'aria-label': `Follow @${this.creator.username ?? ''}`,
      onclick: () => this.follow(),
    }, icon(PLUS));
    return h('div', { class: 'rail-creator' },
      h('a', { href: profile, 'data-link': true, class: 'rail-avatar', 'aria-label': `Profile of @${this.creator.username ?? ''}` },
        h('img', { src: avatarUrl(this.creator.id), alt: '', width: 48, height: 48, loading: 'lazy' })),
      this.followButton);
  }

  render() {
    this.likeButton.setAttribute('aria-pressed', String(this.liked));
    this.likeButton.classList.toggle('on', this.liked);
    this.likeButton.setAttribute('aria-label', label(this.liked ? 'Unlike' : 'Like', this.counts.likes, 'like'));
    this.likeButton.count.textContent = countLabel(this.counts.likes);
    this.commentButton.count.textContent = countLabel(this.counts.comments);
    this.commentButton.setAttribute('aria-label', label('Comments', this.counts.comments, 'comment'));
    this.shareButton.count.textContent = countLabel(this.counts.shares);
    this.shareButton.setAttribute('aria-label', label('Share', this.counts.shares, 'share'));
    if (this.followButton) this.followButton.hidden = !!this.following;
  }

  /** Once the slide is on screen: counts (when the feed item had none) and the viewer's own state. */
  async loadViewer() {
    if (this.viewerLoaded) return;
    this.viewerLoaded = true;
    try {
      const [details, state] = await Promise.all([
        this.video.counts ? null : api(`/api/v1/videos/${encodeURIComponent(this.video.id)}`),
        session.user ? social.viewer(this.video.id) : null,
      ]);
      if (details?.counts) Object.assign(this.counts, details.counts);
      if (state) {
        this.liked = !!state.liked;
        this.following = !!state.followingCreator;
      }
      this.slide.dataset.socialReady = 'true';
      this.render();
    } catch {
      this.viewerLoaded = false;
    }
  }

  requireSignIn() {
    if (session.user) return true;
    navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
    return false;
  }

  async setLiked(on) {
    if (!this.requireSignIn() || this.pending) return;
    this.pending = true;
    const before = { liked: this.liked, likes: this.counts.likes };
    this.liked = on;
    this.counts.likes = Math.max(0, this.counts.likes + (on === before.liked ? 0 : on ? 1 : -1));
    this.render();
    try {
      const res = await social.like(this.video.id, on);
      this.liked = res.liked;
      this.counts.likes = res.likes;
    } catch (err) {
      Object.assign(this, { liked: before.liked });
      this.counts.likes = before.likes;
      toast(err.message);
    } finally {
      this.pending = false;
      this.render();
    }
  }

  /** Two taps close together like (never unlike) the video and float a heart where the finger was. */
  onTap(e) {
    if (e.target.closest('.social-rail')) return;
    const now = performance.now();
    if (this.lastTap && now - this.lastTap < DOUBLE_TAP_MS) {
      this.lastTap = 0;
      this.doubleTap(e);
      return;
    }
    this.lastTap = now;
  }

  doubleTap(e) {
    if (e.target.closest('.social-rail')) return;
    this.lastHeart = performance.now();
    this.heart(e);
    if (!this.liked) this.setLiked(true);
  }

  heart(e) {
    const box = this.slide.getBoundingClientRect();
    const x = (e.clientX || box.left + box.width / 2) - box.left;
    const y = (e.clientY || box.top + box.height / 2) - box.top;
    const burst = h('div', { class: 'heart-burst', 'aria-hidden': 'true' }, icon(HEART));
    // Through the CSSOM: the page's CSP forbids inline style attributes.
    Object.assign(burst.style, { left: `${x}px`, top: `${y}px` });
    this.slide.append(burst);
    // How many hearts this slide has shown: the animation is gone in under a second, the count stays for tests.
    this.slide.dataset.hearts = String(Number(this.slide.dataset.hearts ?? 0) + 1);
    setTimeout(() => burst.remove(), 900);
  }

  async follow() {
    if (!this.requireSignIn()) return;
    try {
      await social.follow(this.creator.id, true);
      this.following = true;
      toast(`Following @${this.creator.username}`);
    } catch (err) {
      toast(err.message);
    }
    this.render();
  }

  openComments() {
    openComments({ ...this.video, counts: this.counts }, this.commentButton, (delta) => {
      this.counts.comments = Math.max(0, this.counts.comments + delta);
      this.render();
    });
  }

  async share() {
    const shares = await shareVideo(this.video);
    if (shares != null) {
      this.counts.shares = shares;
      this.render();
    }
  }
}
