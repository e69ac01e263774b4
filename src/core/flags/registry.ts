/**
 * The fault registry: one definition per fault, the only place a fault's facts live (the metric
 * it is judged on, its place in the kinetic chain, its detector and severity tiers, its words and
 * label). Findings, the report and the body diagram read these; thresholds.ts holds the numbers
 * with their sources.
 *
 * Order: the kinetic chain, ankle up (REFERENCE.md §1) - the order flags are listed in a rep and
 * findings read them.
 */
import type { ChainLink, Fault, Flag, FlagSide, MetricKey, Severity } from '../types';
import { detectButtWink } from './butt_wink';
import type { RepFlagInput } from './flag_common';
import { detectForwardLean } from './forward_lean';
import { detectHeelLift } from './heel_lift';
import { detectHipShift } from './hip_shift';
import { detectKneeValgus } from './knee_valgus';
import { detectShallowDepth } from './shallow_depth';
import {
  BUTT_WINK_DEG, FORWARD_LEAN_TRUNK_TIBIA_DEG, HEEL_LIFT_FOOT_FRACTION, HIP_SHIFT_HIP_WIDTH, KNEE_DRIFT_LEG, SHALLOW_DEPTH_THIGH_DEG,
  type Tiers,
} from './thresholds';

/** Plain-language pieces of a fault, worded as what to check or try, never as a diagnosis. */
export interface FaultWords {
  /** "heel lifts" / "knee drifts in": takes the side ("left", "both" or null). */
  verb: (side: FlagSide) => string;
  guidance: string;
  /** How to print a value of the fault's metric. */
  format: (value: number, metric: MetricKey) => string;
  /** Words for "not measurable" notes ("heel lift"). */
  noun: string;
}

export interface FaultDef {
  fault: Fault;
  /** Short label for the report ("Heel lifts"). */
  label: string;
  /** The metric the fault is judged on (trends, "not measurable" notes). */
  metric: MetricKey;
  /** Judged on this one instead when `metric` is not measurable (forward lean: torso angle without shins). */
  fallbackMetric?: MetricKey;
  /** Other metrics that tell the same fault (a finding on them is left out when the fault is flagged on that side). */
  relatedMetrics: readonly MetricKey[];
  /**
   * Its links in the kinetic chain (REFERENCE.md §1: ankle mobile, knee stable, hip mobile, lumbar
   * stable, thoracic mobile), also the body parts the report's body diagram marks for it.
   */
  chain: ChainLink[];
  /** mild / moderate / severe; `worse` says which way the scale runs. */
  tiers: Tiers;
  worse: 'higher' | 'lower';
  /** Trends are read on the magnitude (hip shift either way). */
  magnitude?: boolean;
  /** Smallest change over the set that counts as growth (fatigue), in the metric's unit. */
  fatigueMinChange: number;
  detect: (input: RepFlagInput) => Flag | null;
  words: FaultWords;
}

const deg = (v: number) => `${Math.round(Math.abs(v))} deg`;
const pct = (v: number) => `${Math.round(Math.abs(v) * 100)} %`;

/** Guidance shared by the ankle-led findings. */
export const ANKLE_GUIDANCE =
  'Heels rising usually means the ankles run out of dorsiflexion. Check each ankle with a knee-to-wall test; calf and ankle mobility work, or a small heel raise while it improves, are the usual next steps.';

