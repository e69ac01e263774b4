/**
 * Synthetic squats with exact, controllable truth.
 *
 * A 3D stick figure (BlazePose's 33 landmarks, heels and toes included) squats in world
 * metres, then a camera projects it to pixels. Because the generator builds the 3D pose
 * itself, it knows every metric exactly; tests compare what src/core measures from the
 * projected keypoints against that truth.
 *
 * World frame (metres): x = lifter's LEFT, y = up, z = the direction the lifter faces.
 * The floor is y = 0. The lifter stands at the origin and does not walk.
 *
 * Segment lengths follow Winter's anthropometric fractions of body height H
 * (Winter, "Biomechanics and Motor Control of Human Movement", 4th ed. 2009, fig. 4.1):
 * thigh 0.245 H, shank 0.246 H, foot 0.152 H, ankle height 0.039 H, shoulder-to-hip 0.288 H.
 * Hip keypoints sit at the hip joint centres (BlazePose's hips are close to that).
 *
 * Camera: the camera sits on a circle round the lifter. `yawDeg` is its azimuth measured from
 * the lifter's front toward the lifter's RIGHT side: 0 = front view, 45 = front-right oblique,
 * 90 = the lifter's right side faces the camera, -90 = left side. `view` picks 0 / 45 / 90 and
 * `yawDeg` is added to it. Orthographic by default (exact angles in the image plane);
 * `camera: 'perspective'` uses a pinhole at `cameraDistanceM`.
 * Roll: after projection the picture is rotated about its centre so that a world-horizontal
 * line pointing to image-right has pixel direction (cos r, -sin r): positive `rollDeg` means
 * the floor line rises to the right on screen. That is the sign core's cameraRollDeg uses.
 *
 * Fault models (each scales with squat phase p: 0 standing, 1 at the bottom):
 * - valgusDeg: the knee is rotated toward the midline about its own hip-ankle axis by
 *   valgusDeg * p, starting from straight ahead (or over the toes with kneesOverToes).
 *   Near parallel the knee is ~0.35 m in front of that axis, so 10 deg moves it ~6 cm inward. Truth kneeValgusDeg is NOT this number: it is the frontal-plane projection
 *   angle (FPPA) of the 3D hip, knee and ankle projected onto the lifter's frontal plane
 *   (x-y), which is what the metric defines. The applied rotation is in truth.kneeRotationDeg.
 * - heelLift: the foot pivots about its toe tip until the heel has risen by heelLift * p foot
 *   lengths; the ankle rises with it.
 * - trunkLeanDeg: extra forward rotation of the hip->shoulder line at the bottom.
 * - pelvicTuckDeg: in the last quarter of the descent (and first quarter of the ascent) the
 *   hip->shoulder line rotates BACKWARD relative to the thigh by up to pelvicTuckDeg while the
 *   knees keep bending: the 2D signature the butt-wink proxy looks for (REFERENCE.md §3:
 *   "a late-descent jump in (trunk angle - thigh angle) while the knee angle barely changes").
 *   Pose models have no pelvis landmarks, so this is the observable part of a posterior tilt.
 * - hipShift: the pelvis (and the trunk above it) slides toward the lifter's left by
 *   hipShift * hip width * p; negative = toward the right.
 * - turnOutGainDeg: each foot turns out (pivoting about its heel, on the floor) by a further
 *   turnOutGainDeg * p beyond footTurnOutDeg: NASM's "feet turn out" compensation.
 *
 * Deterministic for a given seed (mulberry32 PRNG).
 */
import type { Keypoint, PoseFrame, PoseTrack, Sided } from '../../src/core/types';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../../src/core/types';

export type SyntheticView = 'front' | 'side' | 'oblique';

export interface SyntheticSquatSpec {
  reps?: number;
  fps?: number;
  /** Standing still before the first and after the last rep, seconds. */
  standS?: number;
  descentS?: number;
  /** Hold at the bottom. */
  bottomS?: number;
  ascentS?: number;
  /** Standing between reps. */
  pauseS?: number;
  /** Thigh from horizontal at the bottom: 0 = parallel, positive = hip below knee. */
  bottomThighAngleDeg?: number;
  /** Rotation of each knee toward the midline about its hip-ankle axis at the bottom. */
  valgusDeg?: Sided<number>;
  /** Heel rise at the bottom, as a fraction of foot length, per foot. */
  heelLift?: Sided<number>;
  /** Extra toe-out at the bottom beyond footTurnOutDeg, degrees, per foot. Default 0. */
  turnOutGainDeg?: Sided<number>;
  /** Extra forward lean of the trunk at the bottom, degrees. */
  trunkLeanDeg?: number;
  /** Posterior rotation of the trunk relative to the thigh added in late descent, degrees. */
  pelvicTuckDeg?: number;
  /** Lateral pelvis shift at the bottom, fraction of hip width; positive = toward lifter's left. */
  hipShift?: number;
  view?: SyntheticView;
  /** Added to the view's azimuth (see file comment). */
  yawDeg?: number;
  rollDeg?: number;
  /** Gaussian pixel noise (standard deviation) on x and y. */
  noisePx?: number;
  /** Probability that any one keypoint in a frame is dropped (see dropMode). */
  dropRate?: number;
  width?: number;
  height?: number;
  seed?: number;
  /** Per-rep overrides (rep is 0-based); e.g. faults that grow with fatigue. */
  perRep?: (rep: number) => Partial<SyntheticSquatSpec>;

