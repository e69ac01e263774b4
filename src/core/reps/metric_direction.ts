import type { MetricKey } from '../types';

/**
 * Which extreme of each metric matters over a rep, and whether it is per side.
 * 'max' = the largest value is the worst/most telling (valgus, heel lift, lean, depth...),
 * 'min' = the smallest (knee separation: knees narrower than the ankles),
 * 'absmax' = the signed value with the largest magnitude (hip shift either way).
 */
export type PeakDirection = 'max' | 'min' | 'absmax';

export const PEAK_DIRECTION: Record<MetricKey, PeakDirection> = {
  kneeValgusDeg: 'max',
  kneeOffset: 'max',
  kneeSeparationRatio: 'min',
  heelLift: 'max',
  footAngleDeg: 'max',
  torsoAngleDeg: 'max',
  trunkTibiaDeg: 'max',
  buttWink: 'max',
  kneeFlexionDeg: 'max',
  hipFlexionDeg: 'max',
  shinAngleDeg: 'max',
  depth: 'max',
  thighAngleDeg: 'max',
  hipShift: 'absmax',
};

export const SIDED_METRICS = [
  'kneeValgusDeg',
  'kneeOffset',
  'heelLift',
  'footAngleDeg',
  'kneeFlexionDeg',
  'shinAngleDeg',
] as const satisfies readonly MetricKey[];
export type SidedMetricKey = (typeof SIDED_METRICS)[number];

export const SCALAR_METRICS = [
  'kneeSeparationRatio',
  'torsoAngleDeg',
  'trunkTibiaDeg',
  'buttWink',
  'hipFlexionDeg',
  'depth',
  'thighAngleDeg',
  'hipShift',
] as const satisfies readonly MetricKey[];
export type ScalarMetricKey = (typeof SCALAR_METRICS)[number];

export const ALL_METRICS: readonly MetricKey[] = [...SIDED_METRICS, ...SCALAR_METRICS];

export function isSidedMetric(key: MetricKey): key is SidedMetricKey {
  return (SIDED_METRICS as readonly string[]).includes(key);
}