export const FAULTS: readonly FaultDef[] = [
  {
    fault: 'heel_lift',
    label: 'Heel lifts',
    metric: 'heelLift',
    relatedMetrics: ['footAngleDeg'],
    chain: ['ankle'],
    tiers: HEEL_LIFT_FOOT_FRACTION,
    worse: 'higher',
    fatigueMinChange: 0.05, // foot lengths: the mild heel-lift threshold
    detect: detectHeelLift,
    words: {
      verb: (s) => (s === 'both' ? 'both heels lift' : s ? `${s} heel lifts` : 'heels lift'),
      guidance: ANKLE_GUIDANCE,
      format: (v) => `${pct(v)} of foot length`,
      noun: 'heel lift',
    },
  },
  {
    fault: 'knee_valgus',
    label: 'Knees cave in',
    metric: 'kneeDrift',
    relatedMetrics: ['kneeValgusDeg', 'kneeOffset'],
    chain: ['knee'],
    tiers: KNEE_DRIFT_LEG,
    worse: 'higher',
    fatigueMinChange: 0.035, // leg lengths: the mild knee-drift threshold
    detect: detectKneeValgus,
    words: {
      verb: (s) => (s === 'both' ? 'both knees drift in' : s ? `${s} knee drifts in` : 'knees drift in'),
      guidance:
        'Cue "knees out over the toes". Knees caving in often come from limited ankle dorsiflexion or weak hip abductors and external rotators; check both before loading more.',
      format: (v) => `${pct(v)} of leg length inward`,
      noun: 'knee valgus',
    },
  },
  {
    fault: 'hip_shift',
    label: 'Hip shift',
    metric: 'hipShift',
    relatedMetrics: [],
    // The hip-mid is the pelvis's centre: a sideways shift moves the pelvis, and the hip it
    // shifts toward (the body diagram used to mark the hip only).
    chain: ['hip', 'pelvis'],
    tiers: HIP_SHIFT_HIP_WIDTH,
    worse: 'higher',
    magnitude: true,
    fatigueMinChange: 0.1, // hip widths
    detect: detectHipShift,
    words: {
      verb: (s) => (s ? `hips shift toward the ${s}` : 'hips shift sideways'),
      guidance:
        'A lifter usually shifts toward the side that moves more freely, away from a stiffer hip or ankle. Compare the two hips and ankles; film from behind to confirm.',
      format: (v) => `${pct(v)} of hip width`,
      noun: 'hip shift',
    },
  },
  {
    fault: 'butt_wink',
    label: 'Butt wink',
    metric: 'buttWink',
    relatedMetrics: [],
    chain: ['pelvis', 'lumbar'],
    tiers: BUTT_WINK_DEG,
    worse: 'higher',
    fatigueMinChange: 5, // deg
    detect: detectButtWink,
    words: {
      verb: () => 'pelvis appears to tuck under at the bottom (butt wink)',
      guidance:
        'Advisory (estimated without pelvis landmarks). If confirmed on video, squat to just above the depth where the tuck starts while ankle and hip mobility improve.',
      format: (v) => `${deg(v)} trunk-thigh change`,
      noun: 'butt wink',
    },
  },
  {
    fault: 'forward_lean',
    label: 'Forward lean',
    metric: 'trunkTibiaDeg',
    fallbackMetric: 'torsoAngleDeg',
    relatedMetrics: [],
    chain: ['torso'],
    tiers: FORWARD_LEAN_TRUNK_TIBIA_DEG,
    worse: 'higher',
    fatigueMinChange: 5, // deg
    detect: detectForwardLean,
    words: {
      verb: () => 'torso pitches forward',
      guidance:
        'Aim to keep the trunk roughly parallel to the shins. Forward lean comes from limited ankle dorsiflexion (shins cannot travel) or tight hip flexors and a hip-dominant pattern; the shin angle tells which.',
      format: (v, m) => (m === 'trunkTibiaDeg' ? `trunk ${deg(v)} past the shin line` : `trunk ${deg(v)} from vertical`),
      noun: 'forward lean',
    },
  },
  {
    fault: 'shallow_depth',
    label: 'Shallow depth',
    metric: 'thighAngleDeg',
    relatedMetrics: [],
    chain: ['hip'],
    tiers: SHALLOW_DEPTH_THIGH_DEG,
    worse: 'lower',
    fatigueMinChange: 5, // deg of thigh angle
    detect: detectShallowDepth,
    words: {
      verb: () => 'squat stops above parallel',
      guidance:
        'If full depth is the goal, practise to a box or pause at the bottom; if depth stops short because heels lift or the pelvis tucks, work on ankle and hip mobility first.',
      format: (v) => (v < 0 ? `thigh ${deg(v)} above parallel` : `thigh ${deg(v)} below parallel`),
      noun: 'depth',
    },
  },
];

const BY_FAULT = new Map<Fault, FaultDef>(FAULTS.map((d) => [d.fault, d]));

/** The definition of one fault. */
export function faultDef(fault: Fault): FaultDef {
  const def = BY_FAULT.get(fault);
  if (!def) throw new Error(`unknown fault ${fault}`);
  return def;
}

/** The fault a metric tells (its own metric or a related one), if any. */
export function faultOfMetric(metric: MetricKey): FaultDef | undefined {
  return FAULTS.find((d) => d.metric === metric || d.relatedMetrics.includes(metric));
}

/** mild 1, moderate 2, severe 3: for sorting and for "the worst of". */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { mild: 1, moderate: 2, severe: 3 };

/** The worst severity of a list (mild for an empty one). */
export function worstSeverity(items: readonly { severity: Severity }[]): Severity {
  return items.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'mild');
}
