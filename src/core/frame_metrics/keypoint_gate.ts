/**
 * The score gate every frame-stage step uses: a keypoint scoring below MIN_SCORE is not used
 * (BlazePose's visibility; REFERENCE.md §3: gate an occluded foot's heel and toe on visibility).
 */
import type { KeypointSeries } from '../keypoint_access';

export const MIN_SCORE = 0.3;

export function ok(s: KeypointSeries, k: number, i: number): boolean {
  return s.score[k * s.n + i] >= MIN_SCORE;
}

export function pairWidth(s: KeypointSeries, l: number, r: number, i: number): number {
  if (!ok(s, l, i) || !ok(s, r, i)) return NaN;
  const n = s.n;
  return Math.sqrt((s.x[l * n + i] - s.x[r * n + i]) * (s.x[l * n + i] - s.x[r * n + i]) + (s.y[l * n + i] - s.y[r * n + i]) * (s.y[l * n + i] - s.y[r * n + i]));
}
