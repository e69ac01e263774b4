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
 * Heel lift, heel rise above the same foot's standing baseline divided by that foot's
 * heel-to-toe length (computeFrameMetrics' heelLift). No study gives a rise in cm that is
 * "too much": the NASM overhead-squat assessment treats any visible heel rise as a
 * compensation (heels should stay down). The floor is therefore set by what the keypoints
 * can resolve: 0.05 of foot length (~1.3 cm for a 26 cm foot, a ~3 deg heel-up foot angle)
 * is above the heel keypoint's frame-to-frame jitter after filtering; 0.10 (~2.6 cm,
 * ~6 deg) is a heel clearly off the floor; 0.20 (~5 cm, ~12 deg) is on the toes.
 */
export const HEEL_LIFT_FOOT_FRACTION: Tiers = { mild: 0.05, moderate: 0.1, severe: 0.2 };

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
 * Shallow depth from the thigh angle at the bottom (hip joint to knee joint), degrees from
 * horizontal, positive = hip below knee. Powerlifting's depth rule (IPF Technical Rules:
 * the hip crease lower than the top of the knee) is judged on surface points: the crease
 * sits below the hip joint and the top of the knee above the knee joint, together a few cm
 * over a ~43 cm thigh (REFERENCE.md §3: "hip-vs-knee height is conservative"), so a
 * joint-centre thigh angle of about -5 deg can still be legal depth. Hence:
 *   mild -5 deg (clearly above parallel once that offset is allowed for),
 *   moderate -15 deg, severe -30 deg (about a half squat, ~90 deg of knee flexion;
 *   Schoenfeld 2010, J Strength Cond Res 24:3497) - grading steps of ours.
 * Note: this is a lower-is-worse scale (tiers descend).
 */
export const SHALLOW_DEPTH_THIGH_DEG: Tiers = { mild: -5, moderate: -15, severe: -30 };

/**
 * Depth from the hip height alone, for views that cannot measure the thigh angle (front).
 * Hip height above the ankles relative to standing, with shank and thigh of equal length
 * (Winter 2009: 0.246 H and 0.245 H), is (cos(shin) + sin(thigh above horizontal)) / 2. At
 * parallel that is 0.38-0.49 for shin angles of 10-40 deg. A bottom above 0.65 means the
 * thigh stayed at least 18 deg (steep shins) to 32 deg (shins well forward) above parallel:
 * at least a "moderate" shallow squat on the thigh-angle scale above, whatever the shins did.
 * Reported as a finding (no per-rep flag: the unit is not a FrameMetrics metric).
 */
export const SHALLOW_BOTTOM_HIP_HEIGHT = 0.65;

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
