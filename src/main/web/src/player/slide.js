import { h } from '../dom.js';
import { attach, fetchesWithCors, sourcesOf, webAudioSafe } from './source.js';
import { shareAudio } from './sharedAudio.js';
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
    this.video = this.element({ muted: true, preload: 'metadata' });
    this.video.muted = true;
    this.shareAudio(this.video);
    this.cover = play?.coverUrl ? h('img', { class: 'player-cover', src: play.coverUrl, alt: '', loading: 'lazy', decoding: 'async' }) : null;
    this.bar = h('div', { class: 'player-progress-fill' });
    /** What the feed's live region says when this slide comes on screen: the title and who made it. */
    this.label = [video.title || 'Untitled', video.creator?.username ? `by @${video.creator.username}` : null]
      .filter(Boolean).join(', ');
    this.el = h('section', { class: 'player-slide', 'aria-label': this.label, dataset: { videoId: video.id } },
      this.video, this.cover,
      h('div', { class: 'player-caption' }, video.title || 'Untitled'),
      h('div', { class: 'player-progress' }, this.bar));
    // Inert while off screen (the feed lifts it when it shows the slide): Tab and a screen reader's cursor never land
    // on a slide nobody sees, such as the next one waiting below the screen.
    this.el.inert = true;
    this.listen();
  }

  /**
   * Takes the page's server-rendered first video (loading, perhaps playing, since the HTML arrived) in place of
   * this slide's element, with its source first in the fallback order. Call it once the slide is in the document:
   * the element moves in one step and never leaves it, so it does not pause. False (nothing taken) when there is
   * no such element or this slide starts with HLS.
   */
  adoptBoot(boot) {
    if (!boot || boot.error || this.index >= 0 || this.sources[0]?.kind !== 'mp4') return false;
    // a starter (video-only copy, data-full-src names the rung with sound) counts as that rung's source
    const url = boot.dataset.fullSrc || boot.getAttribute('src');
    this.starter = Boolean(boot.dataset.fullSrc);
    const at = this.sources.findIndex((s) => s.kind === 'mp4' && s.url === url);
    const [source] = at >= 0 ? this.sources.splice(at, 1) : [{ kind: 'mp4', url }];
    this.sources.unshift(source);
    this.index = 0;
    this.el.dataset.source = 'mp4';
    this.el.dataset.boot = 'true';
    if (this.starter) this.el.dataset.starter = 'true';
    boot.removeAttribute('id');
    boot.loop = true;
    this.video.replaceWith(boot);
    this.video = boot;
    this.shareAudio(boot);
    this.listen();
    document.getElementById('boot-stage')?.remove();
    // its start was the page's start: startup time counts from navigation
    this.bootStart = true;
    return true;
  }

  /**
   * A <video> for this slide. Media from the CORS-answering edge (another origin) is fetched in CORS mode: set
   * before any src, so its audio may go through the shared context (Web Audio silences other cross-origin audio).
   */
  element(attrs) {
    const video = h('video', { playsinline: true, loop: true, ...attrs, 'data-video-id': this.id });
    if (fetchesWithCors(this.sources)) video.crossOrigin = 'anonymous';
    return video;
  }

  /**
   * Its sound through the feed's shared audio context (see sharedAudio.js), when all its sources allow that for
   * this element (a server-rendered one from another origin without crossorigin does not).
   */
  shareAudio(video) {
    if (webAudioSafe(this.sources, video)) shareAudio(video);
  }

  listen() {
    const v = this.video;
    // an element replaced by another (a starter after unmuting) speaks for the slide no more
    v.addEventListener('error', () => { if (v === this.video) this.fail(v.error?.message || `code ${v.error?.code}`); });
    // Waiting before the first frame is start-up time, not a stall: only a playing video can stall.
    v.addEventListener('waiting', () => {
      if (v !== this.video || !this.active || !this.sawFrame || this.stalled) return;
      this.stalled = true;
      beacon(this.id, 'stall-start', { currentTime: v.currentTime });
    });
    v.addEventListener('playing', () => {
      if (v !== this.video) return;
      if (this.stalled) beacon(this.id, 'stall-end', { currentTime: v.currentTime });
      this.stalled = false;
    });
    v.addEventListener('timeupdate', () => { if (v === this.video) this.progress(); });
  }

  /**
   * Sound on: a slide still on its starter moves to the rendition with sound (at once when it stays on screen;
   * one being swiped away does so only if it is shown again, so it takes no bandwidth from the next slide).
   */
  unmute({ staying = true } = {}) {
    this.muted = false;
    if (!this.starter) this.video.muted = false;
    else if (staying) this.leaveStarter();
  }

  /**
   * The starter has no audio track: a second element loads the same rung with sound, seeks to where the starter
   * is, and takes its place once it can play from there (the starter plays on meanwhile, so the picture never
   * stops); a failure falls back to the source chain as any media error does.
   */
  leaveStarter() {
    this.starter = false;
    delete this.el.dataset.starter;
    const old = this.video;
    const next = this.element({ preload: 'auto' });
    next.muted = this.muted;
    this.shareAudio(next);
    let swapped = false;
    const swap = () => {
      if (swapped) return;
      swapped = true;
      old.replaceWith(next);
      old.pause();
      old.removeAttribute('src');
      old.load();
      this.video = next;
      this.listen();
      if (this.active) next.play().catch(() => { next.muted = true; next.play().catch(() => {}); });
    };
    next.addEventListener('canplay', () => {
      if (swapped) return;
      next.addEventListener('seeked', swap, { once: true });
      next.currentTime = old.currentTime;
    }, { once: true });
    next.addEventListener('error', () => { if (!swapped) { swapped = true; this.fail('starter: ' + (next.error?.message || 'error')); } }, { once: true });
    next.src = this.sources[this.index].url;
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

  /**
   * Pre-renders this slide while it waits off screen: its source buffers and its first frame is decoded and
   * composited — it plays muted for one frame and goes back to the start — so a swipe only has to call play().
   * MP4 only (hls.js buffers by itself once attached).
   */
  warm() {
    this.prepare();
    if (this.warmed || this.active || this.sources[this.index]?.kind !== 'mp4') return;
    this.warmed = true;
    const v = this.video;
    const settle = () => {
      if (this.active) return;
      v.pause();
      v.currentTime = 0;
      this.el.dataset.warm = 'true';
    };
    const run = () => {
      if (this.active) return;
      v.muted = true;
      v.play().then(() => {
        if ('requestVideoFrameCallback' in v) v.requestVideoFrameCallback(settle);
        else settle();
      }).catch(() => {});
    };
    if (v.readyState >= 2) run();
    else v.addEventListener('loadeddata', run, { once: true });
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
    // a failed starter is followed by its own rung (with sound), not by the next source
    if (this.starter) { this.starter = false; delete this.el.dataset.starter; this.index -= 1; }
    if (this.next() && this.active) this.start(this.muted);
  }

  start(muted) {
    this.active = true;
    this.muted = muted;
    this.startedAt = this.bootStart ? 0 : performance.now();
    this.bootStart = false;
    this.prepare();
    if (!muted && this.starter) this.leaveStarter();
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
    // a boot video may have shown its first frame before this bundle ran: the page's inline script noted when
    const earlier = Number(this.video.dataset.firstFrameAt);
    if (this.video.dataset.firstFrameAt && Number.isFinite(earlier)) {
      this.sawFrameAt(earlier, Number(this.video.dataset.firstFrameCallbackAt) || earlier);
      return;
    }
    // the frame's presentation time (when it went to the compositor), not when a busy main thread got to the callback
    const shown = (now, meta) => {
      const at = typeof now === 'number' ? now : performance.now();
      this.sawFrameAt(meta?.presentationTime || at, at);
    };
    if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(shown);
    else this.video.addEventListener('playing', () => shown(), { once: true });
  }

  sawFrameAt(at, callbackAt = at) {
    if (this.sawFrame) return;
    this.sawFrame = true;
    this.cover?.remove();
    // For tests and bench/player: when the frame was presented, since page start and since start(); and when the
    // main thread heard of it (later when it is busy, e.g. with the bundle).
    Object.assign(this.el.dataset, { firstFrame: 'true', firstFrameAt: String(Math.round(at)),
      startupMs: String(Math.round(at - this.startedAt)),
      callbackStartupMs: String(Math.round(callbackAt - this.startedAt)) });
    beacon(this.id, 'first-frame', { currentTime: this.video.currentTime, startupMs: Math.round(at - this.startedAt) });
    this.onFirstFrame?.();
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
