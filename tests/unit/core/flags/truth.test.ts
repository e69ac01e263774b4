/**
 * Flags, asymmetries and findings on the generator's exact per-frame truth (fed through
 * tests/support/analyze_truth_adapter.ts), so these stages are tested on their own: a flag
 * must appear where the generator put the fault, on that side, and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis, DepthTarget, Fault } from '../../../../src/core/types';
import { analyzeFrameMetrics } from '../../../../src/core/analyze_metrics';
import type { SyntheticSquatSpec } from '../../../support/synthetic_squat';
import { truthAnalysisInput } from '../../../support/analyze_truth_adapter';
import { framesOf } from '../../../support/analysis_frames';

function run(spec: SyntheticSquatSpec, depthTarget?: DepthTarget): Analysis {
  const { track, fm } = truthAnalysisInput(spec);
  return analyzeFrameMetrics(track, fm, { depthTarget });
}

const faultsOf = (a: Analysis) => new Set(a.reps.flatMap((r) => r.flags.map((f) => f.fault)));
const flagsOf = (a: Analysis, fault: Fault) => a.reps.flatMap((r) => r.flags.filter((f) => f.fault === fault));

describe('flags on exact synthetic metrics', () => {
  for (const view of ['front', 'side', 'oblique'] as const) {
    it(`flags nothing on a clean set to parallel (${view} view)`, () => {
      const a = run({ reps: 4, view });
      expect(a.reps).toHaveLength(4);
      expect([...faultsOf(a)]).toEqual([]);
      expect(a.findings.some((f) => f.kind === 'ok')).toBe(true);
      expect(a.asymmetries.filter((x) => x.beyondVariation)).toEqual([]);
    });
  }

  it('flags knee valgus on the left knee only, on every rep, with the evidence time inside the rep', () => {
    const a = run({ reps: 5, view: 'front', valgusDeg: { left: 12, right: 0 }, bottomThighAngleDeg: -20 });
    expect([...faultsOf(a)]).toEqual(['knee_valgus']);
    for (const rep of a.reps) {
      expect(rep.flags).toHaveLength(1);
      expect(rep.flags[0].side).toBe('left');
      expect(rep.flags[0].t).toBeGreaterThanOrEqual(rep.start);
      expect(rep.flags[0].t).toBeLessThanOrEqual(rep.end);
    }
  });

  it('flags valgus on both knees as side "both"', () => {
    const a = run({ reps: 3, view: 'front', valgusDeg: { left: 12, right: 12 }, bottomThighAngleDeg: -20 });
    expect(flagsOf(a, 'knee_valgus').map((f) => f.side)).toEqual(['both', 'both', 'both']);
  });

  it('flags right heel lift on the right only, from a side view', () => {
    const a = run({ reps: 3, view: 'side', heelLift: { left: 0, right: 0.15 } });
    expect([...faultsOf(a)]).toEqual(['heel_lift']);
    expect(flagsOf(a, 'heel_lift').every((f) => f.side === 'right' && f.severity === 'moderate')).toBe(true);
  });

  it('does not flag a heel lift below the detection floor', () => {
    const a = run({ reps: 3, view: 'side', heelLift: { left: 0.02, right: 0.02 } });
    expect(faultsOf(a).has('heel_lift')).toBe(false);
  });

  it('flags forward lean when the trunk leans 35 deg more at the bottom, not without it', () => {
    expect(flagsOf(run({ reps: 3, view: 'side', trunkLeanDeg: 35 }), 'forward_lean')).toHaveLength(3);
    expect(flagsOf(run({ reps: 3, view: 'side', trunkLeanDeg: 5 }), 'forward_lean')).toHaveLength(0);
  });

  it('flags the butt-wink proxy when the pelvis tucks by 20 deg, not on a plain squat with extra lean', () => {
    const wink = run({ reps: 3, view: 'side', pelvicTuckDeg: 20 });
    expect(flagsOf(wink, 'butt_wink')).toHaveLength(3);
    for (const f of flagsOf(wink, 'butt_wink')) expect(f.value).toBeGreaterThan(15);
    const lean = run({ reps: 3, view: 'side', trunkLeanDeg: 25 });
    expect(flagsOf(lean, 'butt_wink')).toHaveLength(0);
    // The per-frame proxy is filled inside reps only, and only from views that can see it.
    const front = run({ reps: 2, view: 'front', pelvicTuckDeg: 20 });
    expect(framesOf(front).every((f) => f.metrics.buttWink === null)).toBe(true);
  });

  it('flags shallow depth only beyond the view\'s error, against the lifter\'s target, and never as severe', () => {
    const half = run({ reps: 3, view: 'side', bottomThighAngleDeg: -30 });
    expect(flagsOf(half, 'shallow_depth').map((f) => f.severity)).toEqual(['mild', 'mild', 'mild']);
    expect(half.findings.find((f) => f.id === 'depth')?.text).toMatch(/^All 3 reps stopped short of parallel \(thigh 30° above parallel; this view reads it to about ±7°\)/);
    expect(flagsOf(run({ reps: 3, view: 'side', bottomThighAngleDeg: -45 }), 'shallow_depth').map((f) => f.severity)).toEqual(['moderate', 'moderate', 'moderate']);
    // -10 deg is parallel by the powerlifting rule; -15 is inside the +-7 deg error: no flag either.
    for (const thigh of [-15, -10, 10]) expect(flagsOf(run({ reps: 3, view: 'side', bottomThighAngleDeg: thigh }), 'shallow_depth'), `${thigh}`).toHaveLength(0);
    // The same half squat is what a lifter aiming above parallel wanted; full depth wants more than parallel.
    expect(flagsOf(run({ reps: 3, view: 'side', bottomThighAngleDeg: -30 }, 'above_parallel'), 'shallow_depth')).toHaveLength(0);
    const full = run({ reps: 3, view: 'side', bottomThighAngleDeg: 0 }, 'full');
    expect(flagsOf(full, 'shallow_depth')).toHaveLength(3);
    expect(full.settings).toEqual({ depthTarget: 'full' });
  });

  it('flags a hip shift with the direction it went', () => {
    expect(flagsOf(run({ reps: 3, view: 'front', hipShift: 0.4 }), 'hip_shift').map((f) => f.side)).toEqual(['left', 'left', 'left']);
    expect(flagsOf(run({ reps: 3, view: 'front', hipShift: -0.4 }), 'hip_shift').map((f) => f.side)).toEqual(['right', 'right', 'right']);
    expect(flagsOf(run({ reps: 3, view: 'front', hipShift: 0.1 }), 'hip_shift')).toHaveLength(0);
  });

  it('flags only the reps that carry a fault', () => {
    const a = run({ reps: 4, view: 'oblique', perRep: (r) => ({ heelLift: { left: r === 2 ? 0.15 : 0, right: 0 } }) });
    expect(flagsOf(a, 'heel_lift').map((f) => f.rep)).toEqual([2]);
  });
});

describe('asymmetry, fatigue and kinetic-chain findings on exact synthetic metrics', () => {
  it('finds the valgus asymmetry on the side it was put, beyond rep-to-rep variation', () => {
    const a = run({ reps: 5, view: 'front', bottomThighAngleDeg: -20, perRep: (r) => ({ valgusDeg: { left: 0, right: 12 + r } }) });
    const v = a.asymmetries.find((x) => x.metric === 'kneeDrift')!;
    expect(v.worseSide).toBe('right');
    expect(v.beyondVariation).toBe(true);
    expect(v.left).toHaveLength(5);
  });

  it('calls no asymmetry real when both sides vary alike from rep to rep', () => {
    // Both knees get the same random-looking valgus per rep.
    const seq = [3, 9, 5, 11, 4, 8];
    const a = run({ reps: 6, view: 'front', bottomThighAngleDeg: -20, perRep: (r) => ({ valgusDeg: { left: seq[r], right: seq[(r + 3) % 6] } }) });
    expect(a.asymmetries.filter((x) => x.beyondVariation)).toEqual([]);
  });

  it('says the fault grows over the set when valgus rises rep by rep (fatigue), and not when it is flat', () => {
    const grow = run({ reps: 6, view: 'front', bottomThighAngleDeg: -20, perRep: (r) => ({ valgusDeg: { left: 2 + 3 * r, right: 0 } }) });
    const f = grow.findings.find((x) => x.id === 'fault-knee_valgus')!;
    expect(f.fatigue).toBe(true);
    expect(f.side).toBe('left');
    const flat = run({ reps: 6, view: 'front', bottomThighAngleDeg: -20, valgusDeg: { left: 14, right: 0 } });
    expect(flat.findings.find((x) => x.id === 'fault-knee_valgus')!.fatigue).toBeUndefined();
  });

  it('ties a left heel lift to the left knee drifting in: limited left ankle dorsiflexion', () => {
    const a = run({ reps: 6, view: 'front', bottomThighAngleDeg: -20, heelLift: { left: 0.12, right: 0 }, valgusDeg: { left: 10, right: 0 } });
    const chain = a.findings.find((f) => f.id === 'chain-ankle-knee')!;
    expect(chain).toBeDefined();
    expect(chain.side).toBe('left');
    expect(chain.chain).toEqual(['ankle', 'knee']);
    expect(chain.text).toMatch(/^Left heel lifts on all 6 reps and the left knee drifts in on all 6 reps: consistent with limited left ankle dorsiflexion/);
    expect(chain.evidence.length).toBeGreaterThan(0);
    for (const e of chain.evidence) expect(a.reps[e.rep!].start).toBeLessThanOrEqual(e.t);
  });

  it('from a 45-degree view, compares the knees by knee drift (not by FPPA) and ties them to the heel', () => {
    const a = run({ reps: 6, view: 'oblique', bottomThighAngleDeg: -20, heelLift: { left: 0.12, right: 0 }, valgusDeg: { left: 22, right: 0 } });
    const chain = a.findings.find((f) => f.id === 'chain-ankle-knee')!;
    expect(chain.text).toMatch(/^Left heel lifts on all 6 reps and the left knee drifts in \d+ % of leg length more than the right: consistent with limited left ankle dorsiflexion/);
    expect(a.asymmetries.find((x) => x.metric === 'kneeDrift')!.beyondVariation).toBe(true);
    expect(a.asymmetries.find((x) => x.metric === 'kneeDrift')!.worseSide).toBe('left');
    expect(a.asymmetries.find((x) => x.metric === 'kneeValgusDeg')).toBeUndefined();
    // From 45 degrees neither side's heel is compared: the far foot is partly hidden.
    expect(a.asymmetries.find((x) => x.metric === 'heelLift')!.beyondVariation).toBe(false);
  });

  it('from the front, says one thing about depth from the hip height: half squats short, parallel not judged, deep reached', () => {
    const depth = (thigh: number) => run({ reps: 3, view: 'front', bottomThighAngleDeg: thigh }).findings.filter((x) => x.id === 'depth' || x.id.includes('shallow_depth'));
    const half = depth(-35);
    expect(half).toHaveLength(1);
    expect(half[0].kind).toBe('fault');
    expect(half[0].evidence).toHaveLength(3);
    expect(half[0].text).toMatch(/^All 3 reps stopped short of parallel \(hips down to \d+ % of standing height, front view\)/);
    const parallel = depth(0);
    expect(parallel).toHaveLength(1);
    expect(parallel[0].text).toMatch(/^Depth not judged on all 3 reps/);
    expect(parallel[0].text).not.toMatch(/reached/);
    expect(depth(30)[0].text).toMatch(/^All 3 reps reached parallel/);
    // From the side the thigh angle decides, and it is still one statement.
    expect(run({ reps: 3, view: 'side', bottomThighAngleDeg: -35 }).findings.filter((x) => x.id === 'depth' || x.id.includes('shallow_depth'))).toHaveLength(1);
  });

  it('notes what the view cannot measure', () => {
    const side = run({ reps: 2, view: 'side' });
    expect(side.findings.filter((f) => f.kind === 'not_measurable').map((f) => f.id)).toEqual(
      expect.arrayContaining(['not-measurable-knee_valgus', 'not-measurable-hip_shift']),
    );
    const front = run({ reps: 2, view: 'front' });
    expect(front.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['not-measurable-forward_lean', 'not-measurable-butt_wink']));
  });
});
