/**
 * When is a clip "no person"? BlazePose tracks one body; on a clip of a lifter it finds one on
 * nearly every frame (the e2e test demands >= 95 % on side-two-reps-good.mp4). Below a fifth of
 * the frames the few hits are stray detections or a person passing through, too little for
 * rep segmentation (at least a descent and an ascent), so the app asks for a new clip instead of
 * reporting on noise. The figure is a product choice, not a published norm.
 */
import type { PoseTrack } from '../core/types';

export const MIN_POSE_COVERAGE = 0.2;

export function framesWithPose(track: PoseTrack): number {
  return track.frames.reduce((n, f) => n + (f.keypoints ? 1 : 0), 0);
}

export function poseCoverage(track: PoseTrack): number {
  return track.frames.length === 0 ? 0 : framesWithPose(track) / track.frames.length;
}
