/**
 * A PoseTrack packed into typed arrays for storage: 33 keypoints x (x, y, score) per frame in one
 * Float32Array, about 400 bytes a frame instead of ~5 kB of keypoint objects. Float32 keeps a
 * pixel coordinate to well under 0.001 px (24-bit mantissa; frames are < 8192 px), far below
 * BlazePose's own error. The 3D keypoints are not kept: nothing downstream of a stored session
 * (report, annotated video) reads them.
 */
import type { Keypoint, PoseFrame, PoseTrack } from '../core/types';

export interface CompactTrack {
  source: PoseTrack['source'];
  model: string;
  /** Keypoint names, in the order their values are packed. */
  names: string[];
  /** Seconds, one per frame. */
  t: Float64Array;
  /** 1 where a person was found in that frame. */
  hasPose: Uint8Array;
  /** frames x names x (x, y, score); NaN where no person was found. */
  values: Float32Array;
}

function keypointNames(track: PoseTrack): string[] {
  for (const frame of track.frames) if (frame.keypoints) return frame.keypoints.map((k) => k.name);
  return [];
}

export function packTrack(track: PoseTrack): CompactTrack {
  const names = keypointNames(track);
  const n = track.frames.length;
  const k = names.length;
  const t = new Float64Array(n);
  const hasPose = new Uint8Array(n);
  const values = new Float32Array(n * k * 3).fill(Number.NaN);
  track.frames.forEach((frame, i) => {
    t[i] = frame.t;
    if (!frame.keypoints) return;
    hasPose[i] = 1;
    const byName = new Map(frame.keypoints.map((p) => [p.name, p]));
    names.forEach((name, j) => {
      const p = byName.get(name);
      if (!p) return;
      const at = (i * k + j) * 3;
      values[at] = p.x;
      values[at + 1] = p.y;
      values[at + 2] = p.score;
    });
  });
  return { source: { ...track.source }, model: track.model, names, t, hasPose, values };
}

export function unpackTrack(compact: CompactTrack): PoseTrack {
  const k = compact.names.length;
  const frames: PoseFrame[] = Array.from(compact.t, (t, i) => {
    if (!compact.hasPose[i]) return { t, keypoints: null };
    const keypoints: Keypoint[] = [];
    compact.names.forEach((name, j) => {
      const at = (i * k + j) * 3;
      const x = compact.values[at]!;
      if (Number.isNaN(x)) return;
      keypoints.push({ name, x, y: compact.values[at + 1]!, score: compact.values[at + 2]! });
    });
    return { t, keypoints };
  });
  return { source: { ...compact.source }, model: compact.model, frames };
}

/** Bytes the packed arrays take. */
export function compactTrackBytes(compact: CompactTrack): number {
  return compact.t.byteLength + compact.hasPose.byteLength + compact.values.byteLength;
}
