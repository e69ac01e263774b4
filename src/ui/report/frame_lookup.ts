/** Index of the frame nearest to time t in a list sorted by t (binary search); -1 when empty. */
export function nearestFrameIndex(frames: readonly { t: number }[], t: number): number {
  if (frames.length === 0) return -1;
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(frames[lo - 1]!.t - t) <= Math.abs(frames[lo]!.t - t)) return lo - 1;
  return lo;
}
