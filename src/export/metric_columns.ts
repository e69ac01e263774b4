/**
 * The per-frame metrics in a fixed order, with their unit and whether they come per side.
 * Mirrors FrameMetrics in src/core/types.ts; a unit test checks that every key of an
 * Analysis frame is listed here, so a metric added to the core cannot vanish from exports.
 */
import type { MetricKey } from '../core/types';

export interface MetricColumn {
  key: MetricKey;
  sided: boolean;
  /** 'deg', 'ratio' (dimensionless, e.g. per leg length) or 'ratio-of-widths'. */
  unit: 'deg' | 'ratio';
}

export const METRIC_COLUMNS: readonly MetricColumn[] = [
  { key: 'kneeValgusDeg', sided: true, unit: 'deg' },
  { key: 'kneeOffset', sided: true, unit: 'ratio' },
  { key: 'kneeSeparationRatio', sided: false, unit: 'ratio' },
  { key: 'heelLift', sided: true, unit: 'ratio' },
  { key: 'footAngleDeg', sided: true, unit: 'deg' },
  { key: 'torsoAngleDeg', sided: false, unit: 'deg' },
  { key: 'trunkTibiaDeg', sided: false, unit: 'deg' },
  { key: 'buttWink', sided: false, unit: 'deg' },
  { key: 'kneeFlexionDeg', sided: true, unit: 'deg' },
  { key: 'hipFlexionDeg', sided: false, unit: 'deg' },
  { key: 'shinAngleDeg', sided: true, unit: 'deg' },
  { key: 'depth', sided: false, unit: 'ratio' },
  { key: 'thighAngleDeg', sided: false, unit: 'deg' },
  { key: 'hipShift', sided: false, unit: 'ratio' },
];

export function isSidedValue(value: unknown): value is { left: number | null; right: number | null } {
  return typeof value === 'object' && value !== null && 'left' in value && 'right' in value;
}

/** Metric keys present in a value object that METRIC_COLUMNS does not list (newer core fields). */
export function extraMetricKeys(metrics: object): string[] {
  const known = new Set<string>(METRIC_COLUMNS.map((column) => column.key));
  return Object.keys(metrics).filter((key) => !known.has(key));
}
