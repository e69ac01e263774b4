/**
 * Each fault detector on its own: a rep's peak placed just below, at and past each severity tier
 * of its FaultDef, and the gates every flag must pass (confidence, measurability, standing noise).
 * Through analyze() the detectors are tested in truth.test.ts and ../real_clips_tracks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RepFlagInput } from '../../../../src/core/flags/flag_common';
import { FAULTS, faultDef, type FaultDef } from '../../../../src/core/flags/registry';
import { MIN_FLAG_CONFIDENCE } from '../../../../src/core/flags/thresholds';
import { metricDef } from '../../../../src/core/metrics/registry';
import type { MetricPeaks, PeakInfo } from '../../../../src/core/reps/rep_peaks';
import type { MetricKey, Severity } from '../../../../src/core/types';

const peak = (value: number, confidence = 0.9, frame = 5): PeakInfo => ({ value, confidence, t: frame / 30, frame });

/** A rep whose peaks put `value` on the fault's metric (on the left side for a sided one). */
function input(def: FaultDef, value: number, extra: Partial<RepFlagInput> = {}, confidence = 0.9): RepFlagInput {
  const peaks: MetricPeaks = {};
  const p = peak(value, confidence);
  peaks[def.metric] = metricDef(def.metric).sided ? { left: p, right: null } : p;
  // Depth is judged from the side (a front view has no thigh angle: its depth is a finding).
  const view = def.fault === 'shallow_depth' ? 'side' : 'front';
  return { rep: 2, peaks, bottomSeen: true, view, viewAt: () => 'side', ...extra };
}

/**
 * Values just short of mild, inside each band, and past severe, in the direction the fault's
 * scale runs. (At the boundary itself an ascending scale flags "at or above", a descending one
 * only "below": thresholds.ts gradeAscending / gradeDescending.)
 */
function tierValues(def: FaultDef): { value: number; severity: Severity | null }[] {
  const { mild, moderate, severe } = def.tiers;
  const step = def.worse === 'higher' ? 1 : -1;
  const eps = 1e-6 * Math.max(1, Math.abs(mild));
  const values: { value: number; severity: Severity | null }[] = [
    { value: mild - step * eps, severity: null },
    { value: (mild + moderate) / 2, severity: 'mild' },
    { value: (moderate + severe) / 2, severity: 'moderate' },
  ];
  // Missing a depth target is never severe (depth_judgement.ts): its severe tier cannot be reached.
  if (def.fault !== 'shallow_depth') values.push({ value: severe + step * Math.abs(severe), severity: 'severe' });
  return values;
}

describe('every fault detector on its own', () => {
  for (const def of FAULTS) {
    describe(def.fault, () => {
      it(`grades its ${def.metric} peak by the tiers ${def.tiers.mild} / ${def.tiers.moderate} / ${def.tiers.severe}`, () => {
        for (const { value, severity } of tierValues(def)) {
          const flag = def.detect(input(def, value));
          expect(flag?.severity ?? null, `${def.fault} at ${value}`).toBe(severity);
          if (flag) {
            expect(flag).toMatchObject({ fault: def.fault, metric: def.metric, rep: 2, threshold: def.tiers.mild, view: 'side' });
            expect(flag.value).toBeCloseTo(Math.round(value * 1000) / 1000, 6); // flags keep 3 decimals
          }
        }
      });

      it('raises nothing below flag confidence, or when the view cannot measure the metric', () => {
        const value = def.tiers.severe;
        expect(def.detect(input(def, value, {}, MIN_FLAG_CONFIDENCE - 0.01))).toBeNull();
        expect(def.detect(input(def, value, { unmeasurable: new Set<MetricKey>([def.metric]) }))).toBeNull();
      });
    });
  }

  it('a peak inside the metric\'s own standing wobble is not flagged (noise-gated metrics)', () => {
    for (const def of FAULTS.filter((d) => metricDef(d.metric).noiseGate === 'floor')) {
      const value = def.tiers.moderate;
      const floor = metricDef(def.metric).sided ? { left: value + 1, right: null } : value + 1;
      expect(def.detect(input(def, value, { noiseFloor: { [def.metric]: floor } })), def.fault).toBeNull();
      expect(def.detect(input(def, value, { noiseFloor: { [def.metric]: metricDef(def.metric).sided ? { left: value - 1, right: null } : value - 1 } })), def.fault).not.toBeNull();
    }
  });
});

describe('what each detector adds to the common rules', () => {
  it('knee valgus and heel lift: one flag per rep, side "both" with the worse side\'s value', () => {
    for (const fault of ['knee_valgus', 'heel_lift'] as const) {
      const def = faultDef(fault);
      const peaks: MetricPeaks = { [def.metric]: { left: peak(def.tiers.mild), right: peak(def.tiers.severe, 0.7) } };
      const flag = def.detect({ rep: 0, peaks, bottomSeen: true })!;
      expect(flag.side, fault).toBe('both');
      expect(flag.severity, fault).toBe('severe');
      expect(flag.value, fault).toBeCloseTo(def.tiers.severe, 3);
      expect(flag.confidence, fault).toBeCloseTo(0.7, 5); // the lower side's
    }
  });

  it('hip shift: graded on the magnitude, the side is the direction of the shift', () => {
    const def = faultDef('hip_shift');
    expect(def.detect(input(def, 0.45))).toMatchObject({ side: 'left', severity: 'moderate' });
    expect(def.detect(input(def, -0.45))).toMatchObject({ side: 'right', severity: 'moderate', value: -0.45 });
  });

  it('shallow depth: only when the bottom of the rep was seen', () => {
    const def = faultDef('shallow_depth');
    expect(def.detect(input(def, -20))).toMatchObject({ severity: 'mild' });
    expect(def.detect(input(def, -20, { bottomSeen: false }))).toBeNull();
  });

  it('forward lean: falls back to the torso angle only when the trunk-tibia angle is not measured', () => {
    const def = faultDef('forward_lean');
    const torsoOnly: RepFlagInput = { rep: 0, peaks: { trunkTibiaDeg: null, torsoAngleDeg: peak(72) }, bottomSeen: true };
    expect(def.detect(torsoOnly)).toMatchObject({ metric: 'torsoAngleDeg', severity: 'moderate' });
    const both: RepFlagInput = { rep: 0, peaks: { trunkTibiaDeg: peak(5), torsoAngleDeg: peak(72) }, bottomSeen: true };
    expect(def.detect(both)).toBeNull();
  });

  it('heel lift: one flag per rep, on the side whose heel rose, "both" when both did', () => {
    const def = faultDef('heel_lift');
    const one: MetricPeaks = { heelLift: { left: peak(0.12), right: peak(0.02) } };
    expect(def.detect({ rep: 0, peaks: one, bottomSeen: true })).toMatchObject({ side: 'left', severity: 'mild' });
    const both: MetricPeaks = { heelLift: { left: peak(0.12), right: peak(0.17) } };
    expect(def.detect({ rep: 0, peaks: both, bottomSeen: true })).toMatchObject({ side: 'both', severity: 'moderate', value: 0.17 });
  });
});
