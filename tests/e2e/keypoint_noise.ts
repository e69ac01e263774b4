/**
 * Keypoint noise for the e2e tests that compare two tracks of one clip (parts vs one worker, the
 * browser vs the CLI): how far each confident keypoint sits from the midpoint of its neighbours
 * in time (|p[t] - (p[t-1] + p[t+1]) / 2|), the jitter a filter downstream has to absorb anyway.
 */
import type { PoseFrame } from '../../src/core/types';

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
}

/** Second-difference jitter of confident keypoints (score >= 0.5) along a track, px. */
export function jitter(frames: PoseFrame[]): number[] {
  const out: number[] = [];
  for (let i = 1; i + 1 < frames.length; i++) {
    const [a, b, c] = [frames[i - 1].keypoints, frames[i].keypoints, frames[i + 1].keypoints];
    if (!a || !b || !c) continue;
    b.forEach((k, j) => {
      if (k.score < 0.5 || a[j].score < 0.5 || c[j].score < 0.5) return;
      out.push(Math.hypot(k.x - (a[j].x + c[j].x) / 2, k.y - (a[j].y + c[j].y) / 2));
    });
  }
  return out;
}
