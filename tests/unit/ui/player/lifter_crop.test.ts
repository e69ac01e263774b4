import { describe, expect, it } from 'vitest';
import { bodyBox, cropLayout, lifterCrop } from '../../../../src/ui/player/lifter_crop';
import type { Keypoint, PoseFrame } from '../../../../src/core/types';
import { makeSampleTrack } from '../../../support/sample_analysis';

const SOURCE = { width: 1280, height: 720 };

/** A stick lifter 300 px tall whose feet are at y = 650 and whose centre is at x; height shrinks to `h`. */
function lifter(x: number, h = 300, jitter = 0): Keypoint[] {
  const feet = 650;
  const pts: [string, number, number][] = [
    ['nose', x, feet - h],
    ['left_shoulder', x - 30, feet - h + 40],
    ['right_shoulder', x + 30, feet - h + 40],
    ['left_hip', x - 20, feet - h * 0.5],
    ['right_hip', x + 20, feet - h * 0.5],
    ['left_knee', x - 25, feet - h * 0.25],
    ['right_knee', x + 25, feet - h * 0.25],
    ['left_ankle', x - 25, feet - 10],
    ['right_ankle', x + 25, feet - 10],
    ['left_foot_index', x - 5, feet],
    ['right_foot_index', x + 45, feet],
  ];
  return pts.map(([name, px, py], i) => ({ name, x: px + (i % 2 ? jitter : -jitter), y: py, score: 0.9 }));
}

const frames = (xs: number[], heights?: number[], jitter = 0): PoseFrame[] => xs.map((x, i) => ({ t: i / 30, keypoints: lifter(x, heights?.[i], i % 2 ? jitter : -jitter) }));

describe('lifterCrop', () => {
  it('keeps the panel aspect, one size over the rep, and every confident keypoint inside', () => {
    const heights = Array.from({ length: 60 }, (_, i) => 300 - 120 * Math.sin((Math.PI * i) / 59));
    const track = frames(Array(60).fill(640), heights);
    const crop = lifterCrop(track, SOURCE, { aspect: 3 / 4 });
    const sizes = new Set<string>();
    for (const f of track) {
      const r = crop.at(f.t);
      expect(r.width / r.height).toBeCloseTo(3 / 4, 9);
      sizes.add(`${r.width}x${r.height}`);
      for (const k of f.keypoints!) {
        expect(k.x).toBeGreaterThanOrEqual(r.x);
        expect(k.x).toBeLessThanOrEqual(r.x + r.width);
        expect(k.y).toBeGreaterThanOrEqual(r.y);
        expect(k.y).toBeLessThanOrEqual(r.y + r.height);
      }
    }
    // No zoom pumping as the lifter goes down.
    expect(sizes.size).toBe(1);
    // The lifter fills it: the standing body is at least 80 % of the crop's height.
    const r = crop.at(0);
    expect(300 / r.height).toBeGreaterThan(0.8);
  });

  it('follows a lifter who steps across the picture, smoothly, and ignores keypoint jitter', () => {
    const xs = Array.from({ length: 90 }, (_, i) => 300 + (600 * i) / 89);
    const crop = lifterCrop(frames(xs, undefined, 12), SOURCE, { aspect: 3 / 4, smoothS: 0.5 });
    const centres = xs.map((_, i) => crop.at(i / 30)).map((r) => r.x + r.width / 2);
    expect(centres[0]!).toBeLessThan(420);
    expect(centres[89]!).toBeGreaterThan(780);
    // Frame to frame it never jumps more than the lifter moves (~6.7 px a frame) plus a little.
    for (let i = 1; i < centres.length; i++) expect(Math.abs(centres[i]! - centres[i - 1]!)).toBeLessThan(8);
  });

  it('sizes the crop for the frames it is for, stays inside the picture, and falls back to the whole picture without a body', () => {
    const track = frames(Array(30).fill(100));
    const r = lifterCrop(track, SOURCE, { aspect: 3 / 4 }).at(0.5);
    // Near the left edge: clamped inside the picture rather than showing black.
    expect(r.x).toBe(0);
    const empty = lifterCrop(
      track.map((f) => ({ ...f, keypoints: null })),
      SOURCE,
      { aspect: 3 / 4 },
    ).at(0);
    expect(empty.width / empty.height).toBeCloseTo(3 / 4, 9);
    expect(empty.height).toBeGreaterThanOrEqual(SOURCE.height);
    expect(empty.width).toBeGreaterThanOrEqual(SOURCE.height * 0.75 - 1e-9);
  });

  it('ignores keypoints below the score cut-off and the face and hands', () => {
    const kps = lifter(640);
    kps.push({ name: 'left_index', x: 5, y: 5, score: 0.99 }, { name: 'left_knee', x: 1200, y: 10, score: 0.1 });
    const box = bodyBox(kps)!;
    expect(box.left).toBeGreaterThan(500);
    expect(box.top).toBeGreaterThan(300);
  });

  it('works on the sample track (portrait source)', () => {
    const track = makeSampleTrack();
    const r = lifterCrop(track.frames, track.source, { aspect: 3 / 4, from: 1, to: 3.2 }).at(2);
    // It zooms in on the lifter of a portrait picture: less than the picture's height.
    expect(r.height).toBeLessThan(track.source.height);
    expect(r.width / r.height).toBeCloseTo(0.75, 9);
  });
});

describe('cropLayout', () => {
  it('maps the crop onto the panel, and mirrors it', () => {
    const rect = { x: 400, y: 100, width: 300, height: 400 };
    const layout = cropLayout(rect, SOURCE, 150);
    expect(layout.scale).toBe(0.5);
    expect(layout.left).toBe(-200);
    expect(layout.top).toBe(-50);
    expect(layout.width).toBe(640);
    const mirrored = cropLayout(rect, SOURCE, 150, true);
    // Mirrored, the crop sits at 1280 - 400 - 300 = 580 of the flipped picture.
    expect(mirrored.left).toBe(-290);
  });
});
