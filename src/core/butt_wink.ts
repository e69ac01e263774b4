import type { RepEventIndices } from './reps/segment_reps';
import { column } from './series';
import type { FrameSeries, ViewKind } from './types';

/**
 * Butt-wink proxy: pelvis tucking under (posterior tilt) at the bottom of a squat.
 *
 * Lab definition: pelvis angle at maximum depth minus peak anterior tilt during descent.
 * Pose models have no pelvis landmarks, so we use the 2D proxy of REFERENCE.md §3: a
 * late-descent change in the trunk-thigh angle that the knee does not explain. During a
 * normal descent hip flexion (trunk-thigh angle) and knee flexion grow together, close to
 * linearly; when the pelvis tucks, the trunk rotates back relative to the thigh while the
 * knees keep bending or stay put, so hip flexion falls short of what the knee predicts.
 *
 * Per rep: fit hipFlexion = a + b x kneeFlexion over the middle and later descent (knee
 * flexion between 40 % and 80 % of the rep's range: late enough that the coupling is the one
 * near the bottom - real descents are hip-led early and knee-led late, so a line through the
 * early descent over-predicts hip flexion at the bottom - and before the tuck, which the
 * REFERENCE places where the knee angle barely changes any more), then
 *   buttWink(t) = max(0, a + b x kneeFlexion(t) - hipFlexion(t))
 * for the frames from the start of the rep to the end of the bottom hold (where the
 * definition applies: relative to the rep's own descent). Frames outside that window keep
 * null. Side and oblique views only (the trunk-thigh angle is a sagittal-plane measure).
 *
 * Confidence: the lower of the hip- and knee-flexion confidences, lowered when the descent
 * fit is poor (residual SD in degrees s: factor 1 / (1 + s / 3)), and capped at 0.7 because
 * it is a proxy without pelvis landmarks (advisory, REFERENCE.md §3): never as sure as a
 * measured angle, but still flaggable when the angles themselves are seen well.
 */
export interface ButtWinkOptions {
  /** Knee-flexion window (fractions of the rep's range) used to learn the normal coupling. */
  fitFrom?: number;
  fitTo?: number;
  /** Ceiling on the proxy's confidence. */
  proxyConfidence?: number;
  minConfidence?: number;
}

export const BUTT_WINK_DEFAULTS: Required<ButtWinkOptions> = {
  fitFrom: 0.4,
  fitTo: 0.8,
  proxyConfidence: 0.7,
  minConfidence: 0.3,
};

/**
 * Fill the series' buttWink column (value and confidence) for every rep, in place.
 * `viewAt(i)` gives the view kind at frame i.
 */
export function fillButtWink(
  series: FrameSeries,
  reps: readonly RepEventIndices[],
  viewAt: (frame: number) => ViewKind,
  options: ButtWinkOptions = {},
): void {
  const o = { ...BUTT_WINK_DEFAULTS, ...options };
  const kneeL = column(series, 'kneeFlexionDeg', 'left'), kneeR = column(series, 'kneeFlexionDeg', 'right');
  const hipCol = column(series, 'hipFlexionDeg', null), out = column(series, 'buttWink', null);
  if (!kneeL || !kneeR || !hipCol || !out) return;
  for (const rep of reps) {
    if (rep.partialStart) continue; // no descent seen: nothing to compare with
    const view = viewAt(rep.bottom);
    if (view === 'front') continue;
    // Better-seen knee over the descent.
    let cl = 0;
    let cr = 0;
    for (let i = rep.start; i <= rep.bottom; i++) {
      cl += kneeL.confidence[i];
      cr += kneeR.confidence[i];
    }
    const kneeCol = cl >= cr ? kneeL : kneeR;
    // Usable (hip, knee) pairs over [start, ascentStart], in typed arrays (an hour of video
    // has ~1000 reps: no object per frame).
    const len = rep.ascentStart - rep.start + 1;
    const knee = new Float64Array(len);
    const hip = new Float64Array(len);
    const conf = new Float64Array(len); // 0 = unusable
    let kMin = Infinity;
    let kMax = -Infinity;
    for (let j = 0; j < len; j++) {
      const i = rep.start + j;
      const h = hipCol.value[i];
      const ch = hipCol.confidence[i];
      const k = kneeCol.value[i];
      const ck = kneeCol.confidence[i];
      if (!Number.isFinite(h) || !Number.isFinite(k) || Math.min(ch, ck) < o.minConfidence) continue;
      knee[j] = k;
      hip[j] = h;
      conf[j] = Math.min(ch, ck);
      if (k < kMin) kMin = k;
      if (k > kMax) kMax = k;
    }
    const range = kMax - kMin;
    if (!(range > 20)) continue; // less than 20 deg of knee bend: no descent to learn from
    // Least squares over the fitting window of the descent (only frames up to the bottom).
    let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    const lo = kMin + o.fitFrom * range;
    const hi = kMin + o.fitTo * range;
    const descentLen = Math.min(len - 1, rep.bottom - rep.start);
    for (let j = 0; j <= descentLen; j++) {
      if (!conf[j] || knee[j] < lo || knee[j] > hi) continue;
      n++;
      sx += knee[j];
      sy += hip[j];
      sxx += knee[j] * knee[j];
      sxy += knee[j] * hip[j];
    }
    if (n < 4) continue;
    const den = n * sxx - sx * sx;
    if (!(Math.abs(den) > 1e-9)) continue;
    const b = (n * sxy - sx * sy) / den;
    const a = (sy - b * sx) / n;
    let ss = 0;
    for (let j = 0; j <= descentLen; j++) {
      if (!conf[j] || knee[j] < lo || knee[j] > hi) continue;
      ss += (hip[j] - (a + b * knee[j])) ** 2;
    }
    const residualSd = Math.sqrt(ss / Math.max(1, n - 2));
    const fitFactor = 1 / (1 + residualSd / 3);
    for (let j = 0; j < len; j++) {
      if (!conf[j]) continue;
      const wink = a + b * knee[j] - hip[j];
      out.value[rep.start + j] = Math.round(Math.max(0, wink) * 100) / 100;
      out.confidence[rep.start + j] = Math.round(Math.min(o.proxyConfidence, conf[j] * fitFactor) * 1000) / 1000;
    }
  }
}
