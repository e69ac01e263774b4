/**
 * Words and number formats for metrics, faults and sides. Display only: every value shown
 * comes from the Analysis; null is shown as "not measurable", never as 0. Labels, units,
 * keypoints and label anchors come from the core's metric and fault registries.
 */
import { FAULTS, SEVERITY_RANK } from '../../core/flags/registry';
import { METRICS, metricAnchor, metricKeypoints, type MetricDisplay } from '../../core/metrics/registry';
import type { ChainLink, Fault, FlagSide, MetricKey } from '../../core/types';

/** How a metric is shown: label, unit, scale, digits and help (the metric registry's `display`). */
export type MetricLabel = MetricDisplay;

export const METRIC_LABELS: Record<MetricKey, MetricLabel> = Object.fromEntries(METRICS.map((def) => [def.key, def.display])) as Record<MetricKey, MetricLabel>;

export const FAULT_LABELS: Record<Fault, string> = Object.fromEntries(FAULTS.map((def) => [def.fault, def.label])) as Record<Fault, string>;

export { SEVERITY_RANK, metricAnchor, metricKeypoints };

export const CHAIN_ORDER: readonly ChainLink[] = ['ankle', 'knee', 'hip', 'pelvis', 'lumbar', 'torso'];

export const CHAIN_LABELS: Record<ChainLink, string> = {
  ankle: 'Ankle',
  knee: 'Knee',
  hip: 'Hip',
  pelvis: 'Pelvis',
  lumbar: 'Lower back',
  torso: 'Torso',
};

export const NOT_MEASURABLE = 'not measurable';

export function sideLabel(side: FlagSide | undefined): string {
  if (side === 'left') return 'left';
  if (side === 'right') return 'right';
  if (side === 'both') return 'both sides';
  return '';
}

export function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "112°", "12 % foot", or "not measurable" for null. */
export function formatMetric(key: MetricKey, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_MEASURABLE;
  const meta = METRIC_LABELS[key];
  const shown = (value * meta.scale).toFixed(meta.digits);
  const clean = shown === '-0' ? '0' : shown.replace(/^-0\.(0+)$/, '0.$1');
  if (!meta.unit) return clean;
  return meta.unit === '°' ? `${clean}°` : `${clean} ${meta.unit}`;
}

export function formatSeconds(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${value.toFixed(digits)} s`;
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${Math.round(fraction * 100)} %`;
}

/**
 * The metrics written beside the joints on the video by default: the first two this view can
 * measure, in this order (knee bend and torso lean from the side; knee drift from the front).
 * From the front it is knee drift, the measure the knee verdict is made on (flags/registry.ts),
 * not the knee's angle in the picture (kneeValgusDeg, FPPA), which swings as the thigh
 * foreshortens near parallel and explains little of the true 3D valgus (docs/metrics.md): the
 * number beside the knee is the one the report judges.
 */
export function overlayMetricsFor(measurability: Partial<Record<MetricKey, { measurable: boolean }>> | undefined, count = 2): MetricKey[] {
  const preferred: MetricKey[] = ['kneeFlexionDeg', 'torsoAngleDeg', 'kneeDrift', 'trunkTibiaDeg', 'heelLift', 'hipShift'];
  return preferred.filter((key) => measurability?.[key]?.measurable).slice(0, count);
}
