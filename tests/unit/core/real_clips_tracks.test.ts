/**
 * Real clips: PoseTracks our own pipeline extracted from ../shared/fixtures/clips (committed
 * under fixtures/tracks, see its README), analysed end to end. Expectations come from
 * ../shared/fixtures/MANIFEST.md (judged by eye from the clips). The test prints each clip's
 * reps, flags and view so a disagreement can be looked at before anything is changed.
 *
 * Where we checked a MANIFEST statement against the numbers and the numbers win, the test
 * says so (oblique-good-hand-over-lens: 4 reps, not "2-3"). A known gap is marked `it.fails`
 * with the reason: it flips to a failure (and must become a plain test) once fixed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import type { Analysis, Fault, PoseTrack } from '../../../src/core/types';

const repoRoot = path.resolve(__dirname, '../../..');
const dir = path.join(repoRoot, 'fixtures/tracks');
const exists = existsSync(dir);
if (!exists) console.warn(`real_clips.test: ${dir} is absent; skipping the real-clip tests`);

const cache = new Map<string, Analysis>();
function clip(name: string): Analysis {
  let a = cache.get(name);
  if (!a) {
    const track = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as PoseTrack;
    a = analyze(track);
    cache.set(name, a);
    const flags = a.reps.map((r) => `${r.index}${r.partial ? 'p' : ''}:[${r.flags.map((f) => `${f.fault}/${f.side}/${f.severity}/${f.value}`).join(' ')}]`);
    console.log(`${name}: view ${a.view.kind} (${a.view.confidence.toFixed(2)}), ${a.reps.length} reps ${flags.join(' ')}`);
  }
  return a;
}
const fullReps = (a: Analysis) => a.reps.filter((r) => !r.partial).length;
const flagged = (a: Analysis, fault: Fault) => a.reps.some((r) => r.flags.some((f) => f.fault === fault));

describe.skipIf(!exists)('real clips (fixtures/tracks, MANIFEST expectations)', () => {
  it('counts one rep in each single-squat side clip', () => {
    for (const name of ['side-deep-good-rotated', 'side-forward-lean-rotated', 'side-upright-knees-forward-rotated', 'side-very-deep-rounded-rotated']) {
      expect(clip(name).reps, name).toHaveLength(1);
    }
  });

  it('side-rise-from-bottom: the clip starts near the bottom; its one rep is kept (the lifter stands up)', () => {
    const a = clip('side-rise-from-bottom-rotated');
    expect(a.reps).toHaveLength(1);
    expect(a.reps[0].start).toBeLessThan(0.2);
  });

  it('side-two-reps-good: two full squats (the clip opens on the end of a third, kept as partial)', () => {
    const a = clip('side-two-reps-good');
    expect(fullReps(a)).toBe(2);
    expect(a.reps.filter((r) => r.partial).every((r) => r.start < 0.1)).toBe(true);
  });

  it('front-two-reps-good: two squats', () => {
    expect(clip('front-two-reps-good').reps).toHaveLength(2);
  });

  it('front low-res clips: one squat each', () => {
    for (const name of ['front-deep-good-lowres', 'front-forward-lean-lowres', 'front-shallow-lowres']) expect(clip(name).reps, name).toHaveLength(1);
  });

  it('oblique-good-hand-over-lens: 4 squats to about parallel, none invented from the covered lens', () => {
    // MANIFEST says "2-3 deep squats". The hip-height trajectory has four clear dips to
    // below half standing height (t ~1.9, 4.8, 8.0, 11.2 s), with the thigh back to vertical
    // (-87..-92 deg) between them: four squats. The covered lens (last second) adds none.
    const a = clip('oblique-good-hand-over-lens');
    expect(a.reps).toHaveLength(4);
    expect(a.reps.every((r) => r.end < 14)).toBe(true);
  });

  it('oblique-heel-lift: repeated squats, heel lift flagged on every rep', () => {
    const a = clip('oblique-heel-lift');
    expect(a.reps.length).toBeGreaterThanOrEqual(3);
    expect(a.reps.every((r) => r.flags.some((f) => f.fault === 'heel_lift'))).toBe(true);
    expect(a.findings.some((f) => f.id === 'fault-heel_lift')).toBe(true);
  });

  it('front views, one depth statement each: front-shallow short of parallel, front-deep reached, front-two-reps-good ("to about parallel") not judged from the front', () => {
    const depth = (name: string) => {
      const d = clip(name).findings.filter((f) => f.id === 'depth' || f.id.includes('shallow_depth'));
      expect(d, name).toHaveLength(1);
      return d[0];
    };
    expect(depth('front-shallow-lowres').kind).toBe('fault');
    expect(depth('front-shallow-lowres').text).toMatch(/short of parallel/);
    expect(depth('front-deep-good-lowres').text).toMatch(/reached parallel/);
    expect(depth('front-two-reps-good').text).toMatch(/^Depth not judged/);
  });

  it('side-forward-lean: forward lean flagged', () => {
    const a = clip('side-forward-lean-rotated');
    expect(flagged(a, 'forward_lean')).toBe(true);
    expect(a.findings.some((f) => f.id === 'fault-forward_lean')).toBe(true);
  });

  it('good clips: no heel-lift and no valgus flags', () => {
    for (const name of ['side-deep-good-rotated', 'side-two-reps-good', 'oblique-good-hand-over-lens', 'front-two-reps-good']) {
      const a = clip(name);
      expect(flagged(a, 'heel_lift'), `${name} heel lift`).toBe(false);
      expect(flagged(a, 'knee_valgus'), `${name} valgus`).toBe(false);
    }
  });

  // Was it.fails (KNOWN GAP); heelLift confidence now scales with foot size in pixels
  // (full from 60 px; this clip's 35 px foot gives < 0.5), so the 3 px rise no longer flags.
  it('front-deep-good-lowres: no heel-lift flag (was a KNOWN GAP: a 3 px heel rise on a 240x428 front view reads as 10 % of foot length)', () => {
    // Raw keypoints: the left heel goes from y ~361.7 px standing to 358.8 px on the way up
    // (t 3.2-3.3 s) while the toe stays at ~373.5 px; with a ~30 px foot that is a 0.10 lift.
    // A front view cannot corroborate it with the foot angle. Either a real slight lift or
    // keypoint error at this resolution: the per-frame confidence does not say which.
    const a = clip('front-deep-good-lowres');
    expect(flagged(a, 'heel_lift')).toBe(false);
    expect(flagged(a, 'knee_valgus')).toBe(false);
  });

  it('detects the view of front and oblique clips', () => {
    for (const name of ['front-deep-good-lowres', 'front-shallow-lowres', 'front-forward-lean-lowres', 'front-two-reps-good']) expect(clip(name).view.kind, name).toBe('front');
    for (const name of ['oblique-heel-lift', 'oblique-good-hand-over-lens']) expect(clip(name).view.kind, name).toBe('oblique');
  });

  it('detects the view of the side clips', () => {
    for (const name of ['side-deep-good-rotated', 'side-forward-lean-rotated', 'side-rise-from-bottom-rotated', 'side-two-reps-good', 'side-upright-knees-forward-rotated', 'side-very-deep-rounded-rotated']) {
      expect(clip(name).view.kind, name).toBe('side');
    }
  });

  it('says "not measurable" for what the view cannot judge', () => {
    expect(clip('side-deep-good-rotated').findings.some((f) => f.id === 'not-measurable-knee_valgus')).toBe(true);
    expect(clip('front-two-reps-good').findings.some((f) => f.id === 'not-measurable-forward_lean')).toBe(true);
  });
});
