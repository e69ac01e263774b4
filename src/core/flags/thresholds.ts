/**
 * Every number that turns a metric into a flag, with where it comes from. Where no study
 * gives a number, the comment says so and gives the reasoning instead; those are the
 * numbers to revisit first when better evidence appears.
 *
 * Each fault has three tiers: a rep's peak at or above `mild` raises a flag; `moderate` and
 * `severe` grade it. For shallow depth the scale runs the other way (lower = worse).
 */

export interface Tiers {
  mild: number;
  moderate: number;
  severe: number;
}

/**
 * Knee valgus, frontal-plane projection angle (FPPA), degrees, positive = knee inward.
 * Herrington & Munro 2010 (Phys Ther Sport 11:56, drop-jump landing, 2D FPPA): normal ranges
 * 3-8 deg in men and 7-13 deg in women. We do not know the lifter's sex, so:
 *   mild     8 deg  = top of the men's normal range,
 *   moderate 13 deg = top of the women's normal range (beyond any normal range),
 *   severe   20 deg = ours: 7 deg past the women's range, i.e. more than twice the 2-4 deg
 *                     2D-vs-3D error of FPPA (REFERENCE.md §3), so clearly outside normal.
 * FPPA explains only 0-64 % of true 3D valgus (Straub & Powers 2022): flags stay advisory.
 */
export const KNEE_VALGUS_DEG: Tiers = { mild: 8, moderate: 13, severe: 20 };

/**
 * Knee drift (metrics/knee_drift.ts: the knee's inward travel relative to its own ankle since
 * standing, in leg lengths), the metric the knees-cave-in flag reads. Its tiers are the FPPA
 * norms above turned into the inward travel that makes them: a knee moved m inward of the
 * hip-ankle line halfway along a straight leg of length L makes FPPA = 2 atan(2 m / L), so
 * m / L = tan(FPPA / 2) / 2 = 0.035 / 0.057 / 0.088 for 8 / 13 / 20 deg (3 / 5 / 7.5 cm on a
 * 0.86 m leg). At depth the foreshortened thigh makes the same m a larger FPPA, so these are the
 * conservative reading (fewer flags).
 */
export const KNEE_DRIFT_LEG: Tiers = { mild: 0.035, moderate: 0.057, severe: 0.088 };

/**
 * From a 45-degree view knee drift must clear its tiers by 0.05 leg lengths more: the largest
 * error kneeDrift made on the exact synthetic squat filmed by a pinhole camera 3 m away at
 * 20-60 deg of yaw was 0.043 (perspective makes the near knee look bigger; docs/accuracy.md,
 * Knee), rounded up. From behind its confidence is halved instead (metrics/knee_drift.ts: the
 * knees are hidden at the bottom), below what a flag needs.
 */
export const KNEE_DRIFT_OBLIQUE_ALLOWANCE = 0.05;

/**
 * Heel lift, the rear foot's rise about the toes in foot lengths (metrics/heel_lift.ts); a foot
 * is 0.152 H (Winter 2009), 26.6 cm on a 1.75 m adult, so 0.10 ~ 2.7 cm. NASM's overhead-squat
 * assessment counts any visible heel rise as a compensation ("heels rise"); the tiers say how much:
 *   mild     0.10 (~2.5 cm): a 25 mm heel wedge already makes back squats measurably more upright
 *            and deeper (Monteiro et al. 2022, Hum Mov 23(2):97, 15 lifters; weightlifting
 *            shoes raise the heel 13 mm, which is inside our keypoint noise);
 *   moderate 0.15 (~4 cm): the Functional Movement Screen scores a deep squat a grade lower when
 *            it needs the heels on a 2x6 board (1.5 in, 3.8 cm; Cook et al., FMS manual);
 *   severe   0.20 (~5 cm): the 50 mm wedge of Monteiro et al.; the lifter on the balls of the feet.
 * Noise floor, measured at each rep's bottom: on the heels-down feet of the shared clips the
 * measure reaches 0.09 with the full model (0.16 on a 240 px clip, too small to flag; 0.16 with
 * lite), below the mild tier (docs/accuracy.md).
 */
export const HEEL_LIFT_FOOT_FRACTION: Tiers = { mild: 0.1, moderate: 0.15, severe: 0.2 };

/**
 * Forward lean, trunk angle minus tibia angle (both from vertical), degrees.
 * NASM overhead-squat assessment: the torso should stay parallel with the tibia; Uplift
 * flags trunk and tibia more than 20 deg from parallel (REFERENCE.md §3). mild = 20 deg;
 * moderate 30 and severe 45 deg are our grading steps (45 deg = trunk halfway to horizontal
 * relative to the shin), not from a study.
 */
