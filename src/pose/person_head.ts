/**
 * Where a tracked person's head is, as a square in frame pixels: what person_mask.ts paints over
 * when another person is being followed, and what claims a fresh detection for this person.
 */
import type { PixelRect } from './person_mask';

interface Point {
  x: number;
  y: number;
  score?: number;
}

/** BlazePose keypoints 0..10: nose, eyes, ears, mouth. */
const FACE_KEYPOINTS = 11;
const LEFT_SHOULDER = 11;
const RIGHT_SHOULDER = 12;
const LEFT_HIP = 23;
const RIGHT_HIP = 24;
const SEEN = 0.5;

/**
 * Side of the head square as a share of the torso (shoulder centre to hip centre). Drillis and
 * Contini's segment lengths (as tabulated in Winter, Biomechanics and Motor Control of Human
 * Movement, ch. 4) put the head at 0.130 of body height and shoulder to hip at 0.288 (0.818 - 0.530),
 * so a head is about 0.45 torso long; 0.8 covers it with a margin for a frame's motion.
 */
export const HEAD_SIDE_PER_TORSO = 0.8;
/** At least this many times the spread of the face keypoints (a face seen close up, torso cut off). */
const HEAD_SIDE_PER_FACE_SPREAD = 1.6;

function mid(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** The head square of one pose (33 BlazePose keypoints in pixels), or null without keypoints. */
export function headBox(keypoints: readonly Point[] | null | undefined): PixelRect | null {
  if (!keypoints || keypoints.length < 25) return null;
  const face = keypoints.slice(0, FACE_KEYPOINTS);
  const seen = face.filter((k) => (k.score ?? 1) >= SEEN);
  const use = seen.length >= 2 ? seen : face;
  let cx = 0;
  let cy = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const k of use) {
    cx += k.x;
    cy += k.y;
    minX = Math.min(minX, k.x);
    maxX = Math.max(maxX, k.x);
    minY = Math.min(minY, k.y);
    maxY = Math.max(maxY, k.y);
  }
  cx /= use.length;
  cy /= use.length;
  const shoulders = mid(keypoints[LEFT_SHOULDER], keypoints[RIGHT_SHOULDER]);
  const hips = mid(keypoints[LEFT_HIP], keypoints[RIGHT_HIP]);
  const torso = Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y);
  const spread = Math.max(maxX - minX, maxY - minY);
  const side = Math.max(HEAD_SIDE_PER_TORSO * torso, HEAD_SIDE_PER_FACE_SPREAD * spread);
  if (!Number.isFinite(side) || side <= 0) return null;
  return { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
}

export function rectCenter(r: PixelRect): { x: number; y: number } {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

export function rectContains(r: PixelRect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

/** A copy scaled about its centre (a detector's face box is wider than the face). */
export function scaleRect(r: PixelRect, factor: number): PixelRect {
  const c = rectCenter(r);
  const w = r.width * factor;
  const h = r.height * factor;
  return { x: c.x - w / 2, y: c.y - h / 2, width: w, height: h };
}
