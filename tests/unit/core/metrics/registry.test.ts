/** The metric and fault registries are complete and consistent: every table is derived from them. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/core/analyze';
import { FAULTS, faultDef, faultOfMetric } from '../../../../src/core/flags/registry';
import { CHART_ORDER, METRICS, METRIC_KEYS, SIDED_METRICS, isMetricKey, metricAnchor, metricDef, metricKeypoints } from '../../../../src/core/metrics/registry';
import { BLAZEPOSE_KEYPOINT_NAMES, type Fault } from '../../../../src/core/types';
import { METRIC_COLUMNS } from '../../../../src/export/metric_columns';
import { FAULT_LABELS, METRIC_LABELS } from '../../../../src/ui/report/labels';
import { bodyMarksFromAnalysis } from '../../../../src/ui/body_diagram/body_marks';
import { syntheticSquat } from '../../../support/synthetic_squat';

const KEYPOINTS = new Set<string>(BLAZEPOSE_KEYPOINT_NAMES);

describe('metric registry', () => {
  it('defines each metric once, with views in 0..1 and a reason for the views that cannot', () => {
    expect(new Set(METRIC_KEYS).size).toBe(METRICS.length);
    for (const def of METRICS) {
      for (const view of ['front', 'side', 'oblique'] as const) expect(def.views[view], `${def.key} ${view}`).toBeGreaterThanOrEqual(0);
      for (const view of ['front', 'side', 'oblique'] as const) expect(def.views[view], `${def.key} ${view}`).toBeLessThanOrEqual(1);
      expect(def.views.needs.length, def.key).toBeGreaterThan(10);
      expect(def.singleViewError, def.key).toBeGreaterThan(0);
      if (def.unit === 'deg') expect(def.singleViewError, def.key).toBe(7.1); // BlazePose angle MAE, REFERENCE.md §3
    }
  });

  it('names real BlazePose keypoints for the overlay, and anchors the label on one the metric uses', () => {
    for (const def of METRICS) {
      for (const side of def.sided ? (['left', 'right'] as const) : [null]) {
        const names = metricKeypoints(def.key, side);
        expect(names.length, def.key).toBeGreaterThan(0);
        for (const name of names) expect(KEYPOINTS.has(name), `${def.key}: ${name}`).toBe(true);
        expect(KEYPOINTS.has(metricAnchor(def.key, side)), def.key).toBe(true);
      }
    }
    expect(metricKeypoints('heelLift', 'left')).toEqual(['left_ankle', 'left_heel', 'left_foot_index']);
    expect(metricAnchor('heelLift', 'right')).toBe('right_heel');
  });

  it('gives every per-side metric but FPPA and knee offset (compared by knee drift) an asymmetry rule whose "restates" is a metric', () => {
    for (const key of SIDED_METRICS) {
      const rule = metricDef(key).asymmetry;
      if (key === 'kneeValgusDeg' || key === 'kneeOffset') {
        expect(rule, key).toBeUndefined();
        continue;
      }
      expect(rule, key).toBeDefined();
      expect(rule!.floor, key).toBeGreaterThan(0);
      if (rule!.restates) expect(isMetricKey(rule!.restates), key).toBe(true);
    }
    for (const def of METRICS) if (!def.sided) expect(def.asymmetry, def.key).toBeUndefined();
  });

  it('orders every metric in the charts exactly once', () => {
    expect([...CHART_ORDER].sort()).toEqual([...METRIC_KEYS].sort());
    expect(CHART_ORDER[0]).toBe('kneeFlexionDeg');
  });

  it('is what the exports and the report read', () => {
    expect(METRIC_COLUMNS.map((c) => c.key)).toEqual([...METRIC_KEYS]);
    expect(METRIC_COLUMNS.filter((c) => c.sided).map((c) => c.key)).toEqual([...SIDED_METRICS]);
    for (const def of METRICS) expect(METRIC_LABELS[def.key]).toBe(def.display);
  });

  it('says each value in plain words with its unit', () => {
    expect(metricDef('heelLift').plain(0.05)).toBe('heel up about 1 cm');
    expect(metricDef('heelLift').plain(0.02)).toBe('heel up about 0.5 cm');
    expect(metricDef('thighAngleDeg').plain(-10)).toBe('thighs 10° above parallel');
    expect(metricDef('kneeOffset').plain(0.05)).toBe('knee 4 cm inside the line from hip to ankle');
    expect(metricDef('heelLift').amount(0.12)).toBe('12 % of foot length');
  });

  it('has every metric computed by the frame stage into its own column(s)', () => {
    const a = analyze(syntheticSquat({ reps: 2, view: 'oblique' }).track);
    for (const def of METRICS) {
      for (const side of def.sided ? (['left', 'right'] as const) : [null]) {
        const key = side ? `${def.key}.${side}` : def.key;
        expect(a.series.columns[key], key).toBeDefined();
        expect(a.series.columns[key]!.value, key).toHaveLength(a.series.t.length);
      }
    }
    expect(Object.keys(a.series.columns)).toHaveLength(METRICS.reduce((n, d) => n + (d.sided ? 2 : 1), 0));
  });
});

describe('fault registry', () => {
  it('defines each fault once, judged on a registry metric, with tiers in the order its scale runs', () => {
    expect(new Set(FAULTS.map((d) => d.fault)).size).toBe(FAULTS.length);
    for (const def of FAULTS) {
      expect(isMetricKey(def.metric), def.fault).toBe(true);
      for (const m of def.relatedMetrics) expect(isMetricKey(m)).toBe(true);
      expect(def.chain.length, def.fault).toBeGreaterThan(0);
      const { mild, moderate, severe } = def.tiers;
      if (def.worse === 'higher') expect(mild < moderate && moderate < severe, def.fault).toBe(true);
      else expect(mild > moderate && moderate > severe, def.fault).toBe(true);
      expect(FAULT_LABELS[def.fault]).toBe(def.label);
    }
    expect(faultOfMetric('kneeOffset')?.fault).toBe('knee_valgus');
    expect(faultOfMetric('shinAngleDeg')).toBeUndefined();
  });

  it('marks the chain links of a hip shift, the pelvis included, on the body diagram', () => {
    // The body diagram used to keep its own table, which left the pelvis out for hip shift.
    const a = analyze(syntheticSquat({ reps: 4, view: 'front', hipShift: 0.45, noisePx: 1, seed: 2 }).track);
    expect(a.reps.some((r) => r.flags.some((f) => f.fault === 'hip_shift'))).toBe(true);
    const links = bodyMarksFromAnalysis(a, (f: Fault) => f).map((m) => m.link);
    expect(links).toEqual(expect.arrayContaining(faultDef('hip_shift').chain));
    expect(links).toContain('pelvis');
  });
});
