/**
 * A front or 45-degree view filmed from behind is said so (ViewEstimate.fromBehind,
 * ViewSegment.fromBehind), on synthetic squats filmed from every side and on the real tracks:
 * gym-rear-barbell (filmed from behind, ../shared/fixtures/MANIFEST.md) and the pose2sim rear
 * camera are; no clip filmed facing the camera is, nor the pose2sim front camera, where BlazePose
 * turns the person round for half a second (frames ~45-75: labels and depth flip together).
 * Known miss: gym-rear-oblique-barbell (behind-left, about 45 degrees) is not marked: BlazePose
 * itself puts that lifter's nose toward the camera (median -0.09 to -0.11 m), so it reads as a
 * 45-degree view from the front (docs/metrics.md "From behind").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import type { PoseTrack } from '../../../src/core/types';
import { syntheticSquat } from '../../support/synthetic_squat';

const repoRoot = path.resolve(__dirname, '../../..');

/** The picture flipped left-right, as ffmpeg hflip before pose: x mirrored, left and right labels swapped. */
function mirrored(track: PoseTrack): PoseTrack {
  const swap = (name: string) => (name.startsWith('left') ? name.replace('left', 'right') : name.startsWith('right') ? name.replace('right', 'left') : name);
  const byName = <T extends { name: string }>(points: T[]) => {
    const out = points.map((p) => ({ ...p, name: swap(p.name) }));
    return points.map((p) => out.find((q) => q.name === p.name)!);
  };
  return {
    ...track,
    frames: track.frames.map((f) => ({
      ...f,
      keypoints: f.keypoints && byName(f.keypoints.map((k) => ({ ...k, x: track.source.width - k.x }))),
      keypoints3D: f.keypoints3D && byName(f.keypoints3D.map((k) => ({ ...k, x: -k.x }))),
    })),
  };
}

function withoutDepth(track: PoseTrack): PoseTrack {
  return { ...track, frames: track.frames.map((f) => ({ ...f, keypoints3D: null })) };
}

describe('from behind: synthetic squats', () => {
  const cases = [
    { view: 'front' as const, yawDeg: 0, behind: false },
    { view: 'front' as const, yawDeg: 180, behind: true },
    { view: 'oblique' as const, yawDeg: 0, behind: false },
    { view: 'oblique' as const, yawDeg: 90, behind: true },
    { view: 'side' as const, yawDeg: 0, behind: false },
  ];
  for (const { view, yawDeg, behind } of cases) {
    for (const depth of [true, false]) {
      it(`${view} view, camera at ${yawDeg} deg from it, ${depth ? 'with' : 'without'} keypoints3D: ${behind ? '' : 'not '}from behind, mirrored alike`, () => {
        const { track } = syntheticSquat({ view, yawDeg, reps: 2, keypoints3D: depth, noisePx: 1, seed: 3 });
        for (const t of [track, mirrored(track)]) {
          const a = analyze(t);
          expect(a.view.kind).toBe(view);
          expect(a.view.fromBehind ?? false).toBe(behind);
          expect(a.view.segments.every((s) => (s.fromBehind ?? false) === behind)).toBe(true);
        }
      });
    }
  }

  it('from behind, heel lift and depth say why they are less sure, in words for a view from behind', () => {
    const a = analyze(syntheticSquat({ view: 'front', yawDeg: 180, reps: 2, keypoints3D: true }).track);
    expect(a.measurability.heelLift.reason).toBe('from behind the toes are hidden behind the heels: a side view shows heel lift best');
    expect(a.measurability.depth.reason).toBe('from behind depth is approximate: a side view measures it best');
    const front = analyze(syntheticSquat({ view: 'front', reps: 2, keypoints3D: true }).track);
    expect(front.measurability.heelLift.reason).toBe('from the front the heels are partly hidden: a side view shows heel lift best');
  });
});

const tracks = path.join(repoRoot, 'fixtures/tracks');
describe.skipIf(!existsSync(tracks))('from behind: the real tracks', () => {
  const load = (file: string) => JSON.parse(readFileSync(path.join(tracks, file), 'utf8')) as PoseTrack;

  it('gym-rear-barbell is filmed from behind in every track set, with keypoints3D or without', () => {
    for (const set of ['', 'lite/', 'mirrored/', 'mirrored-lite/']) {
      const track = load(`${set}gym-rear-barbell.json`);
      for (const t of [track, withoutDepth(track)]) {
        const a = analyze(t);
        expect(a.view.kind, set).toBe('front');
        expect(a.view.fromBehind, set).toBe(true);
      }
    }
  });

  it('no clip filmed facing the camera is, in any track set', () => {
    const behind: string[] = [];
    for (const set of ['', 'lite/', 'mirrored/', 'mirrored-lite/']) {
      for (const file of readdirSync(path.join(tracks, set))) {
        // The two clips filmed from behind (MANIFEST.md); the 45-degree one is the known miss above.
        if (!file.endsWith('.json') || file.startsWith('gym-rear-')) continue;
        if (analyze(load(`${set}${file}`)).view.fromBehind) behind.push(`${set}${file}`);
      }
    }
    expect(behind).toEqual([]);
  });

  // The known miss (file comment): flip to `it` when it is found.
  it.fails('gym-rear-oblique-barbell (filmed from behind at about 45 degrees) is from behind', () => {
    expect(analyze(load('gym-rear-oblique-barbell.json')).view.fromBehind).toBe(true);
  });

  it('the pose2sim rear camera is from behind; its front camera is not, though BlazePose turns the person round for 0.5 s', () => {
    expect(analyze(load('multiview/pose2sim-demo-cam03.json')).view.fromBehind).toBe(true);
    const front = analyze(load('multiview/pose2sim-demo-cam02.json'));
    expect(front.view.fromBehind).toBeUndefined();
    expect(front.view.segments.some((s) => s.fromBehind)).toBe(false);
  });
});
