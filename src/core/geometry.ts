/**
 * Scalar 2D geometry helpers for per-frame metrics. They take plain numbers, not objects,
 * so the per-frame loop over an hour of video allocates nothing (see frame_metrics.ts).
 * Image convention inside core after camera_roll.ts: x right, Y UP (pixels), so "higher" is
 * a larger Y.
 */

export const RAD_TO_DEG = 180 / Math.PI;
export const DEG_TO_RAD = Math.PI / 180;

/** Unsigned angle between vectors (ax, ay) and (bx, by), degrees 0..180; NaN if either is zero. */
export function angleBetweenDeg(ax: number, ay: number, bx: number, by: number): number {
  const cross = ax * by - ay * bx;
  const dot = ax * bx + ay * by;
  if (cross === 0 && dot === 0) return NaN;
  return Math.abs(Math.atan2(cross, dot)) * RAD_TO_DEG;
}

/** Interior angle at B of the chain A-B-C, turned into "bend": 0 = straight, 180 = folded. */
export function bendAngleDeg(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return 180 - angleBetweenDeg(ax - bx, ay - by, cx - bx, cy - by);
}

/**
 * Angle of vector (dx, dY) from vertical-up, degrees, signed by dx's direction along
 * `forwardSign` (+1 = image right is forward, -1 = image left is forward).
 */
export function fromVerticalDeg(dx: number, dY: number, forwardSign: number): number {
  return Math.atan2(dx * forwardSign, dY) * RAD_TO_DEG;
}

/**
 * Signed perpendicular distance of point P from the line A->B, positive on the side that
 * `towardX` points to along x (towardX = +1 means "to image right is positive").
 * Returns NaN when A and B coincide.
 */
export function signedOffsetFromLine(
  px: number, py: number, ax: number, ay: number, bx: number, by: number, towardX: number,
): number {
  const lx = bx - ax;
  const ly = by - ay;
  const len = Math.sqrt(lx * lx + ly * ly);
  if (!(len > 0)) return NaN;
  // 2D cross gives the signed distance; its sign says left/right of the line A->B.
  const d = (lx * (py - ay) - ly * (px - ax)) / len;
  // Normal of A->B pointing to the "left" of the direction (counter-clockwise in a Y-up frame):
  const nx = -ly / len;
  // d > 0 means P lies along +normal. Positive output when the normal points toward towardX.
  return nx * towardX >= 0 ? d : -d;
}

export const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
export const isFiniteNumber = (v: number) => v === v && v !== Infinity && v !== -Infinity;
