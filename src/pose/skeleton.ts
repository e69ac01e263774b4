/**
 * Which BlazePose keypoints are joined by a bone when drawing the skeleton, by name.
 * Same pairs as pose-detection's util.getAdjacentPairs(SupportedModels.BlazePose) (its
 * BLAZEPOSE_CONNECTED_KEYPOINTS_PAIRS), kept here so drawing code needs no tfjs import.
 */
import { BLAZEPOSE_KEYPOINT_NAMES } from '../core/types';

const PAIRS: [number, number][] = [
  [0, 1], [0, 4], [1, 2], [2, 3], [3, 7], [4, 5], [5, 6], [6, 8], [9, 10], [11, 12], [11, 13],
  [11, 23], [12, 14], [14, 16], [12, 24], [13, 15], [15, 17], [16, 18], [16, 20], [15, 19],
  [15, 21], [16, 22], [17, 19], [18, 20], [23, 25], [23, 24], [24, 26], [25, 27], [26, 28],
  [27, 29], [28, 30], [27, 31], [28, 32], [29, 31], [30, 32],
];

/** Index pairs into BLAZEPOSE_KEYPOINT_NAMES / a PoseFrame's keypoints array. */
export const BLAZEPOSE_EDGES: readonly (readonly [number, number])[] = PAIRS;

export const BLAZEPOSE_EDGE_NAMES: readonly (readonly [string, string])[] = PAIRS.map(([a, b]) => [
  BLAZEPOSE_KEYPOINT_NAMES[a],
  BLAZEPOSE_KEYPOINT_NAMES[b],
]);
