import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLAZEPOSE_KEYPOINT_NAMES, type PoseFrame } from '../../../src/core/types';
import { checkSeam, ownFrames, splitIntoParts, SAME_PERSON_TORSO_FRACTION } from '../../../src/pipeline/video_parts';

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