export const FORWARD_LEAN_TRUNK_TIBIA_DEG: Tiers = { mild: 20, moderate: 30, severe: 45 };

/**
 * Forward lean from the torso angle alone (trunk from vertical), used only when the shins
 * cannot be measured. How much lean is right depends on limb proportions and bar position
 * (Glassbrook et al. 2017, J Strength Cond Res 31:2618, high- vs low-bar review: low-bar
 * squats lean more), so this absolute scale is deliberately loose and ours: 60 deg from
 * vertical is two-thirds of the way to horizontal, 70 deg is "chest to knees", 80 deg is
 * nearly horizontal. Prefer the trunk-tibia rule above.
 */
export const FORWARD_LEAN_TORSO_DEG: Tiers = { mild: 60, moderate: 70, severe: 80 };

/**
 * Butt wink proxy, degrees of extra trunk-thigh rotation in late descent not explained by
 * the knee (src/core/butt_wink.ts). No study validates a 2D-keypoint proxy. Keypoint
 * angles carry ~7 deg of error (BlazePose knee-angle MAE 7.1 deg, REFERENCE.md §3), so only
 * changes above that can be told from error: mild 10 deg; moderate 15 and severe 25 deg
 * are our grading steps (about 2x and 3.5x the angle error), not from a study. Advisory.
 */
export const BUTT_WINK_DEG: Tiers = { mild: 10, moderate: 15, severe: 25 };

/**
 * Shallow depth, thigh angle at the bottom (hip joint to knee joint from horizontal, + = hip
 * below knee; a lower-is-worse scale). The flag itself judges each rep against the lifter's own
 * depth target with the view's error (depth_judgement.ts: parallel = -10 deg, +-7 deg from the
 * side, +-15 deg from 45 degrees; "short" only beyond the error, moderate 15 deg beyond that,
 * never severe). These tiers are that rule for the default target from the side, for what reads
 * one set of tiers (charts, trends): mild below -17, moderate below -32; severe at -90 (never: a
 * thigh cannot point higher).
 */
export const SHALLOW_DEPTH_THIGH_DEG: Tiers = { mild: -17, moderate: -32, severe: -90 };

/**
 * Lateral hip shift, hip-mid offset from the ankle-mid divided by hip width (signed,
 * positive = toward the lifter's left), measured from where the hips were while standing.
 * No study gives a threshold. The floor is set by what a "front" view cannot tell apart: at
 * parallel the hips travel ~0.2 m backward relative to the ankles, and a camera yawed by
 * 10-15 deg (still a front view to view detection) turns 0.2 sin(yaw) m of that into apparent
 * sideways shift, 0.035-0.05 m, i.e. 0.2-0.3 of BlazePose's ~0.18 m hip-joint width. So:
 * mild 0.3 hip widths (~5 cm, beyond that leak and visible to a coach), moderate 0.4,
 * severe 0.5 (grading steps of ours).
 */
export const HIP_SHIFT_HIP_WIDTH: Tiers = { mild: 0.3, moderate: 0.4, severe: 0.5 };

/** A flag needs at least this metric confidence at its peak (computeFrameMetrics' 0..1). */
export const MIN_FLAG_CONFIDENCE = 0.5;

/**
 * Bishop et al. 2016 (Strength Cond J 38(6):27, "Asymmetries of the lower limb: the
 * calculation conundrum"; REFERENCE.md §3): an asymmetry index around 10 % is associated
 * with reduced performance. Used to word findings, not to decide whether an asymmetry is real.
 */
export const SYMMETRY_INDEX_NOTABLE_PCT = 10;

/**
 * Shin angle from vertical at the bottom below which limited ankle dorsiflexion is a
 * plausible driver: a squat needs roughly 18-25 deg of dorsiflexion (REFERENCE.md §3).
 */
export const SHIN_ANGLE_LIMITED_DEG = 18;

/** Grade a value against ascending tiers; null when below mild. */
export function gradeAscending(value: number, t: Tiers): 'mild' | 'moderate' | 'severe' | null {
  if (!Number.isFinite(value) || value < t.mild) return null;
  if (value >= t.severe) return 'severe';
  if (value >= t.moderate) return 'moderate';
  return 'mild';
}

/** Grade a value against descending tiers (lower = worse); null when at or above mild. */
export function gradeDescending(value: number, t: Tiers): 'mild' | 'moderate' | 'severe' | null {
  if (!Number.isFinite(value) || value >= t.mild) return null;
  if (value < t.severe) return 'severe';
  if (value < t.moderate) return 'moderate';
  return 'mild';
}
