import { h } from '../dom.js';
import { attach, sourcesOf } from './source.js';
import { beacon } from './beacons.js';

// One screen of the feed: a looping <video> over its cover, a thin progress bar, and the fallback chain.
export class Slide {
  constructor(video, play) {
    this.id = video.id;
    this.play = play;
    this.sources = sourcesOf(play);
    this.index = -1;
    this.detach = () => {};
    this.video = h('video', { playsinline: true, loop: true, muted: true, preload: 'metadata', 'data-video-id': video.id });
    this.video.muted = true;
    this.cover = play?.coverUrl ? h('img', { class: 'player-cover', src: play.coverUrl, alt: '' }) : null;
    this.bar = h('div', { class: 'player-progress-fill' });
    this.el = h('section', { class: 'player-slide', dataset: { videoId: video.id } },
      this.video, this.cover,
      h('div', { class: 'player-caption' }, video.title || 'Untitled'),
      h('div', { class: 'player-progress' }, this.bar));
    this.listen();
  }

  listen() {
    const v = this.video;
    v.addEventListener('error', () => this.fail(v.error?.message || `code ${v.error?.code}`));
    v.addEventListener('waiting', () => { if (this.active) beacon(this.id, 'stall-start'); });
    v.addEventListener('playing', () => { if (this.stalled) beacon(this.id, 'stall-end'); this.stalled = false; });
    v.addEventListener('waiting', () => { this.stalled = this.active; });
    v.addEventListener('timeupdate', () => {
      // A looping video never fires 'ended': a jump back to the start is the end of one pass.
      if (this.active && v.currentTime + 0.5 < (this.lastTime ?? 0)) beacon(this.id, 'ended');
      this.lastTime = v.currentTime;
      if (v.duration) this.bar.style.width = `${(100 * v.currentTime) / v.duration}%`;
    });
  }

  /** Sets the first source (idempotent), so the element starts buffering: used for adjacent preload too. */
  prepare() {
    if (this.index < 0) this.next();
    this.video.preload = 'auto';
  }

  next() {
    this.detach();
    this.index += 1;
    const source = this.sources[this.index];
    if (!source) return false;
    this.detach = attach(this.video, source, (detail) => this.fail(detail));
    return true;
  }

  fail(detail) {
    beacon(this.id, 'error', { source: this.sources[this.index]?.kind ?? 'none', detail: String(detail).slice(0, 200) });
    if (this.next() && this.active) this.start(this.muted);
  }

  start(muted) {
    this.active = true;
    this.muted = muted;
    this.prepare();
    this.video.muted = muted;
    beacon(this.id, 'play-request', { source: this.sources[this.index]?.kind ?? 'none' });
    this.watchFirstFrame();
    this.video.play().catch(() => {
      // Autoplay with sound refused before any interaction: play muted instead.
      this.video.muted = true;
      this.video.play().catch(() => {});
    });
  }

  watchFirstFrame() {
    if (this.sawFrame) return;
    const shown = () => {
      if (this.sawFrame) return;
      this.sawFrame = true;
      this.cover?.remove();
      this.el.dataset.firstFrame = 'true';
      beacon(this.id, 'first-frame', { currentTime: this.video.currentTime });
      this.onFirstFrame?.();
    };
    if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(shown);
    else this.video.addEventListener('playing', shown, { once: true });
  }

  stop() {
    if (this.active) beacon(this.id, 'exit', { watched: this.video.currentTime });
    this.active = false;
    this.video.pause();
  }

  toggle() {
    if (this.video.paused) this.video.play().catch(() => {});
    else this.video.pause();
  }
}
