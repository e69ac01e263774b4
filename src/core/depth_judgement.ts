/**
 * Depth judged against the depth the lifter aims for, once per rep and once per set, with the
 * error the view allows: one statement per view, never "reached parallel" beside "depth not
 * measurable", and never a "too shallow" inside the measurement error.
 *
 * What is read:
 * - Side and 45-degree views: the thigh angle at the bottom (hip joint to knee joint from
 *   horizontal, + = hip below knee; metrics/thigh_angle.ts), against the target's angle below.
 * - Front (and rear) views: the thigh angle cannot be read (the thigh points at the camera), but
 *   the hip height at the bottom can (hip-mid height above the ankles / standing). With thigh and
 *   shank of equal length (Winter 2009: 0.245 H and 0.246 H) that height is
 *   (cos(shin) - sin(thigh))/2, which also depends on how far the shins lean (10-40 deg in a
 *   squat; REFERENCE.md §3: a squat needs 18-25 deg of dorsiflexion). So a front view can say
 *   "reached" only when even the most forward shins (40 deg) would put the thigh past the target
 *   plus the error, and "short" only when even upright shins (10 deg) would leave it above the
 *   target minus the error; in between it says so, and that a side view would measure it.
 *
 * Targets (joint-centre thigh angle at the bottom; the joint centres are what keypoints mark):
 * - parallel: -10 deg. Powerlifting's depth rule (IPF Technical Rules: the hip crease below the
 *   top of the knee) is judged on surface points; the crease sits a few cm below the hip joint
 *   and the top of the knee ~5 cm above the knee joint, together ~8 cm over a ~43 cm thigh, so
 *   "crease level with the top of the knee" is a joint-centre thigh angle of about -10 deg (our
 *   estimate; docs/metrics.md "Reading depth against the powerlifting rule").
 * - above_parallel: -25 deg, about a half squat: with shins at 20-30 deg the knee is bent about
 *   90 deg (knee flexion = 90 + thigh angle + shin angle), the half squat of Schoenfeld 2010
 *   (J Strength Cond Res 24:3497: partial ~40, half 70-100, deep > 100 deg of knee flexion).
 * - full: +15 deg, hip clearly below the knee (knee flexion about 135 deg with 30 deg shins):
 *   ours, a "deep" squat well past Schoenfeld's 100 deg.
 *
 * Error of the thigh angle (REFERENCE.md §3): BlazePose's knee angle from a true side view is
 * -2.3 +/- 6.4 deg (MAE 7.1 deg with the heavy model), so +-7 deg from the side; from other
 * angles -13.9 +/- 15.1 deg, so +-15 deg from 45 degrees.
 *
 * Severity of "short": depth is a training choice (Schoenfeld 2010: partial squats are
 * programmed on purpose), not an injury risk, so missing the target is mild, and moderate when
 * it is missed by more than 15 deg beyond the error (about the step from parallel to a half
 * squat); never severe.
 */
import type { DepthTarget, Rep, ViewKind } from './types';
import { repValue } from './series';

export type { DepthTarget };
export const DEPTH_TARGETS: readonly DepthTarget[] = ['above_parallel', 'parallel', 'full'];
export const DEFAULT_DEPTH_TARGET: DepthTarget = 'parallel';

/** Target thigh angle at the bottom, degrees (+ = hip below knee). */
export const DEPTH_TARGET_THIGH_DEG: Record<DepthTarget, number> = { above_parallel: -25, parallel: -10, full: 15 };

/** The target in words: "parallel", "your half-squat depth", "full depth". */
export const DEPTH_TARGET_WORDS: Record<DepthTarget, string> = {
  above_parallel: 'half-squat depth (above parallel)',
  parallel: 'parallel',
  full: 'full depth (hips below the knees)',
};

/** Thigh-angle error by view, degrees (see the file comment). */
export const THIGH_ANGLE_ERROR_DEG: Record<'side' | 'oblique', number> = { side: 7, oblique: 15 };

/** Missed by more than this beyond the error: moderate (see the file comment). */
export const SHALLOW_MODERATE_EXTRA_DEG = 15;

/** Shin lean range in a squat, degrees from vertical, for reading depth from the hip height. */
const SHIN_RANGE_DEG = [10, 40] as const;

const rad = (d: number) => (d * Math.PI) / 180;

/** Hip height above the ankles / standing, for a thigh angle and shin angle (equal thigh and shank). */
export function hipHeightAt(thighDeg: number, shinDeg: number): number {
  return (Math.cos(rad(shinDeg)) - Math.sin(rad(thighDeg))) / 2;
}

