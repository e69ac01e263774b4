/**
 * What view detection (view_detection.ts) and the side-view metrics read from the keypoints:
 * the per-frame |cos yaw| from shoulder and hip widths against the lifter's own leg length
 * (Winter 2009 widths), the left-minus-right score gap (BlazePose scores the far side lower),
 * and the foreshortening of forward distances at 45 degrees.
 */
import { KP, type KeypointSeries } from '../keypoint_access';
import { VIEW_OBLIQUE } from '../metrics/metric_context';
import { HIP_PER_LEG, SHOULDER_PER_LEG } from '../view_detection';
import { pairWidth } from './keypoint_gate';

/** Per frame |cos yaw| from shoulder and hip widths against the standing leg length (NaN unknown). */
export function frameCosYaw(s: KeypointSeries, legPx: number): Float32Array {
  const n = s.n;
  const frameCos = new Float32Array(n).fill(NaN);
  if (!(legPx > 0)) return frameCos;
  for (let i = 0; i < n; i++) {
    let sum = 0, cnt = 0;
    const sw = pairWidth(s, KP.leftShoulder, KP.rightShoulder, i);
    if (sw === sw) { sum += sw / (SHOULDER_PER_LEG * legPx); cnt++; }
    const hw = pairWidth(s, KP.leftHip, KP.rightHip, i);
    if (hw === hw) { sum += hw / (HIP_PER_LEG * legPx); cnt++; }
    if (cnt) frameCos[i] = Math.min(1, sum / cnt);
  }
  return frameCos;
}

/** Per frame: mean left-minus-right score over the body's paired keypoints (NaN with no person). */
export function scoreGap(s: KeypointSeries): Float32Array {
  const n = s.n;
  const out = new Float32Array(n).fill(NaN);
  const pairs = [KP.leftShoulder, KP.rightShoulder, KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle, KP.leftHeel, KP.rightHeel, KP.leftToe, KP.rightToe];
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    let d = 0;
    for (let p = 0; p < pairs.length; p += 2) d += s.score[pairs[p] * n + i] - s.score[pairs[p + 1] * n + i];
    out[i] = d / (pairs.length / 2);
  }
  return out;
}

/**
 * Per frame: |sin yaw|, by which a 45-degree view shortens forward distances (1 in other views;
 * clamped to 0.5..1, sin 30..90 deg; 1/sqrt 2 where the yaw is unknown).
 */
export function sagittalScale(viewKind: Uint8Array, cosYaw: Float32Array): Float32Array {
  const n = viewKind.length;
  const out = new Float32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (viewKind[i] === VIEW_OBLIQUE) {
      const c = cosYaw[i];
      out[i] = c === c ? Math.min(1, Math.max(0.5, Math.sqrt(Math.max(0, 1 - c * c)))) : Math.SQRT1_2;
    }
  }
  return out;
}
