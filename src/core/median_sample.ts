/**
 * Medians a clip takes over its standing frames once (the lifter's orientation from the 3D hips,
 * the stance of the feet) read at most MEDIAN_SAMPLE_FRAMES of them, evenly spread through the
 * clip. A set rarely stands that long (two minutes at 30 fps), so for a set nothing changes; an
 * hour-long recording then pays for these medians what a set does, and its median still rests on
 * thousands of frames from every part of the hour.
 */
export const MEDIAN_SAMPLE_FRAMES = 3600;

/** Take every stride-th of `count` candidate frames so at most MEDIAN_SAMPLE_FRAMES are read. */
export function medianSampleStride(count: number): number {
  return Math.max(1, Math.ceil(count / MEDIAN_SAMPLE_FRAMES));
}
