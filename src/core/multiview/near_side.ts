/**
 * Which of the lifter's sides faces the camera, from BlazePose's own scores: the near leg is
 * seen, the far one is behind it and scored lower (REFERENCE.md §3; the rear foot in a side
 * view is often misplaced, mediapipe issues 3496 and 4969). Used to read a per-side metric from
 * the video that sees that side, and to label two side videos "left side" and "right side".
 */
import type { PoseTrack, Side } from '../types';

const LEG = ['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const;
/**
 * Mean score difference below which neither side is nearer (a front or rear view scores both
 * legs alike). The synthetic figure's side view differs by 0.35; BlazePose's far leg in a side
 * view scores 0.5-0.7 against ~0.95 near (asymmetry/rep_asymmetry.ts).
 */
const MIN_SCORE_GAP = 0.1;

export function nearSide(track: PoseTrack): Side | null {
  let left = 0, right = 0, n = 0;
  for (const frame of track.frames) {
    const kps = frame.keypoints;
    if (!kps) continue;
    let l = 0, r = 0, c = 0;
    for (const kp of kps) {
      const [side, ...rest] = kp.name.split('_');
      const part = rest.join('_');
      if (!(LEG as readonly string[]).includes(part)) continue;
      if (side === 'left') l += kp.score;
      else if (side === 'right') r += kp.score;
      c++;
    }
    if (c === 0) continue;
    left += l / (c / 2);
    right += r / (c / 2);
    n++;
  }
  if (n === 0) return null;
  const gap = (left - right) / n;
  if (Math.abs(gap) < MIN_SCORE_GAP) return null;
  return gap > 0 ? 'left' : 'right';
}
