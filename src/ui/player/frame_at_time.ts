/**
 * Which PoseTrack frame is on screen at media time t: the last frame whose timestamp is at or
 * before t. requestVideoFrameCallback reports the shown frame's own timestamp (mediaTime), so an
 * exact match is the norm; the tolerance absorbs float rounding between the container's time base
 * and the media clock (half a millisecond, far below any frame interval).
 */
import type { PoseFrame } from '../../core/types';

const TOLERANCE_S = 0.0005;

export function frameIndexAtTime(frames: readonly { t: number }[], t: number): number {
  if (frames.length === 0 || t + TOLERANCE_S < frames[0].t) return -1;
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid].t <= t + TOLERANCE_S) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function frameAtTime(frames: readonly PoseFrame[], t: number): PoseFrame | null {
  const i = frameIndexAtTime(frames, t);
  return i < 0 ? null : frames[i];
}
