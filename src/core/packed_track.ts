/**
 * A PoseTrack whose keypoints live in typed arrays instead of one object per keypoint per frame.
 *
 * The pose pipeline hands over 33 keypoints and 33 keypoints3D per frame. As objects that is 66
 * objects a frame: an hour at 60 fps is 14 million objects and about 2 GB of heap, and reading
 * them (plus a full GC over them) cost analyze() more than the analysis itself
 * (bench/analyze_bench.ts, "own objects" row). Packed, the same hour is two Float32Arrays of
 * about 200 MB that the garbage collector never walks.
 *
 * The frames still satisfy PoseFrame: `keypoints` and `keypoints3D` are getters that build the
 * objects of that one frame when something asks (drawing a frame, an export), and are not
 * cached, so walking every frame once does not fill the heap again. The core's readers take the
 * packed values directly (readKeypoints, and the 3D reads through `keypoint3DAt` / `depth3DAt`).
 *
 * Float32 keeps a pixel to well under 0.001 px (24-bit mantissa, frames under 8192 px) and a 3D
 * coordinate (metres, written to 5 decimals by the estimator) to under 1e-7 m; readKeypoints
 * stores Float32 anyway. Like the smoothed track, JSON.stringify sees the keypoints (toJSON) but
 * structuredClone / postMessage and object spread (`{ ...frame }`) do not: send `plainTrack(track)`
 * or the PackedPoses.
 */
import type { Keypoint, Keypoint3D, KeypointName, PoseFrame, PoseTrack } from './types';

export interface PackedPoses {
  /** Keypoint names, in the order the values are packed (BlazePose's 33 for our pipeline). */
  names: readonly (KeypointName | string)[];
  /** Seconds, one per frame. */
  t: Float64Array;
  /** 1 where the frame has keypoints (a person was found), 0 where `keypoints` is null. */
  found: Uint8Array;
  /** frames x names x (x, y, score); x = NaN where that keypoint is absent from the frame. */
  xys: Float32Array;
  /** 1 where the frame has keypoints3D; null when no frame of the track has any. */
  found3D: Uint8Array | null;
  /** frames x names x (x, y, z, score) in metres; x = NaN where absent. Null with found3D. */
  xyzs: Float32Array | null;
}

/** One frame of a packed track: builds its keypoint objects on each access. */
export class PackedFrame implements PoseFrame {
  constructor(readonly poses: PackedPoses, readonly i: number) {}

  get t(): number {
    return this.poses.t[this.i];
  }

  get keypoints(): Keypoint[] | null {
    const { found, names, xys } = this.poses;
    if (!found[this.i]) return null;
    const K = names.length;
    const out: Keypoint[] = [];
    for (let j = 0, o = this.i * K * 3; j < K; j++, o += 3) {
      const x = xys[o];
      if (x === x) out.push({ name: names[j], x, y: xys[o + 1], score: xys[o + 2] });
    }
    return out;
  }

  get keypoints3D(): Keypoint3D[] | null {
    const { found3D, names, xyzs } = this.poses;
    if (!found3D || !xyzs || !found3D[this.i]) return null;
    const K = names.length;
    const out: Keypoint3D[] = [];
    for (let j = 0, o = this.i * K * 4; j < K; j++, o += 4) {
      const x = xyzs[o];
      if (x === x) out.push({ name: names[j], x, y: xyzs[o + 1], z: xyzs[o + 2], score: xyzs[o + 3] });
    }
    return out;
  }

  toJSON(): PoseFrame {
    const keypoints3D = this.keypoints3D;
    return keypoints3D ? { t: this.t, keypoints: this.keypoints, keypoints3D } : { t: this.t, keypoints: this.keypoints };
  }
}

function namesOf(frames: readonly PoseFrame[], key: 'keypoints' | 'keypoints3D'): string[] {
  for (const f of frames) {
    const kps = f?.[key];
    if (Array.isArray(kps) && kps.length > 0) return kps.map((k) => k.name);
  }
  return [];
}

const FIELDS_2D: readonly ('x' | 'y' | 'score')[] = ['x', 'y', 'score'];
const FIELDS_3D: readonly ('x' | 'y' | 'z' | 'score')[] = ['x', 'y', 'z', 'score'];

/** One frame's keypoints into row i of `out` (names.length x fields.length values); false without an array. */
function packRow<P extends Keypoint | Keypoint3D>(
  kps: readonly P[] | null | undefined, names: readonly string[], index: Map<string, number>,
  out: Float32Array, i: number, fields: readonly (keyof P & ('x' | 'y' | 'z' | 'score'))[],
): boolean {
  if (!Array.isArray(kps)) return false;
  const width = fields.length;
  for (let j = 0; j < kps.length; j++) {
    const kp = kps[j];
    if (!kp) continue;
    const at = kp.name === names[j] ? j : index.get(kp.name);
    if (at === undefined) continue;
    const o = (i * names.length + at) * width;
    for (let c = 0; c < width; c++) out[o + c] = kp[fields[c]] as number;
  }
  return true;
}

