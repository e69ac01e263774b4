/**
 * A one-sided heel lift injected into real motion: a real PoseTrack (our pipeline's BlazePose
 * output for a real clip) is changed so that one foot's heel rises about its toe by a known
 * angle that grows with squat depth. Everything else (the other foot, the body, timestamps,
 * keypoint scores and noise) stays as the pose model saw it, so a detector is tested on real
 * keypoint noise, proportions and camera, with a lift whose side and size are known.
 *
 * Fault model (a real heel lift, REFERENCE.md §3: the foot pivots about the toes): the rear foot
 * (heel and ankle keypoints) rotates about the toe keypoint, about the horizontal axis across
 * the foot, by `angleDeg x p`; p = squat depth in the frame (0 standing .. 1 at the clip's
 * deepest frame). The toe stays put.
 *
 * - 2D: "up" is the lifter's standing body axis in the picture (ankle-mid -> shoulder-mid,
 *   median over standing frames; so camera roll is respected). A point at distance d behind the
 *   toe along the foot and h above it moves by u (d (cos a - 1) - h sin a) + up (d sin a +
 *   h (cos a - 1)), u = the foot's direction toe -> heel as the picture shows it (the 2D heel-toe
 *   vector's part across "up", divided by the foot's true length). Lengths along the foot are
 *   not visible from the front, so they come from anthropometry: heel d = foot length = 0.31 x
 *   standing leg (Winter 2009; BlazePose's own 2D heel-toe distance in side views is 0.30 leg),
 *   ankle d = 0.8 foot lengths (the ankle/heel lever about the toe measured on the standing
 *   side-view fixtures: median 0.81, range 0.67-0.86). h = the point's height above the toe in
 *   the frame. Verticals are seen at full length by a level camera, so the heel rises in the
 *   picture by foot x sin(a) from any view.
 * - 3D (keypoints3D, metres, axes of the picture: y down): the same rotation, same angle, with
 *   "up" the standing 3D body axis and d, h from the 3D foot itself (BlazePose's 3D foot is
 *   about 0.21 leg lengths long, shorter than its 2D one).
 *
 * Expected reading: heelLift (foot fractions) at the deepest frame ~ sin(angleDeg) above what
 * the clean track reads there.
 */
import type { Keypoint, Keypoint3D, PoseTrack, Side } from '../../src/core/types';

export interface HeelLiftInjection {
  /** The lifter's own side whose heel rises. */
  side: Side;
  /** Rotation of the rear foot about the toe at the deepest frame, degrees (heel up). */
  angleDeg: number;
  /** Keypoints below this score are not used for the depth curve or the standing axis. Default 0.5. */
  minScore?: number;
}

export interface InjectedHeelTruth {
  /** Per frame squat depth p (0 standing .. 1 deepest); NaN where not seen. */
  depth: Float64Array;
  /** Per frame rotation applied, degrees. */
  angleDeg: Float64Array;
  /** Per frame heel rise applied in the picture, in foot lengths (0.31 x standing leg). */
  heelRiseFoot: Float64Array;
  /** Frames changed. */
  moved: number;
}

/** Foot length per leg length (Winter 2009: foot 0.152 H, thigh + shank 0.491 H). */
export const FOOT_PER_LEG = 0.152 / 0.491;
/** The ankle's lever about the toe as a fraction of the heel's (standing side-view fixtures). */
export const ANKLE_LEVER = 0.8;

const IDX = { lShoulder: 11, rShoulder: 12, lHip: 23, rHip: 24, lAnkle: 27, rAnkle: 28, lHeel: 29, rHeel: 30, lToe: 31, rToe: 32 };

function median(v: number[]): number {
  const a = v.filter(Number.isFinite).sort((x, y) => x - y);
  return a.length ? a[a.length >> 1] : NaN;
}

const ok = (k: Keypoint | undefined, minScore: number): k is Keypoint =>
  !!k && k.score >= minScore && Number.isFinite(k.x) && Number.isFinite(k.y);

/**
 * Squat depth per frame: hip height above the ankles in the picture (mid-points, or the one side
 * seen), 0 at the clip's standing height (90th percentile) and 1 at its deepest (5th percentile),
 * clamped, smoothed over 3 frames.
 */