  // ---- extra options
  /** 'orthographic' (default, exact) or 'perspective' (pinhole). */
  camera?: 'orthographic' | 'perspective';
  /** Pinhole distance from the lifter, metres (perspective only). */
  cameraDistanceM?: number;
  /** Camera height above the floor, metres (perspective only). Default 0.9. */
  cameraHeightM?: number;
  /** Lifter height, metres. Default 1.75. */
  bodyHeightM?: number;
  /** Distance between the ankle centres, metres. Default 0.34. */
  stanceWidthM?: number;
  /** Toe-out of each foot from straight ahead, degrees. Default 10. */
  footTurnOutDeg?: number;
  /** Knees travel in the direction the toes point (so they drift outward with toe-out) instead
   *  of straight ahead. Default false: with valgusDeg 0 each knee then stays exactly on its
   *  hip-ankle line in the frontal plane (FPPA 0), so any FPPA comes from valgusDeg alone. */
  kneesOverToes?: boolean;
  /** Shin from vertical at the bottom, degrees; default from depth (about 30). */
  bottomShinAngleDeg?: number;
  /** Trunk from vertical at the bottom before trunkLeanDeg, degrees; default 35. */
  baseTrunkLeanDeg?: number;
  /** 'lowScore' (default): a dropped keypoint keeps a wrong position and score 0.05;
   *  'remove': it is left out of the frame's keypoint list; 'nan': x and y become NaN. */
  dropMode?: 'lowScore' | 'remove' | 'nan';
  /** Probability that a whole frame has no person (keypoints null). */
  missingFrameRate?: number;
  /** Keep only these keypoints (e.g. a track without heels). */
  keypointNames?: readonly string[];
  /** Score of keypoints on the side facing the camera. Default 0.95. */
  nearScore?: number;
  /** Score of keypoints on the far side in a pure side view; interpolated by sin^2(yaw). Default 0.6. */
  farScore?: number;
  /** Start the clip this many seconds into the timeline (e.g. mid-rep). Default 0. */
  startAtS?: number;
  /** Model name written into the track. Default 'synthetic'. */
  model?: string;
  /** Also write keypoints3D as BlazePose gives them: metres, origin at the hip midpoint, axes
   *  aligned with the camera (x picture-right, y down, z away from the camera), no noise, no
   *  roll. Default false. */
  keypoints3D?: boolean;
}

export interface SyntheticFrameTruth {
  t: number;
  /** Squat phase, 0 standing .. 1 at the bottom. */
  phase: number;
  /** FPPA in the lifter's frontal plane, positive = knee inward. Degenerate (jumps toward
   *  +-180) when the thigh's frontal projection shrinks near and below parallel: the reason
   *  core nulls FPPA there (REFERENCE.md §3, Straub & Powers 2022). */
  kneeValgusDeg: Sided<number>;
  /** The rotation the generator applied to each knee (valgusDeg * phase). */
  kneeRotationDeg: Sided<number>;
  /** Signed knee distance from the hip-ankle line in the frontal plane / (thigh + shank length); + = inward. */
  kneeOffset: Sided<number>;
  /** The knee's sideways travel toward the midline off the line from its hip (where it stood
   *  sideways) to its ankle, at the knee's height, since standing / (thigh + shank length);
   *  + = inward (core's kneeDrift). */
  kneeDrift: Sided<number>;
  /** Knee width / ankle width in the frontal plane. */
  kneeSeparationRatio: number;
  /** Heel rise above its standing height / foot length. */
  heelLift: Sided<number>;
  /** Heel-to-toe line against the floor in the foot's own vertical plane, + = heel above toe. */
  footAngleDeg: Sided<number>;
  /** Heel-to-toe line from straight ahead on the floor, + = toe out (footTurnOutDeg + turnOutGainDeg * p). */
  footTurnOutDeg: Sided<number>;
  /** Hip-mid to shoulder-mid from vertical in the sagittal plane, + = forward. */
  torsoAngleDeg: number;
  /** Knee flexion in the sagittal plane (0 = straight). */
  kneeFlexionDeg: Sided<number>;
  /** True 3D knee angle (0 = straight). */
  kneeFlexion3dDeg: Sided<number>;
  /** Ankle->knee from vertical in the sagittal plane, + = knee forward. */
  shinAngleDeg: Sided<number>;
  /** Hip-mid -> knee-mid from horizontal in the sagittal plane, + = hip below knee. */
  thighAngleDeg: number;
  /** (knee-mid height - hip-mid height) / thigh length; + = hip below knee. */
  depth: number;
  /** Angle between trunk and thigh in the sagittal plane, 0 = standing straight. */
  hipFlexionDeg: number;
  /** torsoAngleDeg - mean shinAngleDeg. */
  trunkTibiaDeg: number;
  /** (hip-mid x - ankle-mid x) / hip width; + = toward lifter's left. */
  hipShift: number;
  /** Posterior trunk-vs-thigh rotation applied (see file comment). */
  pelvicTuckDeg: number;
  /** Hip-mid height above the ankle-mid / the same at standing (core's hipHeight definition). */
  hipHeight: number;
}

