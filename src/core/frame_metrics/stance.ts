/**
 * The standing stance as metrics/foot_visibility.ts reads it to decide which foot the camera
 * cannot see: per standing frame, the ankles' gap across the picture (roll removed), the feet's
 * 3D depth difference (BlazePose keypoints3D, when the track has them) and their score
 * difference (BlazePose scores the hidden side lower).
 */
import { KP, type KeypointSeries } from '../keypoint_access';
import type { StanceSample } from '../metrics/foot_visibility';
import type { PoseTrack } from '../types';
import { ok } from './keypoint_gate';
import { medianSampleStride } from '../median_sample';
import { keypoints3DCount } from '../packed_track';
import { depthOf } from './view_input';

// BlazePose indices of the ankles and heels in keypoints3D (model output order, types.ts).
const [LEFT_ANKLE, RIGHT_ANKLE, LEFT_HEEL, RIGHT_HEEL] = [27, 28, 29, 30];

const footScore = (s: KeypointSeries, i: number, a: number, b: number, c: number): number =>
  s.score[a * s.n + i] + s.score[b * s.n + i] + s.score[c * s.n + i];

export function stanceSamples(track: PoseTrack, s: KeypointSeries, X: Float32Array, standing: Uint8Array): StanceSample[] {
  const n = s.n;
  const out: StanceSample[] = [];
  const usable = (i: number) => standing[i] !== 0 && ok(s, KP.leftAnkle, i) && ok(s, KP.rightAnkle, i);
  let count = 0;
  for (let i = 0; i < n; i++) if (usable(i)) count++;
  // footVisibility takes medians of these: a long clip gives an even sample (median_sample.ts).
  const stride = medianSampleStride(count);
  for (let i = 0, u = -1; i < n; i++) {
    if (!usable(i) || ++u % stride !== 0) continue;
    const f = Array.isArray(track?.frames) ? track.frames[i] : undefined;
    let dz = NaN;
    if (keypoints3DCount(f) > RIGHT_HEEL) {
      dz = (depthOf(f, LEFT_ANKLE) + depthOf(f, LEFT_HEEL)) / 2 - (depthOf(f, RIGHT_ANKLE) + depthOf(f, RIGHT_HEEL)) / 2;
    }
    out.push({
      ankleGapPx: Math.abs(X[KP.leftAnkle * n + i] - X[KP.rightAnkle * n + i]),
      depthDiffM: dz,
      scoreDiff: footScore(s, i, KP.leftAnkle, KP.leftHeel, KP.leftToe) - footScore(s, i, KP.rightAnkle, KP.rightHeel, KP.rightToe),
    });
  }
  return out;
}
