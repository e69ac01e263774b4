import { describe, expect, it } from 'vitest';
import type { Keypoint, PoseFrame } from '../../../src/core/types';
import type { PoseFrameWithPeople } from '../../../src/pose/person_types';
import {
  CLEAR_SQUAT_MARGIN,
  chooseLifterFrames,
  followPerson,
  hipDrop,
  personAt,
  pickerFrame,
  splitPeople,
} from '../../../src/pipeline/person_choice';
import { syntheticSquat } from '../../support/synthetic_squat';

const W = 1280;
const H = 720;
const size = { width: W, height: H, fps: 30 };

/** One squat, the lifter standing at x offset `dx` (pixels), 30 fps. */
function squatter(dx: number, spec: Parameters<typeof syntheticSquat>[0] = {}): PoseFrame[] {
  const { track } = syntheticSquat({ reps: 1, fps: 30, width: W, height: H, view: 'oblique', ...spec });
  return track.frames.map((f) => ({ t: f.t, keypoints: f.keypoints!.map((k) => ({ ...k, x: k.x + dx })), keypoints3D: null }));
}

/** Someone standing still the whole clip: the squatter's first (standing) frame, moved by `dx`. */
function bystander(like: PoseFrame[], dx: number): PoseFrame[] {
  const stand = like[0].keypoints as Keypoint[];
  return like.map((f) => ({ t: f.t, keypoints: stand.map((k) => ({ ...k, x: k.x + dx })), keypoints3D: null }));
}

/** What the estimator returns: person 0's keypoints on the frame, everyone in `people`. */
function estimatorFrames(persons: PoseFrame[][]): PoseFrameWithPeople[] {
  return persons[0].map((f, i) => ({
    t: f.t,
    keypoints: f.keypoints,
    keypoints3D: null,
    people: persons.map((p, id) => ({ id, ...p[i] })).filter((p) => p.keypoints),
  }));
}

describe('hipDrop', () => {
  it('is about the squat depth for a squat and near 0 for someone standing', () => {
    const lifter = squatter(0);
    const drop = hipDrop(lifter)!;
    expect(drop).toBeGreaterThan(0.3);
    expect(hipDrop(bystander(lifter, 300))!).toBeLessThan(0.01);
  });

  it('is null without hips and ankles', () => {
    const lifter = squatter(0).map((f) => ({ ...f, keypoints: f.keypoints!.map((k) => (/ankle/.test(k.name) ? { ...k, score: 0 } : k)) }));
    expect(hipDrop(lifter)).toBeNull();
  });
});

describe('chooseLifterFrames', () => {
  it('one person: the same frame objects, no people facts', () => {
    const frames = squatter(0);
    const choice = chooseLifterFrames(frames, size);
    expect(choice.people).toBeNull();
    expect(choice.found).toBeNull();
    choice.frames.forEach((f, i) => expect(f).toBe(frames[i]));
  });

  it('follows the one who squats even when the bystander was found first, and says where', () => {
    const lifter = squatter(-200);
    const coach = bystander(lifter, 350);
    const choice = chooseLifterFrames(estimatorFrames([coach, lifter]), size);
    expect(choice.people).toMatchObject({ count: 2, chosen: 'auto', reason: 'squats', position: 'left', t: 0 });
    expect(choice.found?.followedId).toBe(1);
    choice.frames.forEach((f, i) => expect(f.keypoints).toEqual(lifter[i].keypoints));
    expect(choice.frames.every((f) => !('people' in f))).toBe(true);
    expect(choice.found?.picker.boxes.map((b) => b.id)).toEqual([0, 1]);
  });

  it('two people squatting together: cannot tell, follows the bigger, more central one', () => {
    const a = squatter(-330);
    const b = squatter(0, { bodyHeightM: 1.9 });
    const choice = chooseLifterFrames(estimatorFrames([a, b]), size);
    expect(choice.people?.reason).toBe('prominent');
    expect(choice.found?.followedId).toBe(1);
  });

  it('a hip drop below the margin over a bystander is not a clear squat', () => {
    const lifter = squatter(-200, { bottomThighAngleDeg: -75 });
    expect(hipDrop(lifter)!).toBeLessThan(CLEAR_SQUAT_MARGIN);
    const choice = chooseLifterFrames(estimatorFrames([bystander(lifter, 350), lifter]), size);
    expect(choice.people?.reason).toBe('prominent');
  });

  it('a person seen for less than half a second does not count', () => {
    const lifter = squatter(0);
    const ghost = bystander(lifter, 400).map((f, i) => (i < 5 ? f : { ...f, keypoints: null }));
    const choice = chooseLifterFrames(estimatorFrames([lifter, ghost]), size);
    expect(choice.people).toBeNull();
    expect(choice.found).toBeNull();
    choice.frames.forEach((f, i) => expect(f.keypoints).toEqual(lifter[i].keypoints));
  });

  it('frames before a second person was found belong to person 0', () => {
    const lifter = squatter(-200);
    const coach = bystander(lifter, 350);
    const frames = estimatorFrames([lifter, coach]).map((f, i) => (i < 10 ? { t: f.t, keypoints: f.keypoints, keypoints3D: null } : f));
    const people = splitPeople(frames, size);
    expect(people.map((p) => p.id)).toEqual([0, 1]);
    expect(people[0].framesSeen).toBe(lifter.length);
    expect(people[1].framesSeen).toBe(lifter.length - 10);
    expect(people[1].first.index).toBe(10);
  });
});

describe('followPerson and the picker', () => {
  const lifter = squatter(-200);
  const coach = bystander(lifter, 350);
  const choice = chooseLifterFrames(estimatorFrames([coach, lifter]), size);

  it('follows the tapped person and says it was the user', () => {
    const tapped = followPerson(choice.found!.candidates, 0);
    expect(tapped.people).toMatchObject({ chosen: 'tapped', reason: 'tapped', position: 'right', count: 2 });
    tapped.frames.forEach((f, i) => expect(f.keypoints).toEqual(coach[i].keypoints));
    expect(() => followPerson(choice.found!.candidates, 7)).toThrow(/no person 7/);
  });

  it('finds the person under a tap, or the nearest one', () => {
    const boxes = choice.found!.picker.boxes;
    const coachBox = boxes.find((b) => b.id === 0)!.box;
    expect(personAt(boxes, { x: coachBox.x + coachBox.width / 2, y: coachBox.y + coachBox.height / 2 })).toBe(0);
    expect(personAt(boxes, { x: 0.01, y: 0.5 })).toBe(1);
    expect(personAt(boxes, { x: 0.99, y: 0.5 })).toBe(0);
  });

  it('shows the earliest frame with everyone on it', () => {
    const late = estimatorFrames([lifter, coach.map((f, i) => (i < 4 ? { ...f, keypoints: null } : f))]);
    const found = chooseLifterFrames(late, size).found!;
    expect(found.picker.index).toBe(4);
    expect(pickerFrame(found.candidates, size)?.boxes).toHaveLength(2);
  });
});
