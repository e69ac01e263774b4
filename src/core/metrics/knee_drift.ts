/**
 * Knee drift (per side): how far the knee has moved toward the midline, off the line from its hip
 * to its ankle, since the lifter stood, in standing leg lengths; + = inward. Read from the front,
 * from 45 degrees and from behind; not from the side. (A knee that stays on its hip-ankle line
 * reads 0 whatever the stance: with the feet wider than the hips such a knee ends up inside its
 * ankle at depth, which FPPA norms do not count as valgus either.)
 *
 * Why this and not the angle: "knee medial to foot" is the clinical criterion (Ageberg et al.
 * 2010, BMC Musculoskelet Disord 11:265, knee-over-foot vs knee-medial-to-foot in a mini squat;
 * the NASM overhead squat's "knees move in"), and the lifter's own standing frames remove what is
 * anatomy, stance and the pose model's landmark placement rather than movement: on the good
 * wide-stance clip front-two-reps-good BlazePose's standing FPPA is +10 deg and the knees then go
 * out. Uhlar et al. 2021 (Appl Sci 11:5536) likewise express valgus shift in % of lower-limb
 * length. Frontal angles also degenerate near parallel (knee_valgus.ts); the drift does not.
 *
 * Geometry (scripts/eval/knee_drift.ts has the research version and docs/metrics.md the
 * derivation). In the lifter's horizontal plane let X be the knee's offset from its ankle toward
 * the lifter's left and Z forward. The picture's x is cx X + sx Z, (cx, sx) = the picture-x parts
 * of the lifter's left and forward directions (lifterOrientation below, from BlazePose's 3D
 * hips). From the front (sx = 0) X is read directly. From 45 degrees the knee's forward travel and
 * its sideways travel both move it along the picture's x; the shank's length separates them: the
 * knee's horizontal reach from its ankle is R = sqrt(S^2 - v^2) (S the shank's true length in
 * pixels, v its vertical extent now), and (X, Z) is where the line cx X + sx Z = dx meets the
 * circle X^2 + Z^2 = R^2, on the side with the knee ahead of the ankle. Standing, the two legs
 * are taken as mirror images (the lifter's other side as reference), which gives each knee's and
 * hip's standing offsets from its ankle (sideways X0, forward Z0) from one picture;
 * S^2 = v0^2 + X0^2 + Z0^2. The hip-ankle line at the knee's height is then X_hip0 x (knee height
 * / hip height above the ankle): heights are vertical in the picture from any view. Facing the
 * camera (within 6 deg) the hip's sideways position is read in every frame, so a hip shift that
 * carries the knees with it is not knee drift; turned further, the hip is taken where it stood
 * sideways (its sideways shift cannot be told from its travel backward; hip shift is a front-view
 * metric). While the shank's
 * forward reach is within its own standing noise (nearly straight legs) the circle is ill
 * conditioned, so the knee is taken to stay above its ankle front to back (Z = Z0), blending into
 * the circle solution as the reach grows; standing values are then plain keypoint noise, which
 * the flags' noise gate and the asymmetry rule read (flags/standing_noise.ts).
 *
 * Confidence: the lowest keypoint score x |cx| (the share of sideways motion the picture shows:
 * 1 from the front, 0.7 at 45 degrees); not measurable when |cx| < 0.42 (a side view,
 * view_detection.ts's limit), and x 0.5 when the lifter faces away from the camera: from behind,
 * at the bottom the knees are hidden behind the thighs and seat (gym-rear-barbell at 0.33 s), so
 * their keypoints are the model's guess. That keeps rear views below the 0.5 a flag needs.
 *
 * Tested: within 0.002 leg lengths on synthetic squats at every yaw (orthographic; 0.01 at 60 deg);
 * with a pinhole camera 3 m away perspective moves it by up to 0.043 at 20-60 deg in front and
 * 0.07 from behind at 45 (the near knee looks bigger; scripts/eval/knee_oblique.ts).
 */
