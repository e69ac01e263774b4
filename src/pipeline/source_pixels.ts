/** Keypoints from a scaled frame back to the displayed source pixels the PoseTrack is in. */
import type { PoseFrame } from '../core/types';
import type { DecodedFrame } from '../video/open_video';

/** Keypoints come back in the (possibly scaled) frame's pixels; the track is in displayed source pixels. */
export function toSourcePixels(pose: PoseFrame, frame: Pick<DecodedFrame, 't' | 'toSourceX' | 'toSourceY'>): PoseFrame {
  const keypoints =
    pose.keypoints && (frame.toSourceX !== 1 || frame.toSourceY !== 1)
      ? pose.keypoints.map((k) => ({ ...k, x: k.x * frame.toSourceX, y: k.y * frame.toSourceY }))
      : pose.keypoints;
  // The timestamp is the file's own, whatever the estimator echoes back.
  return { ...pose, t: frame.t, keypoints };
}
