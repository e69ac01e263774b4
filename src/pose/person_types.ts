/**
 * What the pose estimator says about several people (person_tracker.ts), carried through the
 * pipeline frame by frame until the lifter is chosen (src/pipeline/person_choice.ts).
 */
import type { PoseFrame } from '../core/types';

/** One tracked person in one frame. `id` is stable within a clip; 0 is the first person found. */
export interface PersonPose extends PoseFrame {
  id: number;
}

/**
 * A PoseFrame as the estimator returns it: `keypoints` are person 0's (what BlazePose alone would
 * have given); `people` lists everyone tracked in the frame, once a second person has been found.
 * Never stored: the pipeline replaces it with the chosen person's plain PoseFrame.
 */
export interface PoseFrameWithPeople extends PoseFrame {
  people?: PersonPose[];
}