export function heelInjectorDepth(track: PoseTrack, minScore = 0.5): Float64Array {
  const n = track.frames.length;
  const h = new Float64Array(n).fill(NaN);
  // Hip and ankle heights from whichever side is seen (from the side the far leg often scores low).
  const meanY = (a: Keypoint, b: Keypoint): number =>
    ok(a, minScore) && ok(b, minScore) ? (a.y + b.y) / 2 : ok(a, minScore) ? a.y : ok(b, minScore) ? b.y : NaN;
  track.frames.forEach((f, i) => {
    const k = f.keypoints;
    if (!k) return;
    h[i] = meanY(k[IDX.lAnkle], k[IDX.rAnkle]) - meanY(k[IDX.lHip], k[IDX.rHip]);
  });
  const valid = [...h].filter(Number.isFinite).sort((a, b) => a - b);
  const out = new Float64Array(n).fill(NaN);
  if (!valid.length) return out;
  const top = valid[Math.min(valid.length - 1, Math.round(0.9 * (valid.length - 1)))];
  // The deepest squat: the 5th percentile, so a few implausible frames (a hand over the lens
  // makes an upside-down skeleton) cannot stretch the scale.
  const low = valid[Math.round(0.05 * (valid.length - 1))];
  if (!(top > low)) return out.fill(0);
  const raw = [...h].map((x) => (Number.isFinite(x) ? Math.min(1, Math.max(0, (top - x) / (top - low))) : NaN));
  for (let i = 0; i < n; i++) {
    const w = [raw[i - 1], raw[i], raw[i + 1]].filter((x) => x !== undefined && Number.isFinite(x)) as number[];
    out[i] = Number.isFinite(raw[i]) && w.length ? w.reduce((a, b) => a + b, 0) / w.length : NaN;
  }
  return out;
}

/** The standing body axis (ankle-mid -> shoulder-mid) and leg length, over frames with depth <= 0.05. */
function standingAxis2D(track: PoseTrack, depth: Float64Array, minScore: number): { up: [number, number]; legPx: number } {
  const ux: number[] = [], uy: number[] = [], legs: number[] = [];
  track.frames.forEach((f, i) => {
    const k = f.keypoints;
    if (!k || !(depth[i] <= 0.05)) return;
    const p = [k[IDX.lShoulder], k[IDX.rShoulder], k[IDX.lAnkle], k[IDX.rAnkle], k[IDX.lHip], k[IDX.rHip]];
    if (!p.every((q) => ok(q, minScore))) return;
    const sx = (p[0].x + p[1].x) / 2, sy = (p[0].y + p[1].y) / 2, ax = (p[2].x + p[3].x) / 2, ay = (p[2].y + p[3].y) / 2;
    const hx = (p[4].x + p[5].x) / 2, hy = (p[4].y + p[5].y) / 2;
    const d = Math.hypot(sx - ax, sy - ay);
    if (d > 0) { ux.push((sx - ax) / d); uy.push((sy - ay) / d); }
    legs.push(Math.hypot(hx - ax, hy - ay));
  });
  const x = median(ux), y = median(uy), d = Math.hypot(x, y);
  return { up: d > 0 ? [x / d, y / d] : [0, -1], legPx: median(legs) };
}

const mid3 = (p: Keypoint3D, q: Keypoint3D): [number, number, number] => [(p.x + q.x) / 2, (p.y + q.y) / 2, (p.z + q.z) / 2];

function standingAxis3D(track: PoseTrack, depth: Float64Array): [number, number, number] {
  const v: [number, number, number][] = [];
  track.frames.forEach((f, i) => {
    const k = f.keypoints3D;
    if (!k || !(depth[i] <= 0.05)) return;
    const s = mid3(k[IDX.lShoulder], k[IDX.rShoulder]), a = mid3(k[IDX.lAnkle], k[IDX.rAnkle]);
    const d = Math.hypot(s[0] - a[0], s[1] - a[1], s[2] - a[2]);
    if (d > 0) v.push([(s[0] - a[0]) / d, (s[1] - a[1]) / d, (s[2] - a[2]) / d]);
  });
  const u: [number, number, number] = [median(v.map((q) => q[0])), median(v.map((q) => q[1])), median(v.map((q) => q[2]))];
  const d = Math.hypot(...u);
  return d > 0 ? [u[0] / d, u[1] / d, u[2] / d] : [0, -1, 0];
}