export type DepthVerdict = 'reached' | 'about' | 'short' | 'not_judged';

export interface RepDepth {
  verdict: DepthVerdict;
  /** What it was read from. */
  by: 'thigh_angle' | 'hip_height' | null;
  /** Thigh angle (deg) or hip height (fraction of standing), as read. */
  value: number | null;
  /** How far short of the target, degrees (thigh angle only; > 0 when short). */
  shortByDeg: number | null;
  /** The error allowed, degrees of thigh angle. */
  errorDeg: number;
  /** Graded only when short. */
  severity: 'mild' | 'moderate' | null;
  view: ViewKind;
}

export interface RepDepthInput {
  view: ViewKind;
  /** The rep's thigh angle at the bottom with its confidence, or null where not measured. */
  thighAngleDeg: { value: number; confidence: number } | null;
  /** Hip height at the bottom / standing, or null (bottom not seen). */
  bottomHipHeight: number | null;
  /** False when the clip cut the rep before its bottom. */
  bottomSeen: boolean;
  minConfidence: number;
}

export function judgeRepDepth(input: RepDepthInput, target: DepthTarget): RepDepth {
  const T = DEPTH_TARGET_THIGH_DEG[target];
  const none = (errorDeg: number): RepDepth => ({ verdict: 'not_judged', by: null, value: null, shortByDeg: null, errorDeg, severity: null, view: input.view });
  if (!input.bottomSeen) return none(THIGH_ANGLE_ERROR_DEG.side);
  if (input.view === 'side' || input.view === 'oblique') {
    const E = THIGH_ANGLE_ERROR_DEG[input.view];
    const a = input.thighAngleDeg;
    if (!a || !(a.confidence >= input.minConfidence) || !Number.isFinite(a.value)) return none(E);
    const short = T - a.value;
    const verdict: DepthVerdict = a.value >= T + E ? 'reached' : short > E ? 'short' : 'about';
    return {
      verdict,
      by: 'thigh_angle',
      value: a.value,
      shortByDeg: short > 0 ? short : 0,
      errorDeg: E,
      severity: verdict === 'short' ? (short > E + SHALLOW_MODERATE_EXTRA_DEG ? 'moderate' : 'mild') : null,
      view: input.view,
    };
  }
  // Front view: the hip height, against the band that shin lean leaves open.
  const E = THIGH_ANGLE_ERROR_DEG.side;
  const h = input.bottomHipHeight;
  if (h === null || !Number.isFinite(h)) return none(E);
  const reachedBelow = hipHeightAt(T + E, SHIN_RANGE_DEG[1]);
  const shortAbove = hipHeightAt(T - E, SHIN_RANGE_DEG[0]);
  const moderateAbove = hipHeightAt(T - E - SHALLOW_MODERATE_EXTRA_DEG, SHIN_RANGE_DEG[0]);
  const verdict: DepthVerdict = h <= reachedBelow ? 'reached' : h > shortAbove ? 'short' : 'not_judged';
  return {
    verdict,
    by: 'hip_height',
    value: h,
    shortByDeg: null,
    errorDeg: E,
    severity: verdict === 'short' ? (h > moderateAbove ? 'moderate' : 'mild') : null,
    view: input.view,
  };
}

/** The hip-height band a front view cannot judge, for a target: [reached at or below, short above]. */
export function frontDepthBand(target: DepthTarget): [number, number] {
  const T = DEPTH_TARGET_THIGH_DEG[target];
  const E = THIGH_ANGLE_ERROR_DEG.side;
  return [hipHeightAt(T + E, SHIN_RANGE_DEG[1]), hipHeightAt(T - E, SHIN_RANGE_DEG[0])];
}

const pct = (v: number) => `${Math.round(v * 100)} %`;
const degAbove = (v: number) => (v < 0 ? `${Math.round(-v)}° above parallel` : v > 0 ? `${Math.round(v)}° below parallel` : 'at parallel');

