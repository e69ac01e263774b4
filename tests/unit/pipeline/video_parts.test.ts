import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLAZEPOSE_KEYPOINT_NAMES, type PoseFrame } from '../../../src/core/types';
import { alignSeamsToKeyFrames, checkSeam, DECODE_PER_POSE, ownFrames, splitIntoParts, SAME_PERSON_TORSO_FRACTION } from '../../../src/pipeline/video_parts';

const clip = (seconds: number, fps = 30) => ({ startS: 0, durationS: seconds, fps, frameCount: Math.round(seconds * fps) });

/** A standing stick figure: 33 named keypoints, shoulders to hips 200 px, shifted by dx. */
function pose(t: number, dx = 0, score = 0.9): PoseFrame {
  return {
    t,
    keypoints: BLAZEPOSE_KEYPOINT_NAMES.map((name, i) => {
      const y = name.includes('shoulder') ? 300 : name.includes('hip') ? 500 : 100 + i * 20;
      const x = (name.startsWith('left') ? 420 : name.startsWith('right') ? 380 : 400) + dx;
      return { name, x, y, score };
    }),
  };
}

describe('splitIntoParts', () => {
  it('one part covering everything when one worker is asked for, or the clip is too short to share', () => {
    expect(splitIntoParts(clip(60), 1)).toEqual([{ index: 0, ownStart: -Infinity, ownEnd: Infinity, warmStart: -Infinity }]);
    expect(splitIntoParts(clip(1.5), 2, { warmUpFrames: 5, minPartFrames: 30 })).toHaveLength(1);
    expect(splitIntoParts(clip(2), 2, { warmUpFrames: 5, minPartFrames: 30 })).toHaveLength(2);
  });

  it('contiguous parts of equal length, each warming up a few frames before its own start', () => {
    const parts = splitIntoParts(clip(60), 3, { warmUpFrames: 5, minPartFrames: 30 });
    expect(parts.map((p) => [p.ownStart, p.ownEnd])).toEqual([
      [-Infinity, 20],
      [20, 40],
      [40, Infinity],
    ]);
    expect(parts[0].warmStart).toBe(-Infinity);
    // 5 warm-up frames plus half a frame of slack at 30 fps.
    expect(parts[1].warmStart).toBeCloseTo(20 - 5.5 / 30, 9);
  });

  it('every frame time belongs to exactly one part, and parts come in time order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.double({ min: 0.5, max: 3600, noNaN: true }), fc.double({ min: -5, max: 5000, noNaN: true }), (n, seconds, t) => {
        const parts = splitIntoParts(clip(seconds), n, { warmUpFrames: 3, minPartFrames: 1 });
        const owners = parts.filter((p) => t >= p.ownStart && t < p.ownEnd);
        expect(owners).toHaveLength(1);
        parts.slice(1).forEach((p, i) => expect(p.ownStart).toBe(parts[i].ownEnd));
      }),
    );
  });
});

