import { describe, expect, it } from 'vitest';
import { poseTrackProblem, trackFromJson } from '../../../src/cli/track_io';
import { roundTrack } from '../../../src/cli/pose_track';
import type { PoseTrack } from '../../../src/core/types';

const track: PoseTrack = {
  source: { name: 'a.mp4', width: 480, height: 848, fps: 30, durationS: 0.1, frameCount: 2 },
  model: 'blazepose-full',
  frames: [
    { t: 0, keypoints: [{ name: 'nose', x: 100.04, y: 200.06, score: 0.98765 }], keypoints3D: [{ name: 'nose', x: 0.12345, y: -0.5, z: 0.0004, score: 0.98765 }] },
    { t: 1 / 30, keypoints: null, keypoints3D: null },
  ],
};

describe('reading a track for re-analysis', () => {
  it('accepts a bare PoseTrack and the CLI output wrapping one', () => {
    expect(trackFromJson(track, 'a.json')).toBe(track);
    expect(trackFromJson({ track, analysis: null }, 'a.json')).toBe(track);
  });

  it.each([
    [{}, /missing "source"/],
    [{ ...track, source: { ...track.source, fps: 0 } }, /source.fps/],
    [{ ...track, frames: 'x' }, /frames/],
    [{ ...track, frames: [{ keypoints: null }] }, /frame 0 has no time/],
    [{ ...track, frames: [{ t: 0, keypoints: [{ name: 'nose', x: 1 }] }] }, /keypoint 0/],
  ])('explains what is wrong with %j', (value, message) => {
    expect(poseTrackProblem(value)).toMatch(message);
    expect(() => trackFromJson(value, 'bad.json')).toThrow(/bad.json is not a PoseTrack/);
  });
});

describe('roundTrack', () => {
  it('rounds pixels to 0.1, scores to 3 decimals and keeps nulls', () => {
    const r = roundTrack(track);
    expect(r.frames[0].keypoints![0]).toEqual({ name: 'nose', x: 100, y: 200.1, score: 0.988 });
    expect(r.frames[0].keypoints3D![0]).toEqual({ name: 'nose', x: 0.123, y: -0.5, z: 0, score: 0.988 });
    expect(r.frames[1]).toEqual({ t: 0.0333, keypoints: null, keypoints3D: null });
    expect(r.source).toEqual(track.source);
  });
});
