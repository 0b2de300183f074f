// How long a viewer has actually watched one slide: the sum of small forward steps of the playhead while it plays
// (seeks and the jump back at each loop add nothing), and when that is worth a "watched" beacon.
const MIN_WATCHED_MS = 2000;
const MAX_STEP_S = 1.5;

export class WatchTime {
  constructor() {
    this.total = 0;
    this.last = null;
    this.loops = 0;
  }

  /** Records the playhead; returns true when it jumped back to the start (one pass of a looping clip ended). */
  advance(currentTime, playing) {
    const last = this.last;
    this.last = currentTime;
    if (last === null) return false;
    const step = currentTime - last;
    if (playing && step > 0 && step < MAX_STEP_S) this.total += step;
    if (currentTime + 0.5 < last) {
      this.loops += 1;
      return playing;
    }
    return false;
  }

  ms() {
    return Math.round(this.total * 1000);
  }

  /** 2 s, or half of a shorter clip, is a view. */
  counts(duration) {
    const half = Number.isFinite(duration) && duration > 0 ? (duration * 1000) / 2 : Infinity;
    return this.ms() >= Math.min(MIN_WATCHED_MS, half);
  }

  completed(duration) {
    return this.loops > 0 || (Number.isFinite(duration) && duration > 0 && this.total >= duration * 0.95);
  }
}
