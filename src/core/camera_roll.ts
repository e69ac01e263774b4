/**
 * Camera roll: how far the phone was tilted about its viewing axis. A tilted picture adds its
 * tilt to every angle measured against vertical (torso, shin) and to heel height, so it is
 * estimated and removed first (REFERENCE.md §3 "Remove camera roll first").
 *
 * Two cues, both from frames where the lifter stands still:
 * 1. Standing posture: the ankle-mid -> shoulder-mid line of a person standing upright and
 *    straight (legs and trunk in line within 8 deg) is vertical to within a few degrees (the body's line of gravity passes near the ankles;
 *    Winter 2009). Works from every view.
 * 2. The line of the feet: in a front view both ankles and both heels rest on the floor at the
 *    same height, so the left-right line is horizontal. Used only when the feet are spread
 *    across the picture (front-ish view); from 45 degrees perspective tilts this line.
 * When both exist and agree within 4 deg they are averaged; otherwise posture wins.
 *
 * Sign: positive roll = the floor line rises to the right on screen (world horizontal appears
 * as pixel direction (cos r, -sin r)). Removing it rotates points by -roll about the centre.
 */
import { RAD_TO_DEG } from './geometry';
import { KP, type KeypointSeries } from './keypoint_access';

export interface RollEstimate {
  rollDeg: number;
  /** 0..1: how many standing frames supported it and whether the cues agreed. */
  confidence: number;
  source: 'posture' | 'feet' | 'both' | 'none';
}

const median = (a: number[]) => {
  if (!a.length) return NaN;
  const s = a.slice().sort((p, q) => p - q);
  return s[s.length >> 1];
};

function mid(s: KeypointSeries, a: number, b: number, i: number, minScore: number, out: number[]): boolean {
  const n = s.n;
  const ao = a * n + i, bo = b * n + i;
  const okA = s.score[ao] >= minScore, okB = s.score[bo] >= minScore;
  if (okA && okB) { out[0] = (s.x[ao] + s.x[bo]) / 2; out[1] = (s.y[ao] + s.y[bo]) / 2; return true; }
  if (okA) { out[0] = s.x[ao]; out[1] = s.y[ao]; return true; }
  if (okB) { out[0] = s.x[bo]; out[1] = s.y[bo]; return true; }
  return false;
}

/** standing[i] = 1 where the lifter stands still. legPx = typical hip-to-ankle length in pixels. */
export function estimateCameraRoll(s: KeypointSeries, standing: Uint8Array, legPx: number, minScore: number): RollEstimate {
  const posture: number[] = [];
  const feet: number[] = [];
  const a = [0, 0], sh = [0, 0], hp = [0, 0];
  const stride = Math.max(1, Math.floor(s.n / 4000)); // a few thousand standing frames are plenty
  for (let i = 0; i < s.n; i += stride) {
    if (!standing[i]) continue;
    if (mid(s, KP.leftAnkle, KP.rightAnkle, i, minScore, a) && mid(s, KP.leftShoulder, KP.rightShoulder, i, minScore, sh) &&
      mid(s, KP.leftHip, KP.rightHip, i, minScore, hp)) {
      // Only a straight body (legs and trunk in line within 8 deg) says where vertical is: a
      // lifter bent forward at the hips with straight legs also counts as "standing" by leg length.
      const lx = hp[0] - a[0], ly = hp[1] - a[1], tx = sh[0] - hp[0], ty = sh[1] - hp[1];
      const bend = Math.abs(Math.atan2(lx * ty - ly * tx, lx * tx + ly * ty)) * RAD_TO_DEG;
      const vx = sh[0] - a[0], vy = sh[1] - a[1]; // pixel y down: vy < 0 when the shoulders are above
      if (vy < 0 && bend <= 8) posture.push(Math.atan2(-vx, -vy) * RAD_TO_DEG);
    }
    for (const [l, r] of [[KP.leftAnkle, KP.rightAnkle], [KP.leftHeel, KP.rightHeel]] as const) {
      const lo = l * s.n + i, ro = r * s.n + i;
      if (s.score[lo] < minScore || s.score[ro] < minScore) continue;
      const dx = s.x[lo] - s.x[ro], dy = s.y[lo] - s.y[ro];
      if (Math.abs(dx) < 0.2 * legPx) continue; // feet not spread across the picture: not a front view
      feet.push(Math.atan(-dy / dx) * RAD_TO_DEG);
    }
  }
  const p = median(posture), f = median(feet);
  const support = (k: number) => Math.min(1, k / 10);
  if (Number.isFinite(p) && Number.isFinite(f) && feet.length >= posture.length / 2) {
    if (Math.abs(p - f) <= 4) return { rollDeg: (p + f) / 2, confidence: support(posture.length), source: 'both' };
    return { rollDeg: p, confidence: 0.5 * support(posture.length), source: 'posture' };
  }
  if (Number.isFinite(p)) return { rollDeg: p, confidence: 0.8 * support(posture.length), source: 'posture' };
  return { rollDeg: 0, confidence: 0, source: 'none' };
}

/**
 * Writes roll-free, Y-up coordinates of the given keypoints: X = x', Y = -(y') where (x', y')
 * is (x - cx, y - cy) rotated by -roll. Output arrays are laid out like the input and may be
 * the input arrays themselves (in place).
 */
export function removeRoll(
  s: KeypointSeries, keypoints: readonly number[], rollDeg: number, cx: number, cy: number,
  X: Float32Array, Y: Float32Array,
): void {
  const r = (rollDeg * Math.PI) / 180;
  const c = Math.cos(r), sn = Math.sin(r);
  const n = s.n;
  for (const k of keypoints) {
    const off = k * n;
    for (let i = 0; i < n; i++) {
      const dx = s.x[off + i] - cx, dy = s.y[off + i] - cy;
      X[off + i] = dx * c - dy * sn;
      Y[off + i] = -(dx * sn + dy * c);
    }
  }
}
