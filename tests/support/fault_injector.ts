/**
 * One-sided faults injected into real motion: a real PoseTrack (our pipeline's BlazePose output
 * for a real clip) is changed so that one knee moves toward the midline by a known amount,
 * growing with squat depth. The rest of the body, the other knee and every timestamp stay as
 * the pose model saw them, so a detector is tested on real keypoint noise, real proportions and
 * a real camera, with a fault whose side and size are known.
 *
 * Fault model (the same as tests/support/synthetic_squat.ts's valgusDeg, applied to real
 * keypoints): the knee is rotated about its own hip-ankle axis toward the midline by
 * `rotationDeg x p`, p = squat depth in this frame, 0 standing .. 1 at the deepest frame of the
 * clip. The rotation keeps thigh and shank lengths, and does nothing to a straight leg (the knee
 * is then on the axis), so the fault appears only as the knee bends, as valgus collapse does.
 *
 * It is done in BlazePose's keypoints3D (metres, hip-centred, axes aligned with the picture:
 * x right, y down, z away from the camera; checked on fixtures/tracks: a scale-and-shift fit of
 * 3D x/y to the 2D keypoints leaves 2-4 px on a 165 px leg), where "toward the midline" is well
 * defined from every view: the direction from this hip to the other hip, perpendicular to the
 * hip-ankle axis. The 2D knee moves by the same displacement projected into the picture
 * (3D x/y times the frame's pixels-per-metre from that fit), so 2D and 3D stay consistent. From
 * the front the 2D knee moves sideways by about the full 3D displacement; from 45 degrees by
 * about cos 45 of it, as a camera there would see it.
 *
 * Honest limit: a real pose model watching a real knee cave in may place the 3D knee
 * differently (its depth is a learned guess); the 2D displacement is what a camera sees, so
 * measures that read the 2D picture are tested more faithfully than measures that read 3D depth.
 */
import type { Keypoint, Keypoint3D, PoseFrame, PoseTrack, Side } from '../../src/core/types';

export interface KneeValgusInjection {
  /** The lifter's own side whose knee moves in. */
  side: Side;
  /** Rotation of that knee toward the midline about its hip-ankle axis at the deepest frame, degrees. */
  rotationDeg: number;
  /** Keypoints scoring below this are not trusted for the depth curve or the 2D-3D fit. Default 0.5. */
  minScore?: number;
}

export interface InjectedKneeTruth {
  /** Per frame: squat depth p used (0 standing .. 1 deepest), NaN where hips or ankles were not seen. */
  depth: Float64Array;
  /** Per frame: rotation applied, degrees (rotationDeg x depth; 0 where nothing was moved). */
  rotationDeg: Float64Array;
  /** Per frame: knee displacement toward the midline, metres (3D, perpendicular to the leg axis). */
  inwardM: Float64Array;
  /** Per frame: the 2D knee's displacement, pixels (dx, dy). */
  dxPx: Float64Array;
  dyPx: Float64Array;
  /** Frames whose knee was moved. */
  moved: number;
}

type V3 = [number, number, number];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const mul = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3) => Math.hypot(a[0], a[1], a[2]);

function byName<K extends { name: string }>(list: readonly K[] | null | undefined): Map<string, K> {
  const m = new Map<string, K>();
  for (const k of list ?? []) m.set(k.name, k);
  return m;
}

const v3 = (k: Keypoint3D): V3 => [k.x, k.y, k.z];

/**
 * Squat depth per frame from the picture: hip-mid height above the ankle-mid (pixels, y down),
 * as 0 at the clip's standing height (90th percentile) and 1 at its lowest; clamped to 0..1 and
 * smoothed over 3 frames so single-frame keypoint jitter does not jiggle the injected knee.
 */
export function squatDepthCurve(track: PoseTrack, minScore = 0.5): Float64Array {
  const n = track.frames.length;
  const h = new Float64Array(n).fill(NaN);
  track.frames.forEach((f, i) => {
    const k = byName(f.keypoints);
    const pts = ['left_hip', 'right_hip', 'left_ankle', 'right_ankle'].map((name) => k.get(name));
    if (pts.some((p) => !p || !(p.score >= minScore) || !Number.isFinite(p.x) || !Number.isFinite(p.y))) return;
    const [lh, rh, la, ra] = pts as Keypoint[];
    h[i] = (la.y + ra.y) / 2 - (lh.y + rh.y) / 2;
  });
  const seen = Array.from(h).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const out = new Float64Array(n).fill(NaN);
  if (seen.length < 3) return out;
  const stand = seen[Math.min(seen.length - 1, Math.floor(0.9 * (seen.length - 1)))];
  const low = seen[0];
  if (!(stand - low > 0)) return out.fill(0);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let c = 0;
    for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
      if (Number.isFinite(h[j])) {
        s += h[j];
        c++;
      }
    }
    if (Number.isFinite(h[i]) && c) out[i] = Math.min(1, Math.max(0, (stand - s / c) / (stand - low)));
  }
  return out;
}

/**
 * Pixels per metre in one frame: least-squares scale (and shift) taking keypoints3D x/y onto the
 * 2D keypoints, over the torso and leg keypoints both lists score well. NaN when fewer than 4.
 */
