/**
 * One-sided knee faults in real motion (issue 10: "a knee pushed inward on one side only was found
 * in 0 of 3 cases"): real tracks of good lifters (fixtures/tracks, our pipeline's BlazePose output
 * for ../shared clips) with one knee pushed toward the other hip by 0.2 leg lengths at the
 * deepest frame, in proportion to depth (tests/support/fault_injector.ts; on front-two-reps-good
 * that turns the knee's FPPA at the bottom by about +50 deg, the issue's seed case). The analyzer
 * must name that side - a knees-cave-in flag on that side or a knee-drift asymmetry with that side
 * worse - in most reps, and never the other side; the clean tracks get neither.
 *
 * From 45 degrees in front the test asks this of the knee nearer the camera: a sideways push of
 * the far knee is read at about half its size there (docs/accuracy.md, Knee) and is not found in
 * every case. From 45 degrees behind, BlazePose takes the lifter to face the camera (its left and
 * right are then swapped), so nothing is asked but this: in every case the side not pushed is
 * never named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { computeFrameMetrics } from '../../../src/core/frame_metrics';
import type { Analysis, PoseTrack, Side } from '../../../src/core/types';
import { injectKneeValgus } from '../../support/fault_injector';

const load = (clip: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/tracks', `${clip}.json`), 'utf8')) as PoseTrack;

const FRONT = ['front-two-reps-good', 'home-front-bodyweight', 'gym-front-barbell', 'front-deep-good-lowres'];
/** 45 degrees in front of the lifter, by the MANIFEST. */
const OBLIQUE_FRONT = ['oblique-good-hand-over-lens', 'gym-oblique-goblet-two-people'];
/** 45 degrees behind the lifter, by the MANIFEST (BlazePose takes this lifter to face the camera). */
const OBLIQUE_BEHIND = ['gym-rear-oblique-barbell'];
const GOOD = [...FRONT, ...OBLIQUE_FRONT, ...OBLIQUE_BEHIND, 'gym-rear-barbell', 'side-two-reps-good', 'side-deep-good-rotated', 'home-side-half-squat-caption'];
const INWARD = 0.2;

/** Per rep: does the analysis name `side` (flag on it, or knee-drift asymmetry worse there)? And does it ever name the other? */
function named(a: Analysis, side: Side): { found: number; reps: number; wrong: string[] } {
  const other: Side = side === 'left' ? 'right' : 'left';
  const asym = a.asymmetries.find((x) => x.metric === 'kneeDrift' && x.beyondVariation);
  const wrong: string[] = [];
  let found = 0;
  for (const r of a.reps) {
    const f = r.flags.find((x) => x.fault === 'knee_valgus');
    if (f && f.side !== side) wrong.push(`rep ${r.index} flag ${f.side}`);
    if ((f && f.side === side) || asym?.worseSide === side) found++;
  }
  if (asym?.worseSide === other) wrong.push(`asymmetry worse ${other}`);
  return { found, reps: a.reps.length, wrong };
}

/** The side nearer the camera: its hip is closer in BlazePose's 3D (the lifter's left points away when sx > 0). */
function nearSide(track: PoseTrack): Side {
  const sx = computeFrameMetrics(track).details.lifter?.sx ?? 0;
  return sx > 0 ? 'right' : 'left';
}

describe('one knee pushed in, in real motion', () => {
  for (const clip of FRONT) {
    for (const side of ['left', 'right'] as const) {
      it(`front, ${clip}: the ${side} knee is named in most reps, the other never`, () => {
        const r = named(analyze(injectKneeValgus(load(clip), { side, inward: INWARD }).track), side);
        expect(r.wrong).toEqual([]);
        expect(r.found, `${r.found} of ${r.reps}`).toBeGreaterThan(r.reps / 2);
      });
    }
  }

  for (const clip of [...OBLIQUE_FRONT, ...OBLIQUE_BEHIND]) {
    const inFront = OBLIQUE_FRONT.includes(clip);
    it(`45 degrees ${inFront ? 'in front' : 'behind'}, ${clip}: ${inFront ? 'the knee nearer the camera is named in most reps when pushed in; ' : ''}neither push names the other side`, () => {
      const track = load(clip);
      const near = nearSide(track);
      const results = (['left', 'right'] as const).map((side) => ({ side, ...named(analyze(injectKneeValgus(track, { side, inward: INWARD }).track), side) }));
      console.log(`[knee injection] ${clip}: near ${near}; ${results.map((r) => `${r.side} found in ${r.found}/${r.reps}`).join(', ')}`);
      for (const r of results) expect(r.wrong, r.side).toEqual([]);
      if (inFront) {
        const n = results.find((r) => r.side === near)!;
        expect(n.found, `${near}: ${n.found} of ${n.reps}`).toBeGreaterThan(n.reps / 2);
      }
    });
  }

  for (const clip of GOOD) {
    it(`clean ${clip}: no knees-cave-in flag and no knee asymmetry`, () => {
      const a = analyze(load(clip));
      expect(a.reps.flatMap((r) => r.flags.filter((f) => f.fault === 'knee_valgus'))).toEqual([]);
      expect(a.asymmetries.filter((x) => x.metric === 'kneeDrift' && x.beyondVariation)).toEqual([]);
    });
  }
});