export interface SyntheticRepTruth {
  start: number;
  bottom: number;
  ascentStart: number;
  end: number;
}

export interface SyntheticTruth {
  frames: SyntheticFrameTruth[];
  reps: SyntheticRepTruth[];
  /** Azimuth actually used (view + yawDeg), degrees. */
  yawDeg: number;
  rollDeg: number;
  view: SyntheticView;
  /** Pixels per metre at the lifter (orthographic scale, or f / distance for perspective). */
  pxPerM: number;
  segmentM: { thigh: number; shank: number; foot: number; hipWidth: number; trunk: number };
}

// ---------------------------------------------------------------------------

type V3 = [number, number, number];
const DEG = Math.PI / 180;
const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const mul = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3) => Math.hypot(a[0], a[1], a[2]);
const unit = (a: V3): V3 => mul(a, 1 / (norm(a) || 1));
const mid = (a: V3, b: V3): V3 => mul(add(a, b), 0.5);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Seeded PRNG (mulberry32): the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Smooth 0..1 easing, zero velocity at both ends (a squat starts and stops gently). */
const ease = (u: number) => (1 - Math.cos(Math.PI * clamp(u, 0, 1))) / 2;

const DEFAULTS = {
  reps: 3,
  fps: 30,
  standS: 1.5,
  descentS: 1.2,
  bottomS: 0.3,
  ascentS: 1.0,
  pauseS: 0.8,
  bottomThighAngleDeg: 0,
  valgusDeg: { left: 0, right: 0 },
  heelLift: { left: 0, right: 0 },
  turnOutGainDeg: { left: 0, right: 0 },
  trunkLeanDeg: 0,
  pelvicTuckDeg: 0,
  hipShift: 0,
  view: 'front' as SyntheticView,
  yawDeg: 0,
  rollDeg: 0,
  noisePx: 0,
  dropRate: 0,
  width: 720,
  height: 1280,
  seed: 1,
};

/** Fault and depth parameters that can change from rep to rep. */
interface RepParams {
  descentS: number;
  bottomS: number;
  ascentS: number;
  pauseS: number;
  bottomThighAngleDeg: number;
  valgusDeg: Sided<number>;
  heelLift: Sided<number>;
  turnOutGainDeg: Sided<number>;
  trunkLeanDeg: number;
  pelvicTuckDeg: number;
  hipShift: number;
  bottomShinAngleDeg: number | undefined;
  baseTrunkLeanDeg: number;
}

interface Body {
  thigh: number;
  shank: number;
  foot: number;
  ankleH: number;
  heelBack: number;
  toeFwd: number;
  heelH: number;
  toeH: number;
  hipHalf: number;
  shoulderHalf: number;
  trunk: number;
  stanceHalf: number;
  turnOut: number;
  kneesOverToes: boolean;
}

function makeBody(spec: SyntheticSquatSpec): Body {
  const H = spec.bodyHeightM ?? 1.75;
  const foot = 0.152 * H;
  return {
    thigh: 0.245 * H,
    shank: 0.246 * H,
    foot,
    ankleH: 0.039 * H,
    // Heel keypoint ~ back of the heel, toe keypoint (foot_index) ~ tip of the toes.
    heelBack: 0.22 * foot,
    toeFwd: 0.78 * foot,
    heelH: 0.02 * H,
    toeH: 0.012 * H,
    hipHalf: 0.063 * H,
    shoulderHalf: 0.11 * H,
    trunk: 0.288 * H,
    stanceHalf: (spec.stanceWidthM ?? 0.34) / 2,
    turnOut: (spec.footTurnOutDeg ?? 10) * DEG,
    kneesOverToes: spec.kneesOverToes ?? false,
  };
}

