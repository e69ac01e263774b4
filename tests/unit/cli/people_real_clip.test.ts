/**
 * Two people in the picture, through the real Node pipeline (ffmpeg frames -> BlazePose on wasm ->
 * lifter choice -> core): gym-oblique-goblet-two-people.mp4, where a woman goblet-squats one rep
 * while a coach stands beside her (../shared/fixtures/MANIFEST.md). Before the tracker followed
 * everyone, the app's lite model followed the coach for half the clip and found 0 reps.
 *
 * Where the two hips are was read by eye off three frames drawn with a 10 % grid (not from any
 * model output): fractions of the 1280x720 frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import type { PoseFrame, PoseTrack } from '../../../src/core/types';
import { extractPoseTrack, type ExtractResult } from '../../../src/cli/pose_track';
import { followPerson } from '../../../src/pipeline/person_choice';
import { createNodePoseEstimator } from '../../../src/pose/node';
import type { PoseEstimator, PoseModelName } from '../../../src/pose/types';
import { hasFfmpeg, repoRoot } from './helpers';

const clips = path.resolve(repoRoot, '../shared/fixtures/clips');
const twoPeople = path.join(clips, 'gym-oblique-goblet-two-people.mp4');
const onePerson = path.join(clips, 'front-deep-good-lowres.mp4');
const canRun = hasFfmpeg && existsSync(twoPeople);
if (!canRun) console.warn(`people_real_clip: skipped (${hasFfmpeg ? `${twoPeople} not found: ../shared is absent` : 'no ffmpeg on PATH'})`);

const HIPS_BY_EYE: Array<{ frame: number; lifter: [number, number]; coach: [number, number] }> = [
  { frame: 0, lifter: [0.48, 0.61], coach: [0.62, 0.58] },
  { frame: 14, lifter: [0.4, 0.69], coach: [0.58, 0.39] },
  { frame: 30, lifter: [0.48, 0.52], coach: [0.65, 0.56] },
];

function hipCentre(f: PoseFrame, width: number, height: number): [number, number] {
  const k = f.keypoints!;
  return [(k[23].x + k[24].x) / 2 / width, (k[23].y + k[24].y) / 2 / height];
}

function distance(a: [number, number], b: [number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

describe.skipIf(!canRun).each<PoseModelName>(['lite', 'full'])('two people in the picture, BlazePose %s', (model) => {
  let estimator: PoseEstimator;
  let result: ExtractResult;
  beforeAll(async () => {
    estimator = await createNodePoseEstimator({ model });
    result = await extractPoseTrack(twoPeople, { model, estimator });
  }, 300_000);
  afterAll(() => estimator?.dispose());

  it('finds both people and follows the one who squats', () => {
    expect(result.track.people).toMatchObject({ count: 2, chosen: 'auto', reason: 'squats', position: 'left' });
    expect(result.people?.candidates).toHaveLength(2);
  });

  it("puts the skeleton's hips on her, not on the coach", () => {
    const { width, height } = result.track.source;
    for (const { frame, lifter, coach } of HIPS_BY_EYE) {
      const hip = hipCentre(result.track.frames[frame], width, height);
      expect(distance(hip, lifter), `frame ${frame}: hips at ${hip}`).toBeLessThan(0.05);
      expect(distance(hip, coach)).toBeGreaterThan(0.1);
    }
    expect(result.track.frames.every((f) => f.keypoints)).toBe(true);
  });

  it('counts her one rep and says two people were there', () => {
    const analysis = analyze(result.track);
    expect(analysis.reps).toHaveLength(1);
    expect(analysis.warnings[0]).toEqual({
      code: 'several_people',
      message: 'Two people were in the picture; we followed the one who squats (on the left of the picture). Not right? Tap the lifter on the first frame.',
    });
  });

  it('follows the coach when the user points at him: hips on him, and the warning says the user chose', () => {
    const coachId = result.people!.candidates.find((c) => c.id !== result.people!.followedId)!.id;
    const { frames, people } = followPerson(result.people!.candidates, coachId);
    const track: PoseTrack = { ...result.track, frames, people };
    const { width, height } = track.source;
    for (const { frame, coach } of HIPS_BY_EYE) expect(distance(hipCentre(frames[frame], width, height), coach)).toBeLessThan(0.05);
    // (The core still counts a shallow "rep" for him: the camera zooms during the clip.)
    const analysis = analyze(track);
    expect(analysis.warnings[0].message).toBe('Two people were in the picture; we followed the one you chose (on the right of the picture).');
  });
});

const fixture = path.join(repoRoot, 'fixtures/tracks/front-deep-good-lowres.json');
describe.skipIf(!(hasFfmpeg && existsSync(onePerson) && existsSync(fixture)))('one person in the picture', () => {
  it('no people facts, no warning, and the keypoints of the committed track (made before people were tracked)', async () => {
    const estimator = await createNodePoseEstimator({ model: 'full' });
    try {
      const { track, people } = await extractPoseTrack(onePerson, { model: 'full', estimator });
      expect(track.people).toBeUndefined();
      expect(people).toBeUndefined();
      expect(analyze(track).warnings.map((w) => w.code)).not.toContain('several_people');
      const before = JSON.parse(readFileSync(fixture, 'utf8')) as PoseTrack;
      expect(track.frames).toHaveLength(before.frames.length);
      let worst = 0;
      track.frames.forEach((f, i) => {
        expect(f.keypoints === null, `frame ${i}`).toBe(before.frames[i].keypoints === null);
        f.keypoints?.forEach((k, j) => {
          worst = Math.max(worst, Math.hypot(k.x - before.frames[i].keypoints![j].x, k.y - before.frames[i].keypoints![j].y));
        });
      });
      // The committed track is rounded to 0.1 px; anything more is a real change.
      expect(worst).toBeLessThanOrEqual(0.1);
    } finally {
      estimator.dispose();
    }
  }, 300_000);
});
