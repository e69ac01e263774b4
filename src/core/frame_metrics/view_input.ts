/**
 * What view detection (view_detection.ts) and the side-view metrics read from the keypoints:
 * the per-frame |cos yaw| from shoulder and hip widths against the lifter's own leg length
 * (Winter 2009 widths), the left-minus-right score gap (BlazePose scores the far side lower),
 * whether the lifter faces the camera or turns their back to it, and the foreshortening of
 * forward distances at 45 degrees.
 */
import { KP, type KeypointSeries } from '../keypoint_access';
import { VIEW_OBLIQUE } from '../metrics/metric_context';
import { depth3DAt, keypoints3DCount } from '../packed_track';
import type { PoseFrame, PoseTrack } from '../types';
import { HIP_PER_LEG, SHOULDER_PER_LEG } from '../view_detection';
import { ok, pairWidth } from './keypoint_gate';

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

// BlazePose indices in keypoints3D (model output order, types.ts).
const NOSE_3D = 0, LEFT_SHOULDER_3D = 11, RIGHT_SHOULDER_3D = 12;
/**
 * The nose lies ahead of the shoulders. In BlazePose's keypoints3D (metres, hip-centred, z grows
 * away from the camera: ML Kit's PoseLandmark reference, "a negative z-value indicates that the
 * landmark is ... between the detected person and the camera") the nose minus the shoulder
 * midpoint's depth is, per track median over the 75 committed tracks (fixtures/tracks: full,
 * lite, mirrored, mirrored-lite, multiview), -0.06 to -0.21 m in the front and 45-degree clips,
 * -0.005 to -0.063 m side-on, and +0.12 to +0.24 m from behind (gym-rear-barbell, pose2sim cam03;
 * docs/metrics.md "From behind"). A frame votes only beyond 0.05 m either way, so keypoint noise
 * abstains; any margin from 0 to 0.12 m gives the same clip-level call on every track (side-on
 * segments are never marked, see view_detection.ts).
 */
export const FACING_MIN_DEPTH_M = 0.05;
/** Without keypoints3D: the shoulders' picture order decides only when they are at least half their frontal width apart. */
const FACING_MIN_SHOULDER_COS = 0.5;

/** Depth (z, m) of keypoints3D[j], NaN when missing. */
export function depthOf(f: PoseFrame | undefined, j: number): number {
  return depth3DAt(f, j);
}

/**
 * Per frame: +1 the lifter's back is to the camera, -1 they face it, 0 unknown. BlazePose names
 * the sides anatomically from behind too (checked by eye on gym-rear-barbell and pose2sim cam03:
 * the lifter's left foot and right arm), so this is read from where the model puts the nose
 * (keypoints3D), or, in a track without them, from the shoulders' order in the picture: facing
 * the camera the lifter's left shoulder is on the picture's right, from behind on its left. Both
 * readings are unchanged by mirroring the picture (x flips and the labels swap).
 */
export function frameFacingAway(track: PoseTrack, s: KeypointSeries, legPx: number): Int8Array {
  const n = s.n;
  const out = new Int8Array(n);
  const frames = Array.isArray(track?.frames) ? track.frames : [];
  const minShoulderPx = FACING_MIN_SHOULDER_COS * SHOULDER_PER_LEG * legPx;
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    const f = frames[i];
    if (keypoints3DCount(f) > RIGHT_SHOULDER_3D) {
      const d = depthOf(f, NOSE_3D) - (depthOf(f, LEFT_SHOULDER_3D) + depthOf(f, RIGHT_SHOULDER_3D)) / 2;
      if (d === d) {
        out[i] = d >= FACING_MIN_DEPTH_M ? 1 : d <= -FACING_MIN_DEPTH_M ? -1 : 0;
        continue;
      }
    }
    if (!(legPx > 0) || !ok(s, KP.leftShoulder, i) || !ok(s, KP.rightShoulder, i)) continue;
    const dx = s.x[KP.leftShoulder * n + i] - s.x[KP.rightShoulder * n + i];
    if (Math.abs(dx) >= minShoulderPx) out[i] = dx > 0 ? -1 : 1;
  }
  return out;
}