/** Posed 3D keypoints plus the truth that goes with them. */
interface Posed {
  pts: Map<string, V3>;
  truth: Omit<SyntheticFrameTruth, 't' | 'phase' | 'hipHeight' | 'kneeDrift'> & { hipMidY: number; ankleMidY: number };
}

/** Places one foot: pivots about the toe tip by the heel-lift angle. Returns heel, ankle, toe. */
function placeFoot(body: Body, side: 1 | -1, lift: number, extraTurnOut = 0): { heel: V3; ankle: V3; toe: V3; dir: V3 } {
  // side: +1 = left (+x), -1 = right.
  const dir0: V3 = [side * Math.sin(body.turnOut), 0, Math.cos(body.turnOut)]; // toe-out: left foot points to +x
  // The stance is placed about the ankle; a foot that turns out further pivots about its heel.
  const heelFloor: V3 = add([side * body.stanceHalf, 0, 0], mul(dir0, -body.heelBack));
  const turnOut = body.turnOut + extraTurnOut;
  const dir: V3 = [side * Math.sin(turnOut), 0, Math.cos(turnOut)];
  const ankle0: V3 = add([heelFloor[0], body.ankleH, heelFloor[2]], mul(dir, body.heelBack));
  const toe: V3 = add([ankle0[0], body.toeH, ankle0[2]], mul(dir, body.toeFwd));
  const heel0: V3 = add([ankle0[0], body.heelH, ankle0[2]], mul(dir, -body.heelBack));
  // Rotate heel and ankle about the toe, in the foot's vertical plane, so that the heel rises
  // by lift * foot length.
  const heelToToe = sub(heel0, toe);
  const horiz = Math.hypot(heelToToe[0], heelToToe[2]);
  const baseAng = Math.atan2(heelToToe[1], horiz); // small, heel slightly above toe
  const targetRise = lift * body.foot;
  const len = Math.hypot(horiz, heelToToe[1]);
  const newSin = clamp((heelToToe[1] + targetRise) / len, -1, 1);
  const alpha = Math.asin(newSin) - baseAng; // rotation angle lifting the heel
  const rot = (p: V3): V3 => {
    const v = sub(p, toe);
    const back = -(v[0] * dir[0] + v[2] * dir[2]); // distance behind the toe along the foot
    const up = v[1];
    const lateral: V3 = sub([v[0], 0, v[2]], mul(dir, -back));
    const nb = back * Math.cos(alpha) - up * Math.sin(alpha);
    const nu = back * Math.sin(alpha) + up * Math.cos(alpha);
    return add(toe, add(add(mul(dir, -nb), lateral), [0, nu, 0]));
  };
  return { heel: rot(heel0), ankle: rot(ankle0), toe, dir };
}

/** Two-link IK: knee position given ankle, hip, segment lengths, knee's forward direction and valgus. */
function placeKnee(ankle: V3, hip: V3, shank: number, thigh: number, forward: V3, medial: V3, valgusRad: number): V3 {
  const axis = sub(hip, ankle);
  let d = norm(axis);
  const u = unit(axis);
  d = Math.min(d, shank + thigh - 1e-9);
  const a = (shank * shank - thigh * thigh + d * d) / (2 * d);
  const r = Math.sqrt(Math.max(0, shank * shank - a * a));
  const n = unit(sub(forward, mul(u, dot(forward, u))));
  let m = unit(cross(u, n));
  if (dot(m, medial) < 0) m = mul(m, -1);
  const dirK = add(mul(n, Math.cos(valgusRad)), mul(m, Math.sin(valgusRad)));
  return add(add(ankle, mul(u, a)), mul(dirK, r));
}

/** Angle from a to b in 2D, degrees (unsigned). */
function angle2(ax: number, ay: number, bx: number, by: number): number {
  return Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by)) / DEG;
}