import { KP, SLOT_BLAZEPOSE_INDEX, SLOT_NAMES } from '../keypoint_access';
import { isPackedFrame, keypoint2DAt, keypoint3DAt } from '../packed_track';
import { medianSampleStride } from '../median_sample';
import { median } from '../standing_baseline';
import type { Keypoint, Keypoint3D, PoseFrame, Side } from '../types';
import { type LifterOrientation, type MetricContext, type MetricSeries, newSeries, SQUARE_MAX_ABS_SIN_YAW, usable, VIEW_FRONT, VIEW_SIDE } from './metric_context';

/** Below this |cos yaw| the picture is a side view (view_detection.ts). */
export const KNEE_DRIFT_MIN_ABS_COS_YAW = 0.42;
/** Shank reach (horizontal, per shank length) below which the knee is taken upright over the ankle. */
const UPRIGHT_REACH = 0.15;
/**
 * Up to this |sin yaw| (about 6 deg) the hip's sideways position is read from the picture in
 * every frame: beyond it the hips' travel backward (0.2 m at depth) would leak in by sin(yaw).
 */
const FACING_MAX_ABS_SIN_YAW = 0.1;
/** Confidence factor when the lifter faces away from the camera (see the file comment). */
export const KNEE_DRIFT_FROM_BEHIND = 0.5;

/** A usable 3D keypoint of a slot: BlazePose's order first (every track our pipeline writes), else by name. */
function keypoint3D(f: PoseFrame, slot: number, minScore: number): Keypoint3D | undefined {
  const k = keypoint3DAt(f, SLOT_BLAZEPOSE_INDEX[slot], SLOT_NAMES[slot]);
  return k && k.score >= minScore && Number.isFinite(k.x) && Number.isFinite(k.z) ? k : undefined;
}

/**
 * The 2D keypoint of a slot as readKeypoints finds it: at its BlazePose index when the name
 * matches there (the model's own order, every track our pipeline writes), else the last of
 * that name. Not a scan of all 33 names per standing frame.
 */
function keypoint2D(f: PoseFrame, slot: number): Keypoint | undefined {
  if (isPackedFrame(f)) return keypoint2DAt(f, SLOT_BLAZEPOSE_INDEX[slot], SLOT_NAMES[slot]);
  const kps = f.keypoints;
  if (!kps) return undefined;
  const name = SLOT_NAMES[slot];
  const at = kps[SLOT_BLAZEPOSE_INDEX[slot]];
  if (at?.name === name) return at;
  let found: Keypoint | undefined;
  for (const k of kps) if (k.name === name) found = k;
  return found;
}

/**
 * The lifter's orientation in the picture (LifterOrientation): from BlazePose's keypoints3D
 * (metres, x right, z away from the camera) the horizontal direction from the right hip to the
 * left hip is the lifter's left (Lx, Lz); forward is (Lz, -Lx), so cx = Lx and sx = Lz. Median
 * over the given frames (the standing ones: a squat does not turn the pelvis). Camera roll (a few
 * degrees) is ignored: it changes cx by under 0.5 %. On the fixture clips this reads 2-7 deg of
 * yaw for the front clips, 44-47 for the 45-degree ones and 78-84 for the side ones. A long clip
 * reads an even sample of its standing frames (median_sample.ts).
 */
