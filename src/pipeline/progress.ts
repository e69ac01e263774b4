/**
 * Progress figures for a long-running frame loop: frames done / total, frames per second over a
 * recent window (so the estimate follows slow-downs such as a backgrounded tab), and time left.
 * Pure and clock-injected, so it is unit-tested without a browser.
 */

export interface ProgressSnapshot {
  framesDone: number;
  framesTotal: number;
  /** Frames per second over the recent window; null until two frames have finished. */
  fps: number | null;
  /** Seconds left at the recent rate; null while unknown. */
  secondsLeft: number | null;
  /** 0..1 */
  fraction: number;
}

export class ProgressMeter {
  private readonly times: number[] = [];
  private done = 0;

  /** windowSize: how many recent frame completions the rate is taken over. */
  constructor(
    private readonly framesTotal: number,
    private readonly windowSize = 30,
  ) {}

  /** Records one finished frame at time nowMs (any monotonic clock, in milliseconds). */
  frameDone(nowMs: number): void {
    this.done += 1;
    this.times.push(nowMs);
    if (this.times.length > this.windowSize + 1) this.times.shift();
  }

  /** Records `count` frames finished together (a batch from a worker) at nowMs. */
  framesDone(count: number, nowMs: number): void {
    for (let i = 0; i < count; i++) this.frameDone(nowMs);
  }

  /** Forgets `count` finished frames (work that has to be redone); the rate window is kept. */
  discard(count: number): void {
    this.done = Math.max(0, this.done - count);
  }

  snapshot(): ProgressSnapshot {
    const total = Math.max(this.framesTotal, this.done);
    let fps: number | null = null;
    if (this.times.length >= 2) {
      const spanMs = this.times[this.times.length - 1] - this.times[0];
      if (spanMs > 0) fps = ((this.times.length - 1) * 1000) / spanMs;
    }
    const left = total - this.done;
    return {
      framesDone: this.done,
      framesTotal: total,
      fps,
      secondsLeft: fps ? left / fps : left === 0 ? 0 : null,
      fraction: total > 0 ? this.done / total : 0,
    };
  }
}

/** "1:05", "0:07": minutes and seconds for a time-left label. */
export function formatSecondsLeft(seconds: number | null): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