export function pixelsPerMetre(frame: PoseFrame, minScore = 0.5): number {
  const k2 = byName(frame.keypoints);
  const k3 = byName(frame.keypoints3D);
  const xs: number[] = [], ys: number[] = [], Xs: number[] = [], Ys: number[] = [];
  for (const name of ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']) {
    const a = k2.get(name), b = k3.get(name);
    if (!a || !b || !(a.score >= minScore) || !(b.score >= minScore)) continue;
    if (![a.x, a.y, b.x, b.y].every(Number.isFinite)) continue;
    xs.push(a.x); ys.push(a.y); Xs.push(b.x); Ys.push(b.y);
  }
  const m = xs.length;
  if (m < 4) return NaN;
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs), my = mean(ys), mX = mean(Xs), mY = mean(Ys);
  let num = 0, den = 0;
  for (let i = 0; i < m; i++) {
    num += (Xs[i] - mX) * (xs[i] - mx) + (Ys[i] - mY) * (ys[i] - my);
    den += (Xs[i] - mX) ** 2 + (Ys[i] - mY) ** 2;
  }
  return den > 0 ? num / den : NaN;
}

/**
 * Rotates point `knee` about the axis hip -> ankle by `deg` toward `toward` (a point on the
 * midline side, e.g. the other hip). Returns the new knee.
 */
export function rotateKneeTowardMidline(hip: V3, knee: V3, ankle: V3, toward: V3, deg: number): V3 {
  const axis = sub(ankle, hip);
  const len = norm(axis);
  if (!(len > 0)) return knee;
  const u = mul(axis, 1 / len);
  const foot = add(hip, mul(u, dot(sub(knee, hip), u)));
  const r = sub(knee, foot);
  let w = cross(u, r); // r turned 90 deg about the axis, same length
  const m = sub(toward, hip);
  if (dot(w, sub(m, mul(u, dot(m, u)))) < 0) w = mul(w, -1);
  const a = (deg * Math.PI) / 180;
  return add(foot, add(mul(r, Math.cos(a)), mul(w, Math.sin(a))));
}

/**
 * A copy of `track` with one knee caved in (see the file comment). Frames without keypoints3D,
 * or whose hip, knee or ankle score below minScore, are left as they were (counted in
 * truth.moved). Throws when the track has no keypoints3D at all: the fault is defined in 3D.
 */
export function injectKneeValgus(track: PoseTrack, spec: KneeValgusInjection): { track: PoseTrack; truth: InjectedKneeTruth } {
  const minScore = spec.minScore ?? 0.5;
  if (!track.frames.some((f) => f.keypoints3D && f.keypoints3D.length)) {
    throw new Error('injectKneeValgus needs keypoints3D (BlazePose world landmarks) in the track');
  }
  const n = track.frames.length;
  const depth = squatDepthCurve(track, minScore);
  const truth: InjectedKneeTruth = {
    depth,
    rotationDeg: new Float64Array(n),
    inwardM: new Float64Array(n),
    dxPx: new Float64Array(n),
    dyPx: new Float64Array(n),
    moved: 0,
  };
  const other: Side = spec.side === 'left' ? 'right' : 'left';
  const names = { hip: `${spec.side}_hip`, knee: `${spec.side}_knee`, ankle: `${spec.side}_ankle`, otherHip: `${other}_hip` };
  const frames: PoseFrame[] = track.frames.map((f, i) => {
    const p = depth[i];
    if (!f.keypoints || !f.keypoints3D || !(p > 0)) return f;
    const k3 = byName(f.keypoints3D);
    const k2 = byName(f.keypoints);
    const parts3 = [k3.get(names.hip), k3.get(names.knee), k3.get(names.ankle), k3.get(names.otherHip)];
    const knee2 = k2.get(names.knee);
    if (parts3.some((q) => !q || !(q.score >= minScore)) || !knee2 || !(knee2.score >= minScore)) return f;
    const ppm = pixelsPerMetre(f, minScore);
    if (!Number.isFinite(ppm) || !(ppm > 0)) return f;
    const [hip, knee, ankle, otherHip] = (parts3 as Keypoint3D[]).map(v3);
    const deg = spec.rotationDeg * p;
    const moved = rotateKneeTowardMidline(hip, knee, ankle, otherHip, deg);
    const d = sub(moved, knee);
    truth.rotationDeg[i] = deg;
    truth.inwardM[i] = norm(d) * Math.sign(spec.rotationDeg);
    truth.dxPx[i] = d[0] * ppm;
    truth.dyPx[i] = d[1] * ppm;
    truth.moved++;
    return {
      ...f,
      keypoints: f.keypoints.map((k) => (k.name === names.knee ? { ...k, x: k.x + d[0] * ppm, y: k.y + d[1] * ppm } : k)),
      keypoints3D: f.keypoints3D.map((k) => (k.name === names.knee ? { ...k, x: moved[0], y: moved[1], z: moved[2] } : k)),
    };
  });
  return { track: { ...track, source: { ...track.source, name: `${track.source.name}+valgus-${spec.side}-${spec.rotationDeg}deg` }, frames }, truth };
}