function pose(body: Body, p: number, tuck: number, rp: RepParams): Posed {
  const thetaStand = -87;
  const thetaBottom = rp.bottomThighAngleDeg;
  const theta = (thetaStand + (thetaBottom - thetaStand) * p) * DEG;
  const shinBottom = rp.bottomShinAngleDeg ?? clamp(30 + 0.2 * thetaBottom, 10, 40);
  const shin = (2 + (shinBottom - 2) * p) * DEG;

  const feet = {
    left: placeFoot(body, 1, rp.heelLift.left * p, rp.turnOutGainDeg.left * p * DEG),
    right: placeFoot(body, -1, rp.heelLift.right * p, rp.turnOutGainDeg.right * p * DEG),
  };
  const ankleMid = mid(feet.left.ankle, feet.right.ankle);
  // The legs splay laterally (ankles wider than hips); in-plane lengths of a mean leg whose
  // lateral part is shared in proportion to segment length, so a straight leg is exactly straight.
  const dx = body.stanceHalf - body.hipHalf;
  const Ls = Math.sqrt(Math.max(1e-6, body.shank ** 2 - (dx * body.shank / (body.shank + body.thigh)) ** 2));
  const Lt = Math.sqrt(Math.max(1e-6, body.thigh ** 2 - (dx * body.thigh / (body.shank + body.thigh)) ** 2));
  const kneeMid0: V3 = add(ankleMid, [0, Ls * Math.cos(shin), Ls * Math.sin(shin)]);
  const hipMid0: V3 = add(kneeMid0, [0, -Lt * Math.sin(theta), -Lt * Math.cos(theta)]);
  const hipW = 2 * body.hipHalf;
  const hipMid: V3 = add(hipMid0, [rp.hipShift * p * hipW, 0, 0]);
  const hips = { left: add(hipMid, [body.hipHalf, 0, 0]), right: add(hipMid, [-body.hipHalf, 0, 0]) };

  const knees = {
    left: placeKnee(feet.left.ankle, hips.left, body.shank, body.thigh, body.kneesOverToes ? feet.left.dir : [0, 0, 1], [-1, 0, 0], rp.valgusDeg.left * p * DEG),
    right: placeKnee(feet.right.ankle, hips.right, body.shank, body.thigh, body.kneesOverToes ? feet.right.dir : [0, 0, 1], [1, 0, 0], rp.valgusDeg.right * p * DEG),
  };

  // Trunk: forward lean from vertical grows with depth; pelvic tuck turns it back.
  const lean = (2 + (rp.baseTrunkLeanDeg + rp.trunkLeanDeg - 2) * p - tuck) * DEG;
  const trunkDir: V3 = [0, Math.cos(lean), Math.sin(lean)];
  const shoulderMid = add(hipMid, mul(trunkDir, body.trunk));
  const sh = { left: add(shoulderMid, [body.shoulderHalf, 0, 0]), right: add(shoulderMid, [-body.shoulderHalf, 0, 0]) };

  // Head: along the trunk with a slight forward tilt of the neck.
  const headUp = unit(add(trunkDir, [0, 0.3, 0]));
  const fwd: V3 = [0, -Math.sin(lean) * 0.3, Math.cos(lean)];
  const headC = add(shoulderMid, mul(headUp, 0.16));
  const nose = add(headC, mul(fwd, 0.1));
  const pts = new Map<string, V3>();
  pts.set('nose', nose);
  for (const [s, sx] of [['left', 1], ['right', -1]] as const) {
    const eyeBase = add(nose, add(mul(headUp, 0.035), mul(fwd, -0.02)));
    pts.set(`${s}_eye_inner`, add(eyeBase, [sx * 0.015, 0, 0]));
    pts.set(`${s}_eye`, add(eyeBase, [sx * 0.032, 0, -0.005]));
    pts.set(`${s}_eye_outer`, add(eyeBase, [sx * 0.048, 0, -0.01]));
    pts.set(`${s}_ear`, add(headC, add([sx * 0.075, 0, 0], mul(fwd, -0.01))));
    pts.set(`mouth_${s}`, add(nose, add(mul(headUp, -0.04), [sx * 0.025, 0, -0.01])));
    // Arms reach forward for balance, rising with depth.
    const armAng = (20 + 60 * p) * DEG; // from hanging down toward horizontal forward
    const armDir: V3 = [0, -Math.cos(armAng), Math.sin(armAng)];
    const shoulder = sh[s];
    const elbow = add(shoulder, mul(armDir, 0.28));
    const wrist = add(elbow, mul(armDir, 0.25));
    pts.set(`${s}_shoulder`, shoulder);
    pts.set(`${s}_elbow`, elbow);
    pts.set(`${s}_wrist`, wrist);
    pts.set(`${s}_pinky`, add(wrist, add(mul(armDir, 0.07), [sx * 0.02, 0, 0])));
    pts.set(`${s}_index`, add(wrist, mul(armDir, 0.08)));
    pts.set(`${s}_thumb`, add(wrist, add(mul(armDir, 0.05), [-sx * 0.02, 0, 0])));
    pts.set(`${s}_hip`, hips[s]);
    pts.set(`${s}_knee`, knees[s]);
    pts.set(`${s}_ankle`, feet[s].ankle);
    pts.set(`${s}_heel`, feet[s].heel);
    pts.set(`${s}_foot_index`, feet[s].toe);
  }

  // ---- truth, from the 3D points
  const fppa = (h: V3, k: V3, a: V3, medialX: number) => {
    const tx = k[0] - h[0], ty = k[1] - h[1];
    const sx = a[0] - k[0], sy = a[1] - k[1];
    const ang = angle2(tx, ty, sx, sy);
    // Signed distance of the knee from the hip-ankle line toward the midline, frontal plane.
    const lx = a[0] - h[0], ly = a[1] - h[1];
    const l = Math.hypot(lx, ly) || 1;
    const along = ((k[0] - h[0]) * lx + (k[1] - h[1]) * ly) / l;
    const px = h[0] + (lx / l) * along;
    const off = (k[0] - px) * medialX; // y component of the perpendicular is tiny; x decides medial
    const perp = Math.hypot(k[0] - px, k[1] - (h[1] + (ly / l) * along));
    const sign = off >= 0 ? 1 : -1;
    return { deg: sign * ang, offset: (sign * perp) / (body.thigh + body.shank) };
  };
  const vl = fppa(hips.left, knees.left, feet.left.ankle, -1);
  const vr = fppa(hips.right, knees.right, feet.right.ankle, 1);
  const sag = (v: V3) => ({ fwd: v[2], up: v[1] });
  const kneeFlexSag = (h: V3, k: V3, a: V3) => {
    const t = sag(sub(h, k)), s = sag(sub(a, k));
    return 180 - angle2(t.fwd, t.up, s.fwd, s.up);
  };
  const kneeFlex3d = (h: V3, k: V3, a: V3) => {
    const t = sub(h, k), s = sub(a, k);
    return 180 - Math.acos(clamp(dot(t, s) / (norm(t) * norm(s)), -1, 1)) / DEG;
  };
  const shinSag = (a: V3, k: V3) => Math.atan2(k[2] - a[2], k[1] - a[1]) / DEG;
  const kneeMid = mid(knees.left, knees.right);
  const torso = Math.atan2(shoulderMid[2] - hipMid[2], shoulderMid[1] - hipMid[1]) / DEG;
  const thighAng = Math.atan2(kneeMid[1] - hipMid[1], kneeMid[2] - hipMid[2]) / DEG;
  const trunkV = sag(sub(shoulderMid, hipMid));
  const thighV = sag(sub(kneeMid, hipMid));
  const hipFlex = 180 - angle2(trunkV.fwd, trunkV.up, thighV.fwd, thighV.up);
  const heelRise = (f: { heel: V3 }) => (f.heel[1] - body.heelH) / body.foot;
  const footAng = (f: { heel: V3; toe: V3; dir: V3 }) => {
    const v = sub(f.heel, f.toe);
    return Math.atan2(v[1], -(v[0] * f.dir[0] + v[2] * f.dir[2])) / DEG;
  };
  const shinL = shinSag(feet.left.ankle, knees.left);
  const shinR = shinSag(feet.right.ankle, knees.right);
  const ankleMidNow = mid(feet.left.ankle, feet.right.ankle);
  return {
    pts,
    truth: {
      kneeValgusDeg: { left: vl.deg, right: vr.deg },
      kneeRotationDeg: { left: rp.valgusDeg.left * p, right: rp.valgusDeg.right * p },
      kneeOffset: { left: vl.offset, right: vr.offset },
      kneeSeparationRatio: Math.abs(knees.left[0] - knees.right[0]) / Math.abs(feet.left.ankle[0] - feet.right.ankle[0]),
      heelLift: { left: heelRise(feet.left), right: heelRise(feet.right) },
      footAngleDeg: { left: footAng(feet.left), right: footAng(feet.right) },
      footTurnOutDeg: { left: body.turnOut / DEG + rp.turnOutGainDeg.left * p, right: body.turnOut / DEG + rp.turnOutGainDeg.right * p },
      torsoAngleDeg: torso,
      kneeFlexionDeg: {
        left: kneeFlexSag(hips.left, knees.left, feet.left.ankle),
        right: kneeFlexSag(hips.right, knees.right, feet.right.ankle),
      },
      kneeFlexion3dDeg: {
        left: kneeFlex3d(hips.left, knees.left, feet.left.ankle),
        right: kneeFlex3d(hips.right, knees.right, feet.right.ankle),
      },
      shinAngleDeg: { left: shinL, right: shinR },
      thighAngleDeg: thighAng,
      depth: (kneeMid[1] - hipMid[1]) / body.thigh,
      hipFlexionDeg: hipFlex,
      trunkTibiaDeg: torso - (shinL + shinR) / 2,
      hipShift: (hipMid[0] - ankleMidNow[0]) / hipW,
      pelvicTuckDeg: tuck,
      hipMidY: hipMid[1],
      ankleMidY: ankleMidNow[1],
    },
  };
}

