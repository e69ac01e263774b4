import type { ChainLink, Fault, FlagSide, MetricKey } from '../types';

/**
 * Plain-language pieces for each fault: what it looks like, where it sits in the kinetic
 * chain (REFERENCE.md §1: ankle mobile, knee stable, hip mobile, lumbar stable, thoracic
 * mobile), and guidance worded as what to check or try, never as a diagnosis.
 */
export interface FaultWords {
  /** "heel lifts" / "knee drifts in": takes a side prefix ("left ", "both "). */
  verb: (side: FlagSide) => string;
  chain: ChainLink[];
  guidance: string;
  /** How to print a peak value of the fault's metric. */
  format: (value: number, metric: MetricKey) => string;
  /** Words for "not measurable". */
  noun: string;
}

const deg = (v: number) => `${Math.round(Math.abs(v))} deg`;
const pct = (v: number) => `${Math.round(Math.abs(v) * 100)} %`;

export function sideWord(side: FlagSide): string {
  if (side === 'left') return 'left';
  if (side === 'right') return 'right';
  if (side === 'both') return 'both';
  return '';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export { capital };

export const FAULT_WORDS: Record<Fault, FaultWords> = {
  heel_lift: {
    verb: (s) => (s === 'both' ? 'both heels lift' : s ? `${s} heel lifts` : 'heels lift'),
    chain: ['ankle'],
    guidance:
      'Heels rising usually means the ankles run out of dorsiflexion. Check each ankle with a knee-to-wall test; calf and ankle mobility work, or a small heel raise while it improves, are the usual next steps.',
    format: (v) => `${pct(v)} of foot length`,
    noun: 'heel lift',
  },
  knee_valgus: {
    verb: (s) => (s === 'both' ? 'both knees drift in' : s ? `${s} knee drifts in` : 'knees drift in'),
    chain: ['knee'],
    guidance:
      'Cue "knees out over the toes". Knees caving in often come from limited ankle dorsiflexion or weak hip abductors and external rotators; check both before loading more.',
    format: (v) => `${deg(v)} inward`,
    noun: 'knee valgus',
  },
  hip_shift: {
    verb: (s) => (s ? `hips shift toward the ${s}` : 'hips shift sideways'),
    chain: ['hip', 'pelvis'],
    guidance:
      'A lifter usually shifts toward the side that moves more freely, away from a stiffer hip or ankle. Compare the two hips and ankles; film from behind to confirm.',
    format: (v) => `${pct(v)} of hip width`,
    noun: 'hip shift',
  },
  butt_wink: {
    verb: () => 'pelvis appears to tuck under at the bottom (butt wink)',
    chain: ['pelvis', 'lumbar'],
    guidance:
      'Advisory (estimated without pelvis landmarks). If confirmed on video, squat to just above the depth where the tuck starts while ankle and hip mobility improve.',
    format: (v) => `${deg(v)} trunk-thigh change`,
    noun: 'butt wink',
  },
  forward_lean: {
    verb: () => 'torso pitches forward',
    chain: ['torso'],
    guidance:
      'Aim to keep the trunk roughly parallel to the shins. Forward lean comes from limited ankle dorsiflexion (shins cannot travel) or tight hip flexors and a hip-dominant pattern; the shin angle tells which.',
    format: (v, m) => (m === 'trunkTibiaDeg' ? `trunk ${deg(v)} past the shin line` : `trunk ${deg(v)} from vertical`),
    noun: 'forward lean',
  },
  shallow_depth: {
    verb: () => 'squat stops above parallel',
    chain: ['hip'],
    guidance:
      'If full depth is the goal, practise to a box or pause at the bottom; if depth stops short because heels lift or the pelvis tucks, work on ankle and hip mobility first.',
    format: (v) => (v < 0 ? `thigh ${deg(v)} above parallel` : `thigh ${deg(v)} below parallel`),
    noun: 'depth',
  },
};

/** The metric each fault is judged on, for trends and "not measurable" notes. */
export const FAULT_METRIC: Record<Fault, MetricKey> = {
  heel_lift: 'heelLift',
  knee_valgus: 'kneeValgusDeg',
  hip_shift: 'hipShift',
  butt_wink: 'buttWink',
  forward_lean: 'trunkTibiaDeg',
  shallow_depth: 'thighAngleDeg',
};
