/**
 * Body lengths in pixels from the keypoints: the hip-to-ankle distance (the body's scale, for
 * thresholds and standing detection) and per-frame thigh and shank lengths (the standing
 * baseline's segment lengths, standing_baseline.ts).
 */
import { KP, type KeypointSeries } from '../keypoint_access';
import { ok } from './keypoint_gate';

/** Hip-mid to ankle-mid distance per frame (one side standing in when the other is missing). */
export function hipAnkleDistance(s: KeypointSeries): Float32Array {
  const n = s.n;
  const out = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const hl = ok(s, KP.leftHip, i), hr = ok(s, KP.rightHip, i), al = ok(s, KP.leftAnkle, i), ar = ok(s, KP.rightAnkle, i);
    if (!(hl || hr) || !(al || ar)) continue;
    const hx = hl && hr ? (s.x[KP.leftHip * n + i] + s.x[KP.rightHip * n + i]) / 2 : s.x[(hl ? KP.leftHip : KP.rightHip) * n + i];
    const hy = hl && hr ? (s.y[KP.leftHip * n + i] + s.y[KP.rightHip * n + i]) / 2 : s.y[(hl ? KP.leftHip : KP.rightHip) * n + i];
    const ax = al && ar ? (s.x[KP.leftAnkle * n + i] + s.x[KP.rightAnkle * n + i]) / 2 : s.x[(al ? KP.leftAnkle : KP.rightAnkle) * n + i];
    const ay = al && ar ? (s.y[KP.leftAnkle * n + i] + s.y[KP.rightAnkle * n + i]) / 2 : s.y[(al ? KP.leftAnkle : KP.rightAnkle) * n + i];
    out[i] = Math.sqrt((hx - ax) * (hx - ax) + (hy - ay) * (hy - ay));
  }
  return out;
}

/** Distance between keypoints a and b in frame i, px (a module function: a closure per call cost more than the loop). */
function distance(s: KeypointSeries, a: number, b: number, i: number): number {
  const n = s.n;
  const dx = s.x[a * n + i] - s.x[b * n + i], dy = s.y[a * n + i] - s.y[b * n + i];
  return Math.sqrt(dx * dx + dy * dy);
}

/** Mean over visible sides of thigh (hip-knee) and shank (knee-ankle) lengths per frame. */
export function segmentLengths(s: KeypointSeries, thigh: Float32Array, shank: Float32Array): void {
  const n = s.n;
  for (let i = 0; i < n; i++) {
    let ts = 0, tc = 0, ss = 0, sc = 0;
    for (let side = 0; side < 2; side++) {
      const h = side ? KP.rightHip : KP.leftHip, k = side ? KP.rightKnee : KP.leftKnee, a = side ? KP.rightAnkle : KP.leftAnkle;
      if (ok(s, h, i) && ok(s, k, i)) { ts += distance(s, h, k, i); tc++; }
      if (ok(s, k, i) && ok(s, a, i)) { ss += distance(s, k, a, i); sc++; }
    }
    if (tc) thigh[i] = ts / tc;
    if (sc) shank[i] = ss / sc;
  }
}
