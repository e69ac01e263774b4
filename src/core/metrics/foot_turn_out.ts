/**
 * Foot turn-out: the heel -> toe (foot_index) line's angle from straight ahead on the floor,
 * degrees; + = toe out (away from the other foot), - = toe in. NASM's overhead-squat assessment
 * checks from the front whether the feet turn out during the squat (the "feet turn out"
 * compensation), i.e. the increase over the start position, because a toe-out chosen for the
 * stance is not one. Measured, not yet flagged: docs/metrics.md says why (on good front-view
 * squats the foot keypoints follow the shin and read gains of up to ~10 deg).
 *
 * Reference values: walking, most adults toe out 5-10 deg (average 7.5 deg; "The angle of gait",
 * J Bone Joint Surg 1932;14(4)); 16-year-olds 7.3 +/- 4.4 deg ("A simplified technique for
 * determining foot progression angle in children 4 to 16 years of age"). Lifters choose wider
 * angles for a loaded squat; Lorenzetti et al. 2018 (BMC Sports Sci Med Rehabil 10:14) studied
 * 0, 21 and 42 deg.
 *
 * Geometry: seen from the front, the foot's forward run points at the camera and vanishes, while
 * its sideways run L sin(turn-out) stays in the picture, L = the standing foot length (0.31 x leg
 * length, standing_baseline.ts: the heel and foot_index keypoints span the whole foot). So
 * sin(turn-out) = (toe x - heel x) toward the outside / L.
 *
 * The heel is taken where it stood, not where the model puts it now: from the front the heel is
 * hidden behind the foot, and BlazePose places it from the shin. On front-two-reps-good (feet
 * planted throughout, checked on the video) its left heel keypoint slides 9.5 px (18 % of the
 * foot) toward the midline as the knees travel out, while the toe, in view, stays within 2 px:
 * a turn-out of +10 deg that is not there. A foot that turns out pivots about its heel, so the
 * toe's sideways travel from the standing heel is the turn; the standing heel is that heel's
 * median over each run of standing frames seen from the front or 45 degrees
 * (standing_baseline.ts runningStandingReference). From 45 degrees the forward run leaks
 * in by sin(yaw): x / L = cos(yaw) sin(turn-out) + (forward sign) sin(yaw) cos(turn-out), solved
 * for the turn-out with the view's yaw (view_detection.ts), so the angle is approximate there
 * (confidence 0.5) and the fault reads its change from standing, where a yaw error mostly cancels.
 * "Outside" is the side of the foot's own hip (the left hip's side for the left foot). The
 * keypoints' sideways offset is a few pixels: below a 60 px foot, confidence falls in proportion
 * (as heel lift's).
 */
import { RAD_TO_DEG } from '../geometry';
import { KP } from '../keypoint_access';
import { runningStandingReference } from '../standing_baseline';
import { type MetricContext, type MetricSeries, newSeries, usable, VIEW_FRONT, VIEW_OBLIQUE } from './metric_context';

export function footTurnOutViewFit(view: number): number {
  return view === VIEW_FRONT ? 1 : view === VIEW_OBLIQUE ? 0.5 : 0;
}

export function footTurnOutDeg(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X } = ctx;
  const [heel, toe, hip, otherHip] = side === 'left'
    ? [KP.leftHeel, KP.leftToe, KP.leftHip, KP.rightHip]
    : [KP.rightHeel, KP.rightToe, KP.rightHip, KP.leftHip];
  const foot = ctx.base.footPx;
  if (!(foot > 0)) return out;
  const resolution = Math.min(1, foot / 60);
  const heelX = new Float32Array(n).fill(NaN);
  // Only heels seen from a view that measures the turn: a side-on stretch of the clip puts the
  // heel somewhere else in the picture altogether.
  for (let i = 0; i < n; i++) if (usable(ctx, heel, i) && footTurnOutViewFit(ctx.viewKind[i])) heelX[i] = X[heel * n + i];
  const standingHeelX = new Float32Array(n);
  runningStandingReference(heelX, ctx.base.standing, 'median', standingHeelX);
  for (let i = 0; i < n; i++) {
    const v = ctx.viewKind[i];
    const fit = footTurnOutViewFit(v);
    if (!fit) continue;
    const s = Math.min(usable(ctx, toe, i), usable(ctx, hip, i), usable(ctx, otherHip, i));
    const heelStood = standingHeelX[i];
    if (!s || !(heelStood === heelStood)) continue;
    const outward = X[hip * n + i] >= X[otherHip * n + i] ? 1 : -1;
    const u = (outward * (X[toe * n + i] - heelStood)) / foot;
    let sinYaw = 0;
    if (v === VIEW_OBLIQUE) {
      if (!ctx.facing[i]) continue;
      sinYaw = ctx.sagittalScale[i];
    }
    const cosYaw = Math.sqrt(Math.max(0, 1 - sinYaw * sinYaw));
    // u = cos(yaw) sin(a) + b cos(a) with b = outward x forward sign x sin(yaw): sin(a + phi) = u.
    const phi = Math.atan2(outward * ctx.facing[i] * sinYaw, cosYaw);
    const a = Math.asin(Math.max(-1, Math.min(1, u))) - phi;
    out.value[i] = a * RAD_TO_DEG;
    out.confidence[i] = s * fit * resolution;
  }
  return out;
}
