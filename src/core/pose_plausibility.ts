/**
 * Rejects frames whose skeleton cannot be a person squatting: the pose model still "finds"
 * one when a hand covers the lens or a shadow crosses the picture, often with high scores
 * (the fixture oblique-good-hand-over-lens ends with an upside-down skeleton scored 1.0).
 * Such frames would otherwise poison filtering, baselines and rep peaks.
 *
 * A frame is implausible when
 * - the shoulders are well below the hips (more than 30 % of the trunk length; a squatter
 *   leaning far forward keeps the shoulders about level with the hips, never well below), or
 * - a thigh, shank or the trunk is longer than 1.6 x its median over the clip (limbs do not
 *   stretch; foreshortening only ever shortens them), or
 * - most of the measured keypoints lie far (10 % of the picture) outside the picture.
 * Keypoints far outside the picture are dropped individually in any case.
 * Implausible frames are treated as "no person" (scores 0); gap_fill bridges one or two.
 */
import { KP, SLOT_COUNT, type KeypointSeries } from './keypoint_access';
import { percentile } from './standing_baseline';

const STRETCH = 1.6;

export interface PlausibilityReport {
  rejectedFrames: number;
  droppedKeypoints: number;
}

/** Per frame length of the segment a-b in pixels, NaN where either end scores below minScore. */
function segmentLengthSeries(s: KeypointSeries, a: number, b: number, minScore: number): Float32Array {
  const { n, x, y, score } = s;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ao = a * n + i, bo = b * n + i;
    if (!(score[ao] >= minScore) || !(score[bo] >= minScore)) { out[i] = NaN; continue; }
    const dx = x[ao] - x[bo], dy = y[ao] - y[bo];
    out[i] = Math.sqrt(dx * dx + dy * dy);
  }
  return out;
}

export function rejectImplausiblePoses(s: KeypointSeries, width: number, height: number, minScore: number): PlausibilityReport {
  const { n, x, y, score } = s;
  let droppedKeypoints = 0;
  if (width > 0 && height > 0) {
    const mx = 0.1 * width, my = 0.1 * height;
    const x0 = -mx, x1 = width + mx, y0 = -my, y1 = height + my;
    const len = SLOT_COUNT * n; // every slot's series, one after the other (k * n + i)
    for (let o = 0; o < len; o++) {
      if (score[o] <= 0) continue;
      const X = x[o], Y = y[o];
      if (X < x0 || X > x1 || Y < y0 || Y > y1) { score[o] = 0; droppedKeypoints++; }
    }
  }
  const pairs: [number, number][] = [
    [KP.leftHip, KP.leftKnee], [KP.rightHip, KP.rightKnee], [KP.leftKnee, KP.leftAnkle], [KP.rightKnee, KP.rightAnkle],
    [KP.leftShoulder, KP.leftHip], [KP.rightShoulder, KP.rightHip],
  ];
  const lengths = pairs.map(([a, b]) => segmentLengthSeries(s, a, b, minScore));
  const medians = lengths.map((l) => percentile(l, 0.5));
  let rejectedFrames = 0;
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    let bad = false;
    for (let p = 0; p < pairs.length && !bad; p++) {
      const l = lengths[p][i];
      if (l === l && medians[p] > 0 && l > STRETCH * medians[p]) bad = true;
    }
    if (!bad) {
      // Shoulders well below hips (pixel y grows downward).
      for (let side = 0; side < 2 && !bad; side++) {
        const sh = side ? KP.rightShoulder : KP.leftShoulder, hp = side ? KP.rightHip : KP.leftHip;
        const so = sh * n + i, ho = hp * n + i;
        if (!(score[so] >= minScore) || !(score[ho] >= minScore)) continue;
        const trunk = medians[4 + side];
        if (trunk > 0 && y[so] - y[ho] > 0.3 * trunk) bad = true;
      }
    }
    if (!bad) continue;
    rejectedFrames++;
    s.present[i] = 0;
    for (let k = 0; k < SLOT_COUNT; k++) score[k * n + i] = 0;
  }
  return { rejectedFrames, droppedKeypoints };
}
