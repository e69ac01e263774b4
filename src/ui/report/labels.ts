/**
 * Words and number formats for metrics, faults and sides. Display only: every value shown
 * comes from the Analysis; null is shown as "not measurable", never as 0.
 */
import type { ChainLink, Fault, FlagSide, MetricKey, Severity, Side } from '../../core/types';

export interface MetricLabel {
  label: string;
  /** Shown after the number. */
  unit: string;
  /** Converts the Analysis value to the number shown (e.g. fraction -> percent). */
  scale: number;
  digits: number;
  /** What the number means, for a tooltip. */
  help: string;
}

export const METRIC_LABELS: Record<MetricKey, MetricLabel> = {
  kneeValgusDeg: { label: 'Knee valgus', unit: '°', scale: 1, digits: 0, help: 'Frontal-plane projection angle; positive = knee moves inward.' },
  kneeOffset: { label: 'Knee offset', unit: '% leg', scale: 100, digits: 0, help: 'Knee distance inside the hip-ankle line, as % of leg length.' },
  kneeSeparationRatio: { label: 'Knee / ankle width', unit: '', scale: 1, digits: 2, help: 'Knee width divided by ankle width; below 1 = knees closer than the feet.' },
  heelLift: { label: 'Heel lift', unit: '% foot', scale: 100, digits: 0, help: 'Heel rise above its own standing height, as % of foot length.' },
  footAngleDeg: { label: 'Foot angle', unit: '°', scale: 1, digits: 0, help: 'Heel-to-toe line against the floor; positive = heel above toe.' },
  torsoAngleDeg: { label: 'Torso lean', unit: '°', scale: 1, digits: 0, help: 'Trunk from vertical; 0 = upright.' },
  trunkTibiaDeg: { label: 'Trunk vs shin', unit: '°', scale: 1, digits: 0, help: 'Trunk angle minus shin angle; positive = trunk leans more than the shins.' },
  buttWink: { label: 'Butt wink', unit: '°', scale: 1, digits: 0, help: 'Pelvic-tuck proxy at the bottom (advisory).' },
  kneeFlexionDeg: { label: 'Knee bend', unit: '°', scale: 1, digits: 0, help: '0 = straight leg.' },
  hipFlexionDeg: { label: 'Hip bend', unit: '°', scale: 1, digits: 0, help: 'Angle between trunk and thigh; 0 = standing straight.' },
  shinAngleDeg: { label: 'Shin angle', unit: '°', scale: 1, digits: 0, help: 'Shin from vertical (ankle dorsiflexion proxy); positive = knee forward.' },
  depth: { label: 'Depth', unit: '', scale: 1, digits: 2, help: 'Hip below knee, per thigh length; above 0 = below parallel.' },
  thighAngleDeg: { label: 'Thigh angle', unit: '°', scale: 1, digits: 0, help: 'Thigh from horizontal; 0 = parallel, positive = hip below knee.' },
  hipShift: { label: 'Hip shift', unit: '% hip', scale: 100, digits: 0, help: 'Hips shifted sideways, as % of hip width; positive = toward your left.' },
};

export const FAULT_LABELS: Record<Fault, string> = {
  knee_valgus: 'Knees cave in',
  heel_lift: 'Heel lifts',
  forward_lean: 'Forward lean',
  butt_wink: 'Butt wink',
  shallow_depth: 'Shallow depth',
  hip_shift: 'Hip shift',
};

export const SEVERITY_RANK: Record<Severity, number> = { mild: 1, moderate: 2, severe: 3 };

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
 * Keypoints to highlight on the skeleton for a metric (per side where sided), so the
 * overlay shows which segments the number is about. A lookup, not a computation.
 */
export function metricKeypoints(key: MetricKey, side: Side | null): string[] {
  const sides: Side[] = side ? [side] : ['left', 'right'];
  const per = (names: string[]) => sides.flatMap((s) => names.map((n) => `${s}_${n}`));
  switch (key) {
    case 'kneeValgusDeg':
    case 'kneeOffset':
    case 'kneeFlexionDeg':
      return per(['hip', 'knee', 'ankle']);
    case 'kneeSeparationRatio':
      return ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
    case 'heelLift':
    case 'footAngleDeg':
      return per(['ankle', 'heel', 'foot_index']);
    case 'shinAngleDeg':
      return per(['knee', 'ankle']);
    case 'torsoAngleDeg':
    case 'hipShift':
      return ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'];
    case 'trunkTibiaDeg':
      return ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', ...per(['knee', 'ankle'])];
    case 'buttWink':
    case 'hipFlexionDeg':
      return ['left_shoulder', 'right_shoulder', ...per(['hip', 'knee'])];
    case 'depth':
    case 'thighAngleDeg':
      return per(['hip', 'knee']);
  }
}

/** The keypoint next to which the metric's value is written on the overlay. */
export function metricAnchor(key: MetricKey, side: Side | null): string {
  const s = side ?? 'left';
  switch (key) {
    case 'heelLift':
    case 'footAngleDeg':
      return `${s}_heel`;
    case 'shinAngleDeg':
      return `${s}_ankle`;
    case 'torsoAngleDeg':
    case 'trunkTibiaDeg':
    case 'buttWink':
    case 'hipFlexionDeg':
    case 'hipShift':
    case 'depth':
    case 'thighAngleDeg':
      return `${s}_hip`;
    default:
      return `${s}_knee`;
  }
}

/**
 * The metrics written beside the joints on the video by default: the first two this view can
 * measure, in this order (knee bend and torso lean from the side; knee valgus from the front).
 */
export function overlayMetricsFor(measurability: Partial<Record<MetricKey, { measurable: boolean }>> | undefined, count = 2): MetricKey[] {
  const preferred: MetricKey[] = ['kneeFlexionDeg', 'torsoAngleDeg', 'kneeValgusDeg', 'trunkTibiaDeg', 'heelLift', 'hipShift'];
  return preferred.filter((key) => measurability?.[key]?.measurable).slice(0, count);
}
