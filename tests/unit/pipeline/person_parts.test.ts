import { describe, expect, it } from 'vitest';
import type { Keypoint, PoseFrame } from '../../../src/core/types';
import type { PoseFrameWithPeople } from '../../../src/pose/person_types';
import { joinPeopleParts } from '../../../src/pipeline/person_parts';
import { chooseLifterFrames } from '../../../src/pipeline/person_choice';
import { syntheticSquat } from '../../support/synthetic_squat';

const W = 1280;
const H = 720;

function person(dx: number, squats: boolean): PoseFrame[] {
  const { track } = syntheticSquat({ reps: 1, fps: 30, width: W, height: H, view: 'oblique' });
  const stand = track.frames[0].keypoints as Keypoint[];
  return track.frames.map((f) => ({ t: f.t, keypoints: (squats ? f.keypoints! : stand).map((k) => ({ ...k, x: k.x + dx })), keypoints3D: null }));
}

/** What one estimator returns for frames [from, to) when it found `order` (local id = index). */
function part(persons: PoseFrame[][], order: number[], from: number, to: number): PoseFrameWithPeople[] {
  return persons[0].slice(from, to).map((_, j) => {
    const i = from + j;
    const people = order.map((who, local) => ({ id: local, ...persons[who][i] }));
    return { t: persons[0][i].t, keypoints: people[0].keypoints, keypoints3D: null, ...(order.length > 1 ? { people } : {}) };
  });
}

describe('joinPeopleParts', () => {
  const lifter = person(-200, true);
  const coach = person(150, false);
  const n = lifter.length;
  const cut = Math.floor(n / 2);

  it('keeps each person one id when the parts number them differently', () => {
    const joined = joinPeopleParts([part([lifter, coach], [1, 0], 0, cut), part([lifter, coach], [0, 1], cut, n)]);
    expect(joined).toHaveLength(n);
    for (const f of joined) {
      expect(f.people!.find((p) => p.id === 0)!.keypoints).toEqual(coach[joined.indexOf(f)].keypoints);
      expect(f.people!.find((p) => p.id === 1)!.keypoints).toEqual(lifter[joined.indexOf(f)].keypoints);
    }
    const choice = chooseLifterFrames(joined, { width: W, height: H, fps: 30 });
    expect(choice.people).toMatchObject({ count: 2, reason: 'squats' });
    choice.frames.forEach((f, i) => expect(f.keypoints).toEqual(lifter[i].keypoints));
  });

  it('one person in every part: plain frames, no people', () => {
    const joined = joinPeopleParts([part([lifter], [0], 0, cut), part([lifter], [0], cut, n)]);
    expect(joined.every((f) => !('people' in f))).toBe(true);
    joined.forEach((f, i) => expect(f.keypoints).toEqual(lifter[i].keypoints));
  });

  it('one person lost across the cut is still one person', () => {
    const gap = (frames: PoseFrameWithPeople[], a: number, b: number) =>
      frames.map((f, i) => (i >= a && i < b ? { t: f.t, keypoints: null, keypoints3D: null } : f));
    const first = gap(part([lifter], [0], 0, cut), cut - 8, cut);
    const joined = joinPeopleParts([first, part([lifter], [0], cut, n)]);
    expect(joined.every((f) => !('people' in f))).toBe(true);
  });

  it('someone found only in a later part gets a new id', () => {
    const joined = joinPeopleParts([part([lifter], [0], 0, cut), part([lifter, coach], [0, 1], cut, n)]);
    expect(joined[cut].people!.map((p) => p.id)).toEqual([0, 1]);
    expect(joined[cut].people![1].keypoints).toEqual(coach[cut].keypoints);
  });
});
