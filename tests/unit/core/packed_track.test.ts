import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { readKeypoints } from '../../../src/core/keypoint_access';
import { depth3DAt, keypoint3DAt, keypoints3DCount, packPoses, withPackedFrames, PackedFrame } from '../../../src/core/packed_track';
import type { PoseFrame, PoseTrack } from '../../../src/core/types';
import { differences, summarise } from '../../../scripts/compare_analyses';
import { syntheticSquat } from '../../support/synthetic_squat';

const root = path.resolve(import.meta.dirname, '../../..');
const TRACK_DIRS = ['fixtures/tracks', 'fixtures/tracks/lite', 'fixtures/tracks/mirrored', 'fixtures/tracks/mirrored-lite'];

function fixtureTracks(): { name: string; track: PoseTrack }[] {
  const out: { name: string; track: PoseTrack }[] = [];
  for (const dir of TRACK_DIRS) {
    for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.json')).sort()) {
      const track = JSON.parse(readFileSync(path.join(root, dir, file), 'utf8')) as PoseTrack;
      if (Array.isArray(track.frames)) out.push({ name: `${dir}/${file}`, track });
    }
  }
  return out;
}

const f32 = (v: number) => Math.fround(v);

describe('packed track', () => {
  const tracks = fixtureTracks();

  it('finds the committed tracks', () => {
    expect(tracks.length).toBeGreaterThan(60);
  });

  it('gives every committed track the same analysis as its object frames (numbers within 1e-6 relative)', () => {
    const failures: string[] = [];
    for (const { name, track } of tracks) {
      const diffs = differences(summarise(analyze(track)), summarise(analyze(withPackedFrames(track))));
      if (diffs.length) failures.push(`${name}: ${diffs.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('reads the same keypoint series as the object frames', () => {
    for (const { track } of tracks.slice(0, 6)) {
      const a = readKeypoints(track), b = readKeypoints(withPackedFrames(track));
      expect(b.t).toEqual(a.t);
      expect(b.present).toEqual(a.present);
      expect(b.x).toEqual(a.x);
      expect(b.y).toEqual(a.y);
      expect(b.score).toEqual(a.score);
    }
  });

  it('builds each frame\'s keypoints (2D and 3D) as they were, to Float32', () => {
    const { track } = syntheticSquat({ reps: 2, view: 'oblique', noisePx: 1, seed: 3, keypoints3D: true });
    const packed = withPackedFrames(track);
    expect(packed.frames).toHaveLength(track.frames.length);
    for (let i = 0; i < track.frames.length; i += 7) {
      const a = track.frames[i], b = packed.frames[i];
      expect(b).toBeInstanceOf(PackedFrame);
      expect(b.t).toBe(a.t);
      expect(b.keypoints).toEqual(a.keypoints!.map((k) => ({ name: k.name, x: f32(k.x), y: f32(k.y), score: f32(k.score) })));
      expect(b.keypoints3D).toEqual(a.keypoints3D!.map((k) => ({ name: k.name, x: f32(k.x), y: f32(k.y), z: f32(k.z), score: f32(k.score) })));
    }
  });

  it('keeps frames without a person, keypoints missing from a frame, and keypoints in another order', () => {
    const frames: PoseFrame[] = [
      { t: 0, keypoints: [{ name: 'nose', x: 1, y: 2, score: 0.9 }, { name: 'left_hip', x: 3, y: 4, score: 0.8 }] },
      { t: 0.1, keypoints: null },
      { t: 0.2, keypoints: [{ name: 'left_hip', x: 5, y: 6, score: 0.7 }] },
      { t: 0.3, keypoints: [{ name: 'left_hip', x: 7, y: 8, score: 0.6 }, { name: 'nose', x: 9, y: 10, score: 0.5 }, { name: 'elbow_extra', x: 0, y: 0, score: 1 }] },
    ];
    const packed = withPackedFrames({ source: { name: 'x', width: 10, height: 10, fps: 10, durationS: 0.4, frameCount: 4 }, model: 'm', frames });
    expect(packed.frames.map((f) => f.keypoints)).toEqual([
      [{ name: 'nose', x: 1, y: 2, score: f32(0.9) }, { name: 'left_hip', x: 3, y: 4, score: f32(0.8) }],
      null,
      [{ name: 'left_hip', x: 5, y: 6, score: f32(0.7) }],
      // Packed in the first frame's order; a name the first frame lacks is dropped.
      [{ name: 'nose', x: 9, y: 10, score: f32(0.5) }, { name: 'left_hip', x: 7, y: 8, score: f32(0.6) }],
    ]);
    expect(packed.frames.every((f) => f.keypoints3D === null)).toBe(true);
    expect(packed.source).toEqual({ name: 'x', width: 10, height: 10, fps: 10, durationS: 0.4, frameCount: 4 });
  });

  it('writes the same JSON as a plain track (toJSON), so exports and the CLI need nothing new', () => {
    const { track } = syntheticSquat({ reps: 1, view: 'front', noisePx: 0, seed: 1, keypoints3D: true });
    const round = (t: PoseTrack) => JSON.parse(JSON.stringify(t)) as PoseTrack;
    const again = round(withPackedFrames(track));
    expect(again.frames).toHaveLength(track.frames.length);
    expect(again.frames[5].keypoints!.length).toBe(track.frames[5].keypoints!.length);
    expect(again.frames[5].keypoints3D!.length).toBe(track.frames[5].keypoints3D!.length);
    // Packing what JSON gave back changes nothing more: the values are Float32 already.
    expect(round(withPackedFrames(again))).toEqual(again);
  });

  it('answers the 3D reads without building the frame, the same as on object frames', () => {
    const { track } = syntheticSquat({ reps: 1, view: 'side', noisePx: 1, seed: 5, keypoints3D: true });
    const poses = packPoses(track.frames);
    const i = 10;
    const obj = track.frames[i], packed = new PackedFrame(poses, i);
    expect(keypoints3DCount(packed)).toBe(keypoints3DCount(obj));
    for (const j of [0, 11, 12, 27, 30]) expect(depth3DAt(packed, j)).toBe(f32(depth3DAt(obj, j)));
    const hip = keypoint3DAt(packed, 23, 'left_hip')!;
    expect(hip.x).toBe(f32(keypoint3DAt(obj, 23, 'left_hip')!.x));
    expect(keypoint3DAt(packed, 23, 'no_such_point')).toBeUndefined();
    const none = new PackedFrame(packPoses([{ t: 0, keypoints: null }]), 0);
    expect(keypoints3DCount(none)).toBe(0);
    expect(Number.isNaN(depth3DAt(none, 0))).toBe(true);
  });
});
