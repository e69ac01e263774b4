/**
 * Which foot, if either, the camera cannot see: in a side view one foot stands behind the other
 * and BlazePose places the hidden heel, ankle and toe on the near leg or guesses them
 * (REFERENCE.md §3 and §6: "the rear foot in a side view is often misplaced", mediapipe issues
 * 3496, 4969). A hidden foot is "not measurable", never a number.
 *
 * Read from the stance while standing (the feet stay put through a squat, and standing frames
 * are the model's best): the ankles' separation across the picture, in foot breadths (foot
 * breadth 0.055 H over thigh + shank 0.491 H, Winter 2009: 0.112 leg lengths). Below one
 * breadth the feet overlap in the picture and the far one is hidden. Above it the far foot is
 * partly hidden until the ankles are 3 breadths apart, and its confidence ramps from 0 to 1:
 * at the bottom the near shin travels forward ~0.25 leg lengths, which a 45-degree camera sees
 * as ~1.6 breadths sideways across the far foot, plus the foot's own breadth. Front views
 * separate the ankles by 3-6 breadths, 45-degree views by 1.1-3.5, side views by 0.05-0.6
 * (fixtures/tracks, all four track sets). The end of the ramp was revisited after the mirrored
 * rear-45-degree clip (gym-rear-oblique-barbell, separation 1.9): with 2 its far foot, heels flat,
 * read a 0.40 "lift" for five frames at flag confidence. That clip is therefore no evidence for
 * the value; flag-level leave-one-clip-out cannot tell 2 from 3.5 (docs/accuracy.md).
 *
 * Which foot is the far one: the deeper one in BlazePose's keypoints3D (z grows away from the
 * camera; on the fixture clips the two feet differ by 0.23-0.59 m in side and 45-degree views,
 * and the call swaps with the labels in 13 of 13 mirrored clips), else the lower-scoring one.
 * Both readings are unchanged by mirroring the picture (only the labels swap), unlike anything
 * that reads which way the lifter faces.
 */
import { percentile } from '../standing_baseline';

/** Foot breadth per leg length (Winter 2009: foot breadth 0.055 H; thigh + shank 0.491 H). */
export const FOOT_BREADTH_PER_LEG = 0.055 / 0.491;

/** Separation (foot breadths) from which the far foot counts as fully visible. */
export const CLEAR_SEPARATION = 3;

export interface FootVisibility {
  /** Ankles' standing separation across the picture in foot breadths (NaN unknown). */
  separation: number;
  /** The foot farther from the camera: 1 left, 2 right, 0 unknown or neither. */
  far: 0 | 1 | 2;
  /** Per foot visibility factor 0..1 (0 = hidden behind the other: not measurable). */
  visibility: { left: number; right: number };
  /** How the far foot was told: 3D depth or keypoint scores. */
  farFrom: 'depth3d' | 'scores' | null;
}

export interface StanceSample {
  /** |left ankle x - right ankle x| in pixels (roll removed). */
  ankleGapPx: number;
  /** Left minus right 3D depth of ankle + heel (metres), NaN without keypoints3D. */
  depthDiffM: number;
  /** Left minus right summed ankle + heel + toe score. */
  scoreDiff: number;
}

/** Upper-middle median of the finite values (quickselect, standing_baseline.ts). */
const median = (v: number[]): number => percentile(v, 0.5);

/** Visibility of the feet from samples of the standing frames and the standing leg length. */
export function footVisibility(samples: readonly StanceSample[], legPx: number): FootVisibility {
  const breadth = FOOT_BREADTH_PER_LEG * legPx;
  const separation = breadth > 0 ? median(samples.map((s) => s.ankleGapPx / breadth)) : NaN;
  const dz = median(samples.map((s) => s.depthDiffM));
  const ds = median(samples.map((s) => s.scoreDiff));
  let far: 0 | 1 | 2 = 0;
  let farFrom: FootVisibility['farFrom'] = null;
  if (dz === dz && dz !== 0) { far = dz > 0 ? 1 : 2; farFrom = 'depth3d'; }
  else if (ds === ds && ds !== 0) { far = ds < 0 ? 1 : 2; farFrom = 'scores'; }
  const farVisibility = separation === separation ? Math.min(1, Math.max(0, (separation - 1) / (CLEAR_SEPARATION - 1))) : 1;
  // Feet overlapping with no way to tell which is behind: either may be the guessed one.
  const unknown = far === 0 && farVisibility < 1 ? 0.5 : 1;
  const visibility = {
    left: far === 1 ? farVisibility : unknown,
    right: far === 2 ? farVisibility : unknown,
  };
  return { separation, far, visibility, farFrom };
}

/**
 * What a lifter should read when one foot is not (fully) seen, or null: "the left foot is
 * behind the right one from this camera: only the right heel is measured".
 */
export function hiddenFootNote(v: FootVisibility): string | null {
  const name = (foot: 1 | 2) => (foot === 1 ? 'left' : 'right');
  if (v.far === 0) {
    return v.visibility.left < 1 ? 'the feet overlap from this camera and which one is behind cannot be told: heel lift is less sure on both' : null;
  }
  const far = name(v.far), near = name(v.far === 1 ? 2 : 1);
  if (v.visibility[far] <= 0) return `the ${far} foot is behind the ${near} one from this camera: only the ${near} heel is measured`;
  if (v.visibility[far] < 1) return `the ${far} foot is partly hidden behind the ${near} one from this camera: its heel is measured with less confidence`;
  return null;
}