describe('alignSeamsToKeyFrames', () => {
  const split = { warmUpFrames: 5, minPartFrames: 30 };
  /** Key frames every `gop` frames at 30 fps: the one at or before t, and the next. */
  const keysEvery = (gop: number) => (t: number) => {
    const k = Math.floor((t * 30) / gop) * gop;
    return { before: k / 30, after: (k + gop) / 30 };
  };
  const frameTimes = (frames: number) => Array.from({ length: frames }, (_, i) => i / 30);

  it('a 187-frame clip with a key frame every 92 frames: the seam moves onto frame 92, so nothing is decoded and thrown away', () => {
    const c = { startS: 0, durationS: 187 / 30, fps: 30, frameCount: 187 };
    const even = splitIntoParts(c, 2, split);
    // Evenly cut, the second part's warm-up starts at frame 88: it would decode frames 0-87 first.
    expect(even[1].warmStart * 30).toBeCloseTo(93.5 - 5.5, 6);
    const parts = alignSeamsToKeyFrames(even, c, even.slice(1).map((p) => keysEvery(92)(p.warmStart)), split);
    expect(parts[1].warmStart).toBeCloseTo(92 / 30, 9);
    const times = frameTimes(187);
    // Exactly five warm-up frames, 92-96, and 97 + 90 own frames.
    expect(times.filter((t) => t >= parts[1].warmStart && t < parts[1].ownStart).map((t) => Math.round(t * 30))).toEqual([92, 93, 94, 95, 96]);
    expect(times.filter((t) => t < parts[0].ownEnd)).toHaveLength(97);
  });

  it('keeps the even cut where moving it would unbalance the parts more than the decoding it saves', () => {
    const c = { startS: 0, durationS: 60, fps: 30, frameCount: 1800 };
    const even = splitIntoParts(c, 2, split);
    // A key frame only every 250 frames (x264's default), at 750 and 1000: the warm-up from frame
    // 894.5 decodes 144.5 frames first (14.5 frames' worth of posing), while a seam on either key
    // frame leaves one part over 100 frames longer than the other.
    const parts = alignSeamsToKeyFrames(even, c, even.slice(1).map((p) => keysEvery(250)(p.warmStart)), split);
    expect(144.5 * DECODE_PER_POSE).toBeLessThan(100);
    expect(parts).toEqual(even);
    // Without key frames the file can tell about, nothing moves either.
    expect(alignSeamsToKeyFrames(even, c, [{ before: null, after: null }], split)).toEqual(even);
  });

  it('takes the key frame after the cut when that one is nearer', () => {
    const c = { startS: 0, durationS: 60, fps: 30, frameCount: 1800 };
    const even = splitIntoParts(c, 2, split);
    // Cut at frame 900, warm-up from 894.5: key frames at 870 and 900.
    const parts = alignSeamsToKeyFrames(even, c, even.slice(1).map((p) => keysEvery(30)(p.warmStart)), split);
    expect(parts[1].warmStart).toBeCloseTo(900 / 30, 9);
  });

  it('every frame time still belongs to exactly one part, in order, each part at least minPartFrames long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 200, max: 20_000 }), fc.integer({ min: 1, max: 600 }), (n, frames, gop) => {
        const c = { startS: 0, durationS: frames / 30, fps: 30, frameCount: frames };
        const even = splitIntoParts(c, n, split);
        const parts = alignSeamsToKeyFrames(even, c, even.slice(1).map((p) => keysEvery(gop)(p.warmStart)), split);
        expect(parts).toHaveLength(even.length);
        const owners = new Array(frames).fill(0);
        frameTimes(frames).forEach((t, i) => parts.forEach((p) => (owners[i] += t >= p.ownStart && t < p.ownEnd ? 1 : 0)));
        expect(owners.every((o) => o === 1)).toBe(true);
        parts.slice(1).forEach((p, i) => {
          expect(p.ownStart).toBe(parts[i].ownEnd);
          expect(p.warmStart).toBeLessThan(p.ownStart);
        });
        for (let i = 0; i < parts.length; i++) {
          const from = i === 0 ? 0 : parts[i].ownStart;
          const to = i === parts.length - 1 ? frames / 30 : parts[i].ownEnd;
          expect((to - from) * 30).toBeGreaterThanOrEqual(split.minPartFrames - 1e-6);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('ownFrames', () => {
  it('keeps each part’s own frames only, in order: warm-up frames are not repeated', () => {
    const parts = splitIntoParts(clip(2), 2, { warmUpFrames: 3, minPartFrames: 1 });
    const times = Array.from({ length: 60 }, (_, i) => i / 30);
    const first = times.filter((t) => t < parts[0].ownEnd).map((t) => pose(t));
    const second = times.filter((t) => t >= parts[1].warmStart).map((t) => pose(t, 1));
    expect(second.length - ownFrames(parts[1], second).length).toBe(3);
    const track = [...ownFrames(parts[0], first), ...ownFrames(parts[1], second)];
    expect(track.map((f) => f.t)).toEqual(times);
    expect(track.filter((f) => f.keypoints![0].x === 401)).toHaveLength(30);
  });
});

describe('checkSeam', () => {
  const parts = splitIntoParts(clip(2), 2, { warmUpFrames: 3, minPartFrames: 1 });
  const seamFrames = (laterDx: number, laterNobody = false) => {
    const times = Array.from({ length: 60 }, (_, i) => i / 30);
    const earlier = times.filter((t) => t < parts[0].ownEnd).map((t) => pose(t));
    const later = times.filter((t) => t >= parts[1].warmStart).map((t) => (laterNobody ? { t, keypoints: null } : pose(t, laterDx)));
    return checkSeam(earlier, later, parts[1]);
  };

  it('the same person a pixel or two off: same, with the gap measured on the last shared frame', () => {
    const seam = seamFrames(1.5);
    expect(seam.framesCompared).toBe(3);
    expect(seam.medianGapPx).toBeCloseTo(1.5, 6);
    expect(seam.torsoPx).toBeGreaterThan(150);
    expect(seam.samePerson).toBe(true);
  });

  it('someone else (half a torso away), or nobody where the earlier part sees a person: not the same', () => {
    const torso = seamFrames(0).torsoPx!;
    expect(seamFrames(torso * SAME_PERSON_TORSO_FRACTION * 2.5).samePerson).toBe(false);
    expect(seamFrames(0, true).samePerson).toBe(false);
  });

  it('two people tracked: the same two people, whatever each part numbers them, or not', () => {
    const t = parts[1].ownStart - 1 / 30;
    const two = (ids: [number, number], dxSecond: number) => {
      const a = pose(t);
      const b = pose(t, dxSecond);
      return { t, keypoints: a.keypoints, people: [{ ...a, id: ids[0] }, { ...b, id: ids[1] }] };
    };
    const earlier = [two([0, 1], 600)];
    expect(checkSeam(earlier, [two([1, 0], 601)], parts[1]).samePerson).toBe(true);
    expect(checkSeam(earlier, [two([0, 1], 300)], parts[1]).samePerson).toBe(false);
    const oneOnly = { t, keypoints: pose(t).keypoints };
    expect(checkSeam(earlier, [oneOnly], parts[1]).samePerson).toBe(false);
  });
});
