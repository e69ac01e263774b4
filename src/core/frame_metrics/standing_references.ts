/**
 * Per-frame references from the lifter's own standing posture (REFERENCE.md §3: heel height and
 * hip height relative to the lifter's standing, not fixed pixels), on roll-free, Y-up keypoints:
 * each foot's standing heel-over-toe and ankle-over-toe heights, and the hip-mid height above the ankles
 * relative to standing (1 = standing; the rep segmentation's trajectory).
 */
import { KP, type KeypointSeries } from '../keypoint_access';
import { runningStandingReference } from '../standing_baseline';
import type { Side } from '../types';
import { MIN_SCORE } from './keypoint_gate';

export interface HeelReferences {
  /** Per frame standing (heel Y - toe Y) of each foot, px (NaN where unknown). */
  heelToeBase: Record<Side, Float32Array>;
  /** Per frame standing (ankle Y - toe Y) of each foot, px (NaN where unknown). */
  ankleToeBase: Record<Side, Float32Array>;
}

export function heelReferences(s: KeypointSeries, Y: Float32Array, standing: Uint8Array): HeelReferences {
  const n = s.n;
  const out: HeelReferences = {
    heelToeBase: { left: new Float32Array(n), right: new Float32Array(n) },
    ankleToeBase: { left: new Float32Array(n), right: new Float32Array(n) },
  };
  // Each foot's standing heel and ankle heights above its own toe (heel lift reads against them).
  for (const side of ['left', 'right'] as const) {
    const [heel, ankle, toe] = side === 'left' ? [KP.leftHeel, KP.leftAnkle, KP.leftToe] : [KP.rightHeel, KP.rightAnkle, KP.rightToe];
    const heelToe = new Float32Array(n).fill(NaN);
    const ankleToe = new Float32Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      if (!(s.score[toe * n + i] >= MIN_SCORE)) continue;
      if (s.score[heel * n + i] >= MIN_SCORE) heelToe[i] = Y[heel * n + i] - Y[toe * n + i];
      if (s.score[ankle * n + i] >= MIN_SCORE) ankleToe[i] = Y[ankle * n + i] - Y[toe * n + i];
    }
    runningStandingReference(heelToe, standing, 'median', out.heelToeBase[side]);
    runningStandingReference(ankleToe, standing, 'median', out.ankleToeBase[side]);
  }
  return out;
}

/** Mid-point height of a left/right pair (one side standing in for the other); NaN when neither is seen. */
function midY(score: Float32Array, Y: Float32Array, n: number, l: number, r: number, i: number): number {
  const sl = score[l * n + i] >= MIN_SCORE, sr = score[r * n + i] >= MIN_SCORE;
  if (sl && sr) return (Y[l * n + i] + Y[r * n + i]) / 2;
  if (sl) return Y[l * n + i];
  if (sr) return Y[r * n + i];
  return NaN;
}

/** Per frame hip-mid height above the ankle-mid / the lifter's standing value (NaN unknown). */
export function relativeHipHeight(s: KeypointSeries, Y: Float32Array, standing: Uint8Array): Float32Array {
  const n = s.n;
  const hipH = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const hy = midY(s.score, Y, n, KP.leftHip, KP.rightHip, i), ay = midY(s.score, Y, n, KP.leftAnkle, KP.rightAnkle, i);
    if (hy === hy && ay === ay) hipH[i] = hy - ay;
  }
  const hipRef = new Float32Array(n);
  runningStandingReference(hipH, standing, 'max', hipRef);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = hipH[i] / hipRef[i];
  return out;
}
