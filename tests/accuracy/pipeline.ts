/**
 * The real Node pipeline the CLI runs (ffprobe + ffmpeg frames in memory -> BlazePose on wasm ->
 * PoseTrack), for the accuracy tests: what a user of `npm run analyze` gets. One estimator is
 * loaded per model and reused (it is reset before every clip).
 */
import path from 'node:path';
import { extractPoseTrack } from '../../src/cli/pose_track';
import type { PoseTrack } from '../../src/core/types';
import { createNodePoseEstimator } from '../../src/pose/node';
import type { PoseEstimator, PoseModelName } from '../../src/pose/types';
import { CLIPS_DIR } from './track_files';

const estimators = new Map<PoseModelName, Promise<PoseEstimator>>();

export async function trackOfClip(clipFile: string, options: { model: PoseModelName; mirror?: boolean }): Promise<PoseTrack> {
  let est = estimators.get(options.model);
  if (!est) {
    est = createNodePoseEstimator({ model: options.model });
    estimators.set(options.model, est);
  }
  const { track } = await extractPoseTrack(path.join(CLIPS_DIR, clipFile), {
    model: options.model,
    estimator: await est,
    videoFilter: options.mirror ? 'hflip' : undefined,
  });
  return track;
}

export async function disposeEstimators(): Promise<void> {
  for (const e of estimators.values()) (await e).dispose();
  estimators.clear();
}

/**
 * How far a freshly extracted track is from a committed one: per frame and keypoint present in
 * both, the pixel distance, as a fraction of the standing leg (hip-ankle distance, median);
 * the 99th percentile. 0 when extraction is deterministic (it is on this machine).
 */
export function trackDistance(a: PoseTrack, b: PoseTrack): { p99LegFraction: number; framesCompared: number; frameCountsEqual: boolean } {
  const d: number[] = [];
  const legs: number[] = [];
  const n = Math.min(a.frames.length, b.frames.length);
  for (let i = 0; i < n; i++) {
    const ka = a.frames[i].keypoints, kb = b.frames[i].keypoints;
    if (!ka || !kb) continue;
    legs.push(Math.hypot(ka[23].x - ka[27].x, ka[23].y - ka[27].y));
    for (let k = 0; k < Math.min(ka.length, kb.length); k++) d.push(Math.hypot(ka[k].x - kb[k].x, ka[k].y - kb[k].y));
  }
  d.sort((x, y) => x - y);
  legs.sort((x, y) => x - y);
  const leg = legs[legs.length >> 1] || 1;
  return { p99LegFraction: d.length ? d[Math.floor(0.99 * (d.length - 1))] / leg : 0, framesCompared: n, frameCountsEqual: a.frames.length === b.frames.length };
}