/**
 * Rotation about the toe of point p (d behind the toe along unit u, h above it along unit up)
 * by a: the displacement, as a linear combination of u and up.
 */
function liftDisplacement(d: number, h: number, a: number): { alongU: number; alongUp: number } {
  return { alongU: d * (Math.cos(a) - 1) - h * Math.sin(a), alongUp: d * Math.sin(a) + h * (Math.cos(a) - 1) };
}

/** A copy of `track` with one heel lifted (see the file comment), and what was applied. */
export function injectHeelLift(track: PoseTrack, spec: HeelLiftInjection): { track: PoseTrack; truth: InjectedHeelTruth } {
  const minScore = spec.minScore ?? 0.5;
  const n = track.frames.length;
  const depth = heelInjectorDepth(track, minScore);
  const { up, legPx } = standingAxis2D(track, depth, minScore);
  const up3 = standingAxis3D(track, depth);
  const footPx = FOOT_PER_LEG * legPx;
  const [ankleI, heelI, toeI] = spec.side === 'left' ? [IDX.lAnkle, IDX.lHeel, IDX.lToe] : [IDX.rAnkle, IDX.rHeel, IDX.rToe];
  const truth: InjectedHeelTruth = {
    depth, angleDeg: new Float64Array(n), heelRiseFoot: new Float64Array(n), moved: 0,
  };
  // Up in the picture's own coordinates (y down): the axis found points from ankles to shoulders.
  const frames = track.frames.map((f, i) => {
    const p = depth[i];
    const a = ((spec.angleDeg * (Number.isFinite(p) ? p : 0)) * Math.PI) / 180;
    if (!f.keypoints || !(a > 0) || !(footPx > 0)) return f;
    const k = f.keypoints.map((q) => ({ ...q }));
    const toe = k[toeI], heel = k[heelI], ankle = k[ankleI];
    // The foot's direction across "up" in the picture, per unit of true foot length.
    const hx = heel.x - toe.x, hy = heel.y - toe.y;
    const hUp = hx * up[0] + hy * up[1];
    const ux = (hx - hUp * up[0]) / footPx, uy = (hy - hUp * up[1]) / footPx;
    for (const [pt, d] of [[heel, footPx], [ankle, ANKLE_LEVER * footPx]] as const) {
      const h = (pt.x - toe.x) * up[0] + (pt.y - toe.y) * up[1];
      const m = liftDisplacement(d, h, a);
      pt.x += ux * m.alongU + up[0] * m.alongUp;
      pt.y += uy * m.alongU + up[1] * m.alongUp;
      if (pt === heel) truth.heelRiseFoot[i] = m.alongUp / footPx;
    }
    truth.angleDeg[i] = (a * 180) / Math.PI;
    truth.moved++;
    let k3: Keypoint3D[] | null | undefined = f.keypoints3D;
    if (k3) {
      k3 = k3.map((q) => ({ ...q }));
      const t3 = k3[toeI], h3 = k3[heelI];
      const v = [h3.x - t3.x, h3.y - t3.y, h3.z - t3.z];
      const vUp = v[0] * up3[0] + v[1] * up3[1] + v[2] * up3[2];
      const hor = [v[0] - vUp * up3[0], v[1] - vUp * up3[1], v[2] - vUp * up3[2]];
      const horLen = Math.hypot(hor[0], hor[1], hor[2]);
      if (horLen > 0) {
        const u3 = hor.map((c) => c / horLen);
        for (const pt of [k3[heelI], k3[ankleI]]) {
          const w = [pt.x - t3.x, pt.y - t3.y, pt.z - t3.z];
          const h = w[0] * up3[0] + w[1] * up3[1] + w[2] * up3[2];
          const d = w[0] * u3[0] + w[1] * u3[1] + w[2] * u3[2];
          const m = liftDisplacement(d, h, a);
          pt.x += u3[0] * m.alongU + up3[0] * m.alongUp;
          pt.y += u3[1] * m.alongU + up3[1] * m.alongUp;
          pt.z += u3[2] * m.alongU + up3[2] * m.alongUp;
        }
      }
    }
    return { ...f, keypoints: k, ...(f.keypoints3D !== undefined ? { keypoints3D: k3 } : {}) };
  });
  return { track: { ...track, frames }, truth };
}
