/**
 * Keypoint look-up for the live set-up checks: by BlazePose name, gated on visibility.
 * Pure and allocation-light: the live loop calls this for every camera frame.
 */
import type { Keypoint, KeypointName, PoseFrame } from '../types';

/**
 * A keypoint counts as seen at BlazePose visibility >= 0.5: the same cut-off MediaPipe's own
 * drawing utilities use before drawing a landmark (mediapipe/python/solutions/drawing_utils.py,
 * `_VISIBILITY_THRESHOLD = 0.5`).
 */
export const MIN_VISIBILITY = 0.5;

export interface FrameSize {
  width: number;
  height: number;
}

export type KeypointIndex = Map<string, Keypoint>;

export function indexKeypoints(frame: PoseFrame): KeypointIndex | null {
  if (!frame.keypoints || frame.keypoints.length === 0) return null;
  const index: KeypointIndex = new Map();
  for (const k of frame.keypoints) {
    if (Number.isFinite(k.x) && Number.isFinite(k.y) && Number.isFinite(k.score)) index.set(k.name, k);
  }
  return index;
}

/** The keypoint when it is found and seen well enough, else null. */
export function seen(index: KeypointIndex, name: KeypointName, minScore = MIN_VISIBILITY): Keypoint | null {
  const k = index.get(name);
  return k && k.score >= minScore ? k : null;
}

/** The keypoint whatever its score (for "where did the model put it"), else null. */
export function located(index: KeypointIndex, name: KeypointName): Keypoint | null {
  return index.get(name) ?? null;
}

export function midpoint(a: Keypoint | null, b: Keypoint | null): { x: number; y: number } | null {
  if (!a || !b) return null;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** True when the point lies inside the frame by at least marginFrac of each dimension. */
export function insideFrame(p: { x: number; y: number }, size: FrameSize, marginFrac: number): boolean {
  const mx = size.width * marginFrac;
  const my = size.height * marginFrac;
  return p.x >= mx && p.x <= size.width - mx && p.y >= my && p.y <= size.height - my;
}