/**
 * Frames -> PackedPoses. The names are the first frame's with keypoints (the model's fixed
 * order); a keypoint of another name in a later frame is dropped, one missing from it is absent.
 */
export function packPoses(frames: readonly PoseFrame[]): PackedPoses {
  const n = frames.length;
  let names = namesOf(frames, 'keypoints');
  const names3D = namesOf(frames, 'keypoints3D');
  if (names.length === 0) names = names3D;
  const K = names.length;
  const index = new Map(names.map((name, j) => [name, j]));
  const t = new Float64Array(n);
  const found = new Uint8Array(n);
  const xys = new Float32Array(n * K * 3).fill(NaN);
  const has3D = names3D.length > 0;
  const found3D = has3D ? new Uint8Array(n) : null;
  const xyzs = has3D ? new Float32Array(n * K * 4).fill(NaN) : null;
  for (let i = 0; i < n; i++) {
    const f = frames[i];
    t[i] = f?.t ?? NaN;
    if (packRow(f?.keypoints, names, index, xys, i, FIELDS_2D)) found[i] = 1;
    if (found3D && xyzs && packRow(f?.keypoints3D, names, index, xyzs, i, FIELDS_3D)) found3D[i] = 1;
  }
  return { names, t, found, xys, found3D, xyzs };
}

export function packedFrames(poses: PackedPoses): PackedFrame[] {
  const frames = new Array<PackedFrame>(poses.t.length);
  for (let i = 0; i < frames.length; i++) frames[i] = new PackedFrame(poses, i);
  return frames;
}

/** The same track with packed frames (source, model and people kept). */
export function withPackedFrames(track: PoseTrack): PoseTrack {
  return { ...track, frames: packedFrames(packPoses(track.frames)) };
}

export function isPackedFrame(f: unknown): f is PackedFrame {
  return f instanceof PackedFrame;
}

/**
 * The 3D keypoint named `name` in a frame, looked for first at `index` (its BlazePose index),
 * else by name; undefined when the frame has no keypoints3D or not that one. For a packed frame
 * only that keypoint's object is made.
 */
export function keypoint3DAt(f: PoseFrame | undefined, index: number, name: string): Keypoint3D | undefined {
  if (f instanceof PackedFrame) {
    const { found3D, xyzs, names } = f.poses;
    if (!found3D || !xyzs || !found3D[f.i]) return undefined;
    const j = names[index] === name ? index : names.indexOf(name);
    if (j < 0) return undefined;
    const o = (f.i * names.length + j) * 4;
    const x = xyzs[o];
    return x === x ? { name, x, y: xyzs[o + 1], z: xyzs[o + 2], score: xyzs[o + 3] } : undefined;
  }
  const k3 = f?.keypoints3D;
  if (!Array.isArray(k3)) return undefined;
  const at = k3[index];
  return at?.name === name ? at : k3.find((c) => c?.name === name);
}

/** A packed frame's 2D keypoint named `name` (looked for at `index` first), without the others. */
export function keypoint2DAt(f: PackedFrame, index: number, name: string): Keypoint | undefined {
  const { found, xys, names } = f.poses;
  if (!found[f.i]) return undefined;
  const j = names[index] === name ? index : names.indexOf(name);
  if (j < 0) return undefined;
  const o = (f.i * names.length + j) * 3;
  const x = xys[o];
  return x === x ? { name, x, y: xys[o + 1], score: xys[o + 2] } : undefined;
}

/**
 * How many 3D keypoints a frame has (0 without keypoints3D), without making them. A packed frame
 * has a column for every name, so the readers below take column j where an object frame's array
 * is read at position j: the same keypoint whenever the frame has all of them, as BlazePose
 * always gives (33). Where one is missing, a packed frame reads it as absent instead of the
 * next one in the array.
 */
export function keypoints3DCount(f: PoseFrame | undefined): number {
  if (f instanceof PackedFrame) {
    const { found3D, xyzs, names } = f.poses;
    return found3D && xyzs && found3D[f.i] ? names.length : 0;
  }
  const k3 = f?.keypoints3D;
  return Array.isArray(k3) ? k3.length : 0;
}

/** The z (depth, metres) of the 3D keypoint at j (BlazePose's order), NaN when absent or not finite. */
export function depth3DAt(f: PoseFrame | undefined, j: number): number {
  if (f instanceof PackedFrame) {
    const { found3D, xyzs, names } = f.poses;
    if (!found3D || !xyzs || !found3D[f.i] || j < 0 || j >= names.length) return NaN;
    const z = xyzs[(f.i * names.length + j) * 4 + 2];
    return Number.isFinite(z) ? z : NaN;
  }
  const k3 = f?.keypoints3D;
  return Array.isArray(k3) && k3[j] && Number.isFinite(k3[j].z) ? k3[j].z : NaN;
}