function range(values: number[], fmt: (v: number) => string): string {
  const s = [...values].sort((a, b) => a - b);
  const lo = fmt(s[0]), hi = fmt(s[s.length - 1]);
  return lo === hi ? lo : `${lo} to ${hi}`;
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence about the set's depth, from one view, against the target. */
export function depthStatement(reps: readonly RepDepth[], target: DepthTarget): { text: string; measurable: boolean } {
  const goal = DEPTH_TARGET_WORDS[target];
  if (!reps.length) return { text: 'No reps to judge depth on.', measurable: false };
  const n = reps.length;
  const count = (v: DepthVerdict, from: readonly RepDepth[] = reps) => from.filter((r) => r.verdict === v).length;
  /** "", "both reps ", "all 3 reps ", "2 of 3 reps " */
  const onReps = (k: number) => (n === 1 ? 'the rep ' : k === n ? (n === 2 ? 'both reps ' : `all ${n} reps `) : `${k} of ${n} reps `);
  if (reps.every((r) => r.view === 'front')) {
    const heights = reps.map((r) => r.value).filter((v): v is number => v !== null);
    if (!heights.length) return { text: 'Depth not judged: the bottom of the rep was not seen clearly.', measurable: false };
    const where = `hips down to ${range(heights, pct)} of standing height, front view`;
    const reached = count('reached'), short = count('short');
    if (reached === n) return { text: sentence(`${onReps(n)}reached ${goal} (${where}).`), measurable: true };
    if (short === n) return { text: sentence(`${onReps(n)}stopped short of ${goal} (${where}).`), measurable: true };
    const [lo, hi] = frontDepthBand(target);
    const parts: string[] = [];
    if (reached) parts.push(`${onReps(reached)}reached ${goal}`);
    if (short) parts.push(`${onReps(short)}stopped short of it`);
    const head = parts.length ? `${parts.join(', ')}; ` : '';
    return {
      text: sentence(`${head}depth not judged on ${reached + short ? 'the others' : onReps(n).trim()} (${where}): from the front, hips between ${pct(lo)} and ${pct(hi)} of standing height can be either side of ${goal}, depending on how far the shins lean, which a side or 45-degree view shows.`),
      measurable: reached + short > 0,
    };
  }
  const byThigh = reps.filter((r) => r.by === 'thigh_angle');
  if (!byThigh.length) return { text: 'Depth not judged: the thigh was not seen clearly at the bottom of any rep.', measurable: false };
  const E = Math.max(...byThigh.map((r) => r.errorDeg));
  const tail = ` (thigh ${range(byThigh.map((r) => r.value as number), degAbove)}; this view reads it to about ±${E}°)`;
  const reached = count('reached'), about = count('about'), short = count('short');
  if (reached === n) return { text: sentence(`${onReps(n)}reached ${goal}${tail}.`), measurable: true };
  if (short === n) return { text: sentence(`${onReps(n)}stopped short of ${goal}${tail}.`), measurable: true };
  if (about === n) return { text: sentence(`${onReps(n)}came to about ${goal}, within what this view can tell${tail}.`), measurable: true };
  const parts: string[] = [];
  if (reached) parts.push(`${onReps(reached)}reached ${goal}`);
  if (about) parts.push(`${onReps(about)}came to about it (within what this view can tell)`);
  if (short) parts.push(`${onReps(short)}stopped short of it`);
  if (n > byThigh.length) parts.push(`${onReps(n - byThigh.length)}not judged`);
  return { text: sentence(`${parts.join(', ')}${tail}.`), measurable: true };
}

/** Flags need this confidence (flags/thresholds.ts MIN_FLAG_CONFIDENCE); repeated to keep this file free of the flag stage. */
const MIN_CONFIDENCE = 0.5;

/** Every rep of an Analysis judged against a target (reps' own view, thigh angle and bottom hip height). */
export function judgeReps(reps: readonly Rep[], target: DepthTarget, minConfidence = MIN_CONFIDENCE): RepDepth[] {
  return reps.map((r) => {
    const m = repValue(r, 'thighAngleDeg', null);
    return judgeRepDepth(
      {
        view: m?.view ?? r.view,
        thighAngleDeg: m ? { value: m.value, confidence: m.confidence } : null,
        bottomHipHeight: r.bottomHipHeight ?? null,
        // The rep stage sets bottomHipHeight only when the rep's bottom was seen.
        bottomSeen: r.bottomHipHeight !== undefined,
        minConfidence,
      },
      target,
    );
  });
}

/** The set's depth in one sentence, as the findings and the report say it. */
export function depthSummary(analysis: { reps: readonly Rep[]; settings?: { depthTarget: DepthTarget } }): { text: string; measurable: boolean; reps: RepDepth[] } {
  const target = analysis.settings?.depthTarget ?? DEFAULT_DEPTH_TARGET;
  const reps = judgeReps(analysis.reps, target);
  return { ...depthStatement(reps, target), reps };
}
