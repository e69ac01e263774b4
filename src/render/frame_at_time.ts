/**
 * Which PoseTrack frame is on screen at media time t: the last frame whose timestamp is at or
 * before t. requestVideoFrameCallback reports the shown frame's own timestamp (mediaTime), so an
 * exact match is the norm; the tolerance absorbs float rounding between the container's time base
 * and the media clock (half a millisecond, far below any frame interval).
 */
import { indexAtTime } from '../core/series';
import type { PoseFrame } from '../core/types';

export function frameIndexAtTime(frames: readonly { t: number }[], t: number): number {
  return indexAtTime(frames.length, (i) => frames[i].t, t);
}

export function frameAtTime(frames: readonly PoseFrame[], t: number): PoseFrame | null {
  const i = frameIndexAtTime(frames, t);
  return i < 0 ? null : frames[i];
}
