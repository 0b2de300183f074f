import { h } from '../dom.js';
import { attach, sourcesOf } from './source.js';
import { beacon } from './beacons.js';
import { poorNetwork } from './hints.js';
import { WatchTime } from './watch.js';

// One screen of the feed: a looping <video> over its cover, a thin progress bar, and the fallback chain.
export class Slide {
  constructor(video, play) {
    this.id = video.id;
    this.play = play;
    this.sources = sourcesOf(play, { poorNetwork: poorNetwork() });
    this.index = -1;
    this.detach = () => {};
    this.watch = new WatchTime();
    this.video = h('video', { playsinline: true, loop: true, muted: true, preload: 'metadata', 'data-video-id': video.id });
    this.video.muted = true;
    this.cover = play?.coverUrl ? h('img', { class: 'player-cover', src: play.coverUrl, alt: '', loading: 'lazy', decoding: 'async' }) : null;
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
    // Waiting before the first frame is start-up time, not a stall: only a playing video can stall.
    v.addEventListener('waiting', () => {
      if (!this.active || !this.sawFrame || this.stalled) return;
      this.stalled = true;
      beacon(this.id, 'stall-start', { currentTime: v.currentTime });
    });
    v.addEventListener('playing', () => {
      if (this.stalled) beacon(this.id, 'stall-end', { currentTime: v.currentTime });
      this.stalled = false;
    });
    v.addEventListener('timeupdate', () => this.progress());
  }

  progress() {
    const v = this.video;
    const wrapped = this.watch.advance(v.currentTime, this.active && !v.paused);
    // A looping video never fires 'ended': a jump back to the start is the end of one pass.
    if (this.active && wrapped) beacon(this.id, 'ended', { watchedMs: this.watch.ms(), completed: true });
    if (this.active && !this.sentWatched && this.watch.counts(v.duration)) {
      this.sentWatched = true;
      beacon(this.id, 'watched', { watchedMs: this.watch.ms(), completed: this.watch.completed(v.duration) });
    }
    if (v.duration) this.bar.style.width = `${(100 * v.currentTime) / v.duration}%`;
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
    this.el.dataset.source = source.kind;
    this.detach = attach(this.video, source, (detail) => this.fail(detail), () => {
      // an element that failed before refused play(); once hls.js holds it, playing can start
      if (this.active) this.video.play().catch(() => {});
    });
    return true;
  }

  fail(detail) {
    beacon(this.id, 'error', { source: this.sources[this.index]?.kind ?? 'none', detail: String(detail).slice(0, 200) });
    if (this.next() && this.active) this.start(this.muted);
  }

  start(muted) {
    this.active = true;
    this.muted = muted;
    this.startedAt = performance.now();
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
    const shown = (now) => {
      if (this.sawFrame) return;
      this.sawFrame = true;
      this.cover?.remove();
      const at = typeof now === 'number' ? now : performance.now();
      // For tests and bench/player: when the frame was presented, since page start and since start().
      Object.assign(this.el.dataset, { firstFrame: 'true', firstFrameAt: String(Math.round(at)),
        startupMs: String(Math.round(at - this.startedAt)) });
      beacon(this.id, 'first-frame', { currentTime: this.video.currentTime, startupMs: Math.round(at - this.startedAt) });
      this.onFirstFrame?.();
    };
    if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(shown);
    else this.video.addEventListener('playing', () => shown(), { once: true });
  }

  stop() {
    if (this.active) {
      beacon(this.id, 'exit', { watched: this.video.currentTime, watchedMs: this.watch.ms(),
        completed: this.watch.completed(this.video.duration) });
    }
    this.active = false;
    this.stalled = false;
    this.video.pause();
  }

  toggle() {
    if (this.video.paused) this.video.play().catch(() => {});
    else this.video.pause();
  }
}
