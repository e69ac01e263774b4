/**
 * One-sided faults injected into real motion: a real PoseTrack (our pipeline's BlazePose output
 * for a real clip) is changed so that one knee moves toward the midline by a known amount,
 * growing with squat depth. The rest of the body, the other knee and every timestamp stay as
 * the pose model saw them, so a detector is tested on real keypoint noise, real proportions and
 * a real camera, with a fault whose side and size are known.
 *
 * Fault model: at every frame the knee is moved toward the midline by `inward x p` lifter leg
 * lengths (thigh + shank, BlazePose 3D, median over the clip), p = squat depth in that frame,
 * 0 standing .. 1 at the deepest frame of the clip. "Toward the midline" is horizontal, along the
 * line from this hip to the other hip, in BlazePose's keypoints3D (metres, hip-centred, axes
 * aligned with the picture: x right, y down, z away from the camera; checked on fixtures/tracks:
 * a scale-and-shift fit of 3D x/y to the 2D keypoints leaves 2-4 px on a 165 px leg), so it is
 * defined from every view. The 2D knee moves by the same displacement projected into the picture
 * (3D x/y times the frame's pixels-per-metre from that fit): from the front it moves sideways by
 * about the full amount, from 45 degrees by about cos 45 of it, as a camera there would see it.
 * 0.1 leg lengths is about 8 cm for a 1.75 m lifter.
 *
 * Why a translation and not a rotation about the hip-ankle axis (the synthetic generator's
 * valgusDeg): at the bottom of a real squat BlazePose's 3D hip sits 0.3 m behind its 3D ankle, so
 * a rotation about that tilted axis also drops the 2D knee by ~8 px (oblique-good-hand-over-lens),
 * a movement that is the 3D model's geometry rather than the fault. A horizontal move is what
 * "the knee caves in" means in any view.
 *
 * Honest limit: a real pose model watching a real knee cave in may place the 3D knee
 * differently (its depth is a learned guess); the 2D displacement is what a camera sees, so
 * measures that read the 2D picture are tested more faithfully than measures that read 3D depth.
 */
import type { Keypoint, Keypoint3D, PoseFrame, PoseTrack, Side } from '../../src/core/types';

export interface KneeValgusInjection {
  /** The lifter's own side whose knee moves in. */
  side: Side;
  /** Inward displacement at the deepest frame, in the lifter's leg lengths (thigh + shank). */
  inward: number;
  /** Keypoints scoring below this are not trusted for the depth curve or the 2D-3D fit. Default 0.5. */
  minScore?: number;
}

export interface InjectedKneeTruth {
  /** Per frame: squat depth p used (0 standing .. 1 deepest), NaN where hips or ankles were not seen. */
  depth: Float64Array;
  /** Per frame: knee displacement toward the midline, metres (3D, horizontal; 0 where nothing was moved). */
  inwardM: Float64Array;
  /** The lifter's 3D leg length used, metres. */
  legM: number;
  /** Per frame: the 2D knee's displacement, pixels (dx, dy). */
  dxPx: Float64Array;
  dyPx: Float64Array;
  /** Frames whose knee was moved. */
  moved: number;
}

type V3 = [number, number, number];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
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
  const sm = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(h[i])) continue;
    let s = 0;
    let c = 0;
    for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
      if (Number.isFinite(h[j])) {
        s += h[j];
        c++;
      }
    }
    sm[i] = s / c;
  }
  const seen = Array.from(sm).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const out = new Float64Array(n).fill(NaN);
  if (seen.length < 3) return out;
  const stand = seen[Math.min(seen.length - 1, Math.floor(0.9 * (seen.length - 1)))];
  const low = seen[0];
  if (!(stand - low > 0)) return out.fill(0);
  for (let i = 0; i < n; i++) if (Number.isFinite(sm[i])) out[i] = Math.min(1, Math.max(0, (stand - sm[i]) / (stand - low)));
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

/** Median 3D leg length (hip-knee + knee-ankle, both sides) over frames that score well, metres. */
export function legLengthM(track: PoseTrack, minScore = 0.5): number {
  const v: number[] = [];
  for (const f of track.frames) {
    const k = byName(f.keypoints3D);
    for (const s of ['left', 'right']) {
      const [h, kn, a] = [k.get(`${s}_hip`), k.get(`${s}_knee`), k.get(`${s}_ankle`)];
      if (!h || !kn || !a || !(Math.min(h.score, kn.score, a.score) >= minScore)) continue;
      v.push(norm(sub(v3(kn), v3(h))) + norm(sub(v3(a), v3(kn))));
    }
  }
  v.sort((x, y) => x - y);
  return v.length ? v[v.length >> 1] : NaN;
}

/**
 * A copy of `track` with one knee caved in (see the file comment). Frames without keypoints3D,
 * or whose hips or knee score below minScore, are left as they were (truth.moved counts the
 * others). Throws when the track has no keypoints3D at all: the fault is defined in 3D.
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
    inwardM: new Float64Array(n),
    legM: legLengthM(track, minScore),
    dxPx: new Float64Array(n),
    dyPx: new Float64Array(n),
    moved: 0,
  };
  const other: Side = spec.side === 'left' ? 'right' : 'left';
  const kneeName = `${spec.side}_knee`;
  const hipName = `${spec.side}_hip`;
  const otherHipName = `${other}_hip`;
  const frames: PoseFrame[] = track.frames.map((f, i) => {
    const p = depth[i];
    if (!f.keypoints || !f.keypoints3D || !(p > 0)) return f;
    const k3 = byName(f.keypoints3D);
    const hip = k3.get(hipName), otherHip = k3.get(otherHipName), knee3 = k3.get(kneeName);
    const knee2 = byName(f.keypoints).get(kneeName);
    if (!hip || !otherHip || !knee3 || !knee2 || !(Math.min(hip.score, otherHip.score, knee3.score, knee2.score) >= minScore)) return f;
    const ppm = pixelsPerMetre(f, minScore);
    if (!Number.isFinite(ppm) || !(ppm > 0)) return f;
    // Horizontal direction from this hip to the other (y is down in keypoints3D: drop it).
    const toward = sub(v3(otherHip), v3(hip));
    const h = Math.hypot(toward[0], toward[2]);
    if (!(h > 0)) return f;
    const m = (spec.inward * truth.legM * p);
    const d: V3 = [(toward[0] / h) * m, 0, (toward[2] / h) * m];
    truth.inwardM[i] = m;
    truth.dxPx[i] = d[0] * ppm;
    truth.dyPx[i] = 0;
    truth.moved++;
    return {
      ...f,
      keypoints: f.keypoints.map((k) => (k.name === kneeName ? { ...k, x: k.x + d[0] * ppm } : k)),
      keypoints3D: f.keypoints3D.map((k) => (k.name === kneeName ? { ...k, x: k.x + d[0], z: k.z + d[2] } : k)),
    };
  });
  return { track: { ...track, source: { ...track.source, name: `${track.source.name}+knee-in-${spec.side}-${spec.inward}leg` }, frames }, truth };
}