interface Segment {
  rep: number;
  t0: number;
  bottom: number;
  ascentStart: number;
  end: number;
  params: RepParams;
}

/** Builds a synthetic squat set: a PoseTrack in pixels and the generator's 3D truth. */
export function syntheticSquat(specIn: SyntheticSquatSpec = {}): { track: PoseTrack; truth: SyntheticTruth } {
  const spec = { ...DEFAULTS, ...specIn };
  const body = makeBody(spec);
  const rand = mulberry32(spec.seed);

  // ---- timeline
  const segments: Segment[] = [];
  let t = spec.standS;
  for (let r = 0; r < spec.reps; r++) {
    const o = { ...spec, ...(spec.perRep ? spec.perRep(r) : {}) };
    const params: RepParams = {
      descentS: o.descentS,
      bottomS: o.bottomS,
      ascentS: o.ascentS,
      pauseS: o.pauseS,
      bottomThighAngleDeg: o.bottomThighAngleDeg,
      valgusDeg: o.valgusDeg,
      heelLift: o.heelLift,
      turnOutGainDeg: o.turnOutGainDeg,
      trunkLeanDeg: o.trunkLeanDeg,
      pelvicTuckDeg: o.pelvicTuckDeg,
      hipShift: o.hipShift,
      bottomShinAngleDeg: o.bottomShinAngleDeg,
      baseTrunkLeanDeg: o.baseTrunkLeanDeg ?? 35,
    };
    const t0 = t;
    const bottom = t0 + params.descentS;
    const ascentStart = bottom + params.bottomS;
    const end = ascentStart + params.ascentS;
    segments.push({ rep: r, t0, bottom, ascentStart, end, params });
    t = end + (r < spec.reps - 1 ? params.pauseS : 0);
  }
  const duration = t + spec.standS;
  const restParams: RepParams = segments[0]?.params ?? {
    descentS: spec.descentS, bottomS: spec.bottomS, ascentS: spec.ascentS, pauseS: spec.pauseS,
    bottomThighAngleDeg: spec.bottomThighAngleDeg, valgusDeg: spec.valgusDeg, heelLift: spec.heelLift, turnOutGainDeg: spec.turnOutGainDeg,
    trunkLeanDeg: spec.trunkLeanDeg, pelvicTuckDeg: spec.pelvicTuckDeg, hipShift: spec.hipShift,
    bottomShinAngleDeg: spec.bottomShinAngleDeg, baseTrunkLeanDeg: spec.baseTrunkLeanDeg ?? 35,
  };

  const phaseAt = (time: number): { p: number; tuck: number; params: RepParams } => {
    for (const s of segments) {
      if (time < s.t0 || time > s.end) continue;
      const tuckMax = s.params.pelvicTuckDeg;
      if (time <= s.bottom) {
        const u = (time - s.t0) / s.params.descentS;
        return { p: ease(u), tuck: tuckMax * ease((u - 0.75) / 0.25), params: s.params };
      }
      if (time <= s.ascentStart) return { p: 1, tuck: tuckMax, params: s.params };
      const u = (time - s.ascentStart) / s.params.ascentS;
      return { p: 1 - ease(u), tuck: tuckMax * (1 - ease(u / 0.25)), params: s.params };
    }
    return { p: 0, tuck: 0, params: restParams };
  };

  // ---- camera
  const baseYaw = spec.view === 'front' ? 0 : spec.view === 'oblique' ? 45 : 90;
  const yaw = (baseYaw + spec.yawDeg) * DEG;
  const right: V3 = [Math.cos(yaw), 0, Math.sin(yaw)];
  const look: V3 = [Math.sin(yaw), 0, -Math.cos(yaw)];
  const W = spec.width, Hpx = spec.height;
  const figureH = (spec.bodyHeightM ?? 1.75) * 1.05;
  const pxPerM = Math.min((0.8 * Hpx) / figureH, (0.8 * W) / 1.3);
  const cx = W / 2, cy = Hpx / 2;
  const centreY = figureH / 2;
  const perspective = spec.camera === 'perspective';
  const dist = spec.cameraDistanceM ?? 4;
  const camH = spec.cameraHeightM ?? 0.9;
  const focal = pxPerM * dist;
  const camPos: V3 = [-look[0] * dist, camH, -look[2] * dist];
  const roll = spec.rollDeg * DEG;
  const cr = Math.cos(roll), sr = Math.sin(roll);
  const project = (P: V3): [number, number] => {
    let u: number, v: number;
    if (perspective) {
      const d = sub(P, camPos);
      const depth = Math.max(0.05, dot(d, look));
      u = cx + (focal * dot(d, right)) / depth;
      v = cy - (focal * (P[1] - camH)) / depth - (camH - centreY) * pxPerM;
    } else {
      u = cx + pxPerM * dot(P, right);
      v = cy - pxPerM * (P[1] - centreY);
    }
    const dx = u - cx, dy = v - cy;
    return [cx + dx * cr + dy * sr, cy - dx * sr + dy * cr];
  };
  // Visibility: the side away from the camera scores lower, as BlazePose's does.
  const nearScore = spec.nearScore ?? 0.95;
  const farScore = spec.farScore ?? 0.6;
  const sinYaw = Math.sin(yaw);
  // Camera toward the lifter's right (yaw > 0): the left side is far.
  const farSide = sinYaw > 0 ? 'left' : 'right';
  // sin^2: at 45 deg the far side scores ~0.18 lower, as BlazePose did on the fixture 45-degree clips.
  const farScoreNow = nearScore - (nearScore - farScore) * sinYaw * sinYaw;
  const keep = spec.keypointNames ? new Set(spec.keypointNames) : null;

  // ---- frames
  const n = Math.max(0, Math.floor((duration - (spec.startAtS ?? 0)) * spec.fps + 1e-9) + 1);
  const frames: PoseFrame[] = new Array(n);
  const truthFrames: SyntheticFrameTruth[] = new Array(n);
  const standPose = pose(body, 0, 0, restParams);
  const standingHipY = standPose.truth.hipMidY;
  const standAnkleY = standPose.truth.ankleMidY;
  for (let i = 0; i < n; i++) {
    const time = (spec.startAtS ?? 0) + i / spec.fps;
    const { p, tuck, params } = phaseAt(time);
    const posed = pose(body, p, tuck, params);
    const { hipMidY, ankleMidY, ...tr } = posed.truth;
    // Knee drift truth: the knee's sideways offset from the line from its (standing, sideways)
    // hip to its ankle at the knee's height, minus the same standing.
    const drift = (side: 'left' | 'right', medialX: number) => {
      const off = (pts: Map<string, V3>) => {
        const k = pts.get(`${side}_knee`)!, a = pts.get(`${side}_ankle`)!, h = pts.get(`${side}_hip`)!;
        const h0 = standPose.pts.get(`${side}_hip`)!;
        return k[0] - a[0] - (h0[0] - a[0]) * ((k[1] - a[1]) / (h[1] - a[1]));
      };
      return (medialX * (off(posed.pts) - off(standPose.pts))) / (body.thigh + body.shank);
    };
    truthFrames[i] = {
      t: i / spec.fps, phase: p, ...tr, kneeDrift: { left: drift('left', -1), right: drift('right', 1) },
      hipHeight: (hipMidY - ankleMidY) / (standingHipY - standAnkleY),
    };
    if (spec.missingFrameRate && rand() < spec.missingFrameRate) {
      frames[i] = { t: i / spec.fps, keypoints: null };
      continue;
    }
    const kps: Keypoint[] = [];
    for (const name of BLAZEPOSE_KEYPOINT_NAMES) {
      if (keep && !keep.has(name)) continue;
      const [x0, y0] = project(posed.pts.get(name)!);
      let x = x0, y = y0;
      if (spec.noisePx > 0) {
        x += gaussian(rand) * spec.noisePx;
        y += gaussian(rand) * spec.noisePx;
      }
      let score = name.startsWith(farSide) ? farScoreNow : nearScore;
      if (spec.dropRate > 0 && rand() < spec.dropRate) {
        const mode = spec.dropMode ?? 'lowScore';
        if (mode === 'remove') continue;
        if (mode === 'nan') {
          x = NaN;
          y = NaN;
        } else {
          x += (rand() - 0.5) * 0.3 * W;
          y += (rand() - 0.5) * 0.3 * Hpx;
        }
        score = 0.05;
      }
      kps.push({ name, x, y, score });
    }
    frames[i] = { t: i / spec.fps, keypoints: kps };
    if (spec.keypoints3D) {
      const hipC = mid(posed.pts.get('left_hip')!, posed.pts.get('right_hip')!);
      frames[i].keypoints3D = kps.map((k) => {
        const d = sub(posed.pts.get(k.name)!, hipC);
        return { name: k.name, x: dot(d, right), y: -d[1], z: dot(d, look), score: k.score };
      });
    }
  }

  const offset = spec.startAtS ?? 0;
  const track: PoseTrack = {
    source: {
      name: `synthetic-${spec.view}${spec.yawDeg ? `-yaw${spec.yawDeg}` : ''}${spec.rollDeg ? `-roll${spec.rollDeg}` : ''}`,
      width: W,
      height: Hpx,
      fps: spec.fps,
      durationS: n > 0 ? (n - 1) / spec.fps : 0,
      frameCount: n,
    },
    model: spec.model ?? 'synthetic',
    frames,
  };
  return {
    track,
    truth: {
      frames: truthFrames,
      reps: segments
        .map((s) => ({ start: s.t0 - offset, bottom: s.bottom - offset, ascentStart: s.ascentStart - offset, end: s.end - offset }))
        .filter((r) => r.end > 0),
      yawDeg: baseYaw + spec.yawDeg,
      rollDeg: spec.rollDeg,
      view: spec.view,
      pxPerM,
      segmentM: { thigh: body.thigh, shank: body.shank, foot: body.foot, hipWidth: 2 * body.hipHalf, trunk: body.trunk },
    },
  };
}