export function lifterOrientation(frames: readonly PoseFrame[], use: (i: number) => boolean, minScore: number): LifterOrientation | null {
  const lx: number[] = [];
  const lz: number[] = [];
  const sgn: number[] = [];
  const hipOver: Record<Side, number[]> = { left: [], right: [] };
  let used = 0;
  for (let i = 0; i < frames.length; i++) if (use(i)) used++;
  const stride = medianSampleStride(used);
  for (let i = 0, u = -1; i < frames.length; i++) {
    if (!use(i) || ++u % stride !== 0) continue;
    const f = frames[i];
    {
      const a = keypoint3D(f, KP.leftHip, minScore), b = keypoint3D(f, KP.rightHip, minScore);
      if (a && b) {
        const x = a.x - b.x, z = a.z - b.z, h = Math.hypot(x, z);
        if (h > 0 && Number.isFinite(h)) {
          const ux = x / h, uz = z / h;
          lx.push(ux);
          lz.push(uz);
          // Each hip's sideways offset from its own ankle, toward the lifter's left, per 3D leg length.
          for (const side of ['left', 'right'] as const) {
            const hp = side === 'left' ? a : b, kn = keypoint3D(f, side === 'left' ? KP.leftKnee : KP.rightKnee, minScore), an = keypoint3D(f, side === 'left' ? KP.leftAnkle : KP.rightAnkle, minScore);
            if (!kn || !an) continue;
            const leg = Math.hypot(hp.x - kn.x, hp.y - kn.y, hp.z - kn.z) + Math.hypot(kn.x - an.x, kn.y - an.y, kn.z - an.z);
            if (leg > 0) hipOver[side].push(((hp.x - an.x) * ux + (hp.z - an.z) * uz) / leg);
          }
        }
      }
    }
    {
      const a = keypoint2D(f, KP.leftHip), b = keypoint2D(f, KP.rightHip);
      if (a && b && a.score >= minScore && b.score >= minScore) sgn.push(Math.sign(a.x - b.x));
    }
  }
  if (lx.length >= 3) {
    const cx = median(lx), sx = median(lz);
    const h = Math.hypot(cx, sx);
    const hl = median(hipOver.left), hr = median(hipOver.right);
    if (h > 0) return { cx: cx / h, sx: sx / h, source: '3d', hipOverAnkle: Number.isFinite(hl) && Number.isFinite(hr) ? { left: hl, right: hr } : null };
  }
  if (!sgn.length) return null;
  return { cx: median(sgn) >= 0 ? 1 : -1, sx: 0, source: 'front', hipOverAnkle: null };
}

/**
 * X of the point where cx X + sx Z = dx meets X^2 + Z^2 = R^2, the knee ahead of the ankle; the
 * nearest point when they miss (Z = dx sx + t cx is not needed per frame, so no object is made).
 */
export function solveKneeOffsetX(dx: number, R: number, cx: number, sx: number): number {
  const t = Math.sqrt(Math.max(0, R * R - dx * dx)) * (cx >= 0 ? 1 : -1);
  return dx * cx - t * sx;
}

function robustSpread(v: Float64Array): { median: number; sd: number } {
  const m = median(v);
  return { median: m, sd: 1.4826 * median(v.map((x) => Math.abs(x - m))) };
}

const cache = new WeakMap<MetricContext, Record<Side, MetricSeries>>();

/** One knee's drift series (both are computed together: they share the standing reference). */
export function kneeDrift(ctx: MetricContext, side: Side): MetricSeries {
  let both = cache.get(ctx);
  if (!both) {
    both = kneeDriftBoth(ctx, ctx.lifter);
    cache.set(ctx, both);
  }
  return both[side];
}

