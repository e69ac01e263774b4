/** Which way the lifter faces in the picture (the sign of every forward angle). */
import { KP, type KeypointSeries } from '../keypoint_access';
import { ok } from './keypoint_gate';

/**
 * Which way the lifter faces in the picture, per frame: toes ahead of heels (both feet), else
 * the nose ahead of the ears; then the majority over each second, so one odd frame does not
 * flip the sign of every forward angle. 0 where unknown (e.g. facing the camera).
 */
export function facingPerFrame(s: KeypointSeries, X: Float32Array, footPx: number, fps: number): Int8Array {
  const n = s.n;
  const raw = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0, c = 0;
    for (let side = 0; side < 2; side++) {
      const h = side ? KP.rightHeel : KP.leftHeel, t = side ? KP.rightToe : KP.leftToe;
      if (ok(s, h, i) && ok(s, t, i)) { d += X[t * n + i] - X[h * n + i]; c++; }
    }
    if (c && Math.abs(d / c) > 0.25 * footPx) { raw[i] = Math.sign(d); continue; }
    const le = ok(s, KP.leftEar, i), re = ok(s, KP.rightEar, i);
    if (ok(s, KP.nose, i) && (le || re)) {
      const ex = le && re ? (X[KP.leftEar * n + i] + X[KP.rightEar * n + i]) / 2 : X[(le ? KP.leftEar : KP.rightEar) * n + i];
      const dn = X[KP.nose * n + i] - ex;
      if (Math.abs(dn) > 0.05 * footPx) raw[i] = Math.sign(dn) * 0.5;
    }
  }
  const out = new Int8Array(n);
  const block = Math.max(1, Math.round(fps));
  let last = 0;
  for (let b = 0; b * block < n; b++) {
    let sum = 0;
    for (let i = b * block; i < Math.min(n, (b + 1) * block); i++) sum += raw[i];
    const sign = sum > 0 ? 1 : sum < 0 ? -1 : last;
    if (sign) last = sign;
    for (let i = b * block; i < Math.min(n, (b + 1) * block); i++) out[i] = sign;
  }
  // Blocks before the first decided one take its sign.
  let first = 0;
  for (let i = 0; i < n; i++) if (out[i]) { first = out[i]; break; }
  for (let i = 0; i < n && !out[i]; i++) out[i] = first;
  return out;
}