/** Both knees' drift series (they share the standing mirror reference). */
export function kneeDriftBoth(ctx: MetricContext, orient: LifterOrientation | null): Record<Side, MetricSeries> {
  const { n, X, Y } = ctx;
  const out = { left: newSeries(n), right: newSeries(n) };
  if (!orient || !(Math.abs(orient.cx) >= KNEE_DRIFT_MIN_ABS_COS_YAW)) return out;
  const { cx, sx } = orient;
  const leg = ctx.base.legPx;
  if (!(leg > 0)) return out;
  const sides = [
    { side: 'left' as const, h: KP.leftHip, k: KP.leftKnee, a: KP.leftAnkle, medial: -1 },
    { side: 'right' as const, h: KP.rightHip, k: KP.rightKnee, a: KP.rightAnkle, medial: 1 },
  ];
  // Standing, relative to the ankle (Y is up): knee and hip picture-x offsets, knee and hip heights.
  // Typed arrays sized by the standing frames, not number[] grown by push: an hour of video has
  // some 90,000 standing frames, and the pushes were most of this metric's time.
  const standing = ctx.base.standing;
  let standingFrames = 0;
  for (let i = 0; i < n; i++) if (standing[i]) standingFrames++;
  const st = sides.map((s) => {
    const kdx = new Float64Array(standingFrames), hdx = new Float64Array(standingFrames);
    const kv = new Float64Array(standingFrames), frac = new Float64Array(standingFrames);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!standing[i] || !usable(ctx, s.k, i) || !usable(ctx, s.a, i) || !usable(ctx, s.h, i)) continue;
      const ax = X[s.a * n + i], ay = Y[s.a * n + i];
      const hv = Y[s.h * n + i] - ay;
      if (!(hv > 0)) continue;
      kdx[count] = X[s.k * n + i] - ax;
      hdx[count] = X[s.h * n + i] - ax;
      kv[count] = Y[s.k * n + i] - ay;
      frac[count] = (Y[s.k * n + i] - ay) / hv;
      count++;
    }
    return {
      kdx: robustSpread(kdx.subarray(0, count)), hdx: median(hdx.subarray(0, count)),
      kv: robustSpread(kv.subarray(0, count)), frac: median(frac.subarray(0, count)), count,
    };
  });
  if (st.some((s) => s.count < 3)) return out;
  // Mirror images standing: sideways offsets opposite, forward offsets equal (see the file comment).
  const forward0 = (a: number, b: number) => (Math.abs(sx) > 0.05 ? (a + b) / (2 * sx) : 0);
  const Zk0 = forward0(st[0].kdx.median, st[1].kdx.median);
  const Zh0 = forward0(st[0].hdx, st[1].hdx);
  const ref = st.map((r, j) => {
    const Xk0 = (r.kdx.median - sx * Zk0) / cx;
    // The hip's standing sideways offset from its ankle: read from the picture from the front;
    // from 45 degrees from BlazePose's 3D (a standing pose, which it places well), because in
    // the picture it would rest on the two hips standing exactly side by side front to back.
    const h3 = orient.hipOverAnkle?.[sides[j].side];
    const Xh0 = Math.abs(sx) > SQUARE_MAX_ABS_SIN_YAW && h3 !== undefined ? h3 * leg : (r.hdx - sx * Zh0) / cx;
    const S2 = r.kv.median ** 2 + Xk0 * Xk0 + Zk0 * Zk0;
    // The knee's standing offset from its hip-ankle line: anatomy and landmark placement.
    const off0 = Xk0 - Xh0 * r.frac;
    return { Xh0, S2, S: Math.sqrt(S2), off0 };
  });
  const facingAway = cx < 0 ? KNEE_DRIFT_FROM_BEHIND : 1;
  for (let i = 0; i < n; i++) {
    // The orientation is the standing one: a stretch the view detection calls a side view
    // (the lifter turned) is not read; without 3D hips only front-view frames are.
    if (ctx.viewKind[i] === VIEW_SIDE || (orient.source === 'front' && ctx.viewKind[i] !== VIEW_FRONT)) continue;
    // A plain loop over the two sides, not a callback: no closure and context made per frame.
    for (let j = 0; j < 2; j++) {
      const s = sides[j];
      const sk = usable(ctx, s.k, i), sa = usable(ctx, s.a, i), sh = usable(ctx, s.h, i);
      if (!sk || !sa || !sh) continue;
      const ay = Y[s.a * n + i];
      const hv = Y[s.h * n + i] - ay;
      if (!(hv > 0)) continue;
      const dx = X[s.k * n + i] - X[s.a * n + i];
      const v = Y[s.k * n + i] - ay;
      const R = Math.sqrt(Math.max(0, ref[j].S2 - v * v));
      const upright = (dx - sx * Zk0) / cx;
      const circle = solveKneeOffsetX(dx, R, cx, sx);
      // Reach under 15 % of the shank (the shank within ~9 deg of upright): R = sqrt(S^2 - v^2)
      // is then mostly keypoint noise (its error is v sd(v) / R), so the knee is taken upright;
      // from 30 % (17 deg) on, the circle alone.
      const w = Math.min(1, Math.max(0, (R / ref[j].S - UPRIGHT_REACH) / UPRIGHT_REACH));
      const Xk = sx === 0 ? dx / cx : w * circle + (1 - w) * upright;
      // Where the hip-ankle line is at the knee's height now: square to the camera the hip is
      // where it is (a hip shift carries the knees with it); turned, where it stood sideways.
      const hipX = Math.abs(sx) <= FACING_MAX_ABS_SIN_YAW ? (X[s.h * n + i] - X[s.a * n + i]) / cx : ref[j].Xh0;
      const line = hipX * (v / hv);
      const o = out[s.side];
      o.value[i] = (s.medial * (Xk - line - ref[j].off0)) / leg;
      o.confidence[i] = Math.min(sk, sa, sh) * Math.abs(cx) * facingAway;
    }
  }
  return out;
}
