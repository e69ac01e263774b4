import type { Analysis, AnalyzeOptions, PoseTrack } from './types';
import { computeFrameMetrics } from './frame_metrics';
import { analyzeFrameMetrics } from './analyze_metrics';

/**
 * The core's front door: PoseTrack in, Analysis out. Pure (no DOM, no tfjs), the same in
 * Node and the browser.
 *   1. computeFrameMetrics: filtering, camera roll, view, per-frame metrics, hip height;
 *   2. analyzeFrameMetrics: reps, butt-wink proxy, per-rep measures and flags, asymmetries,
 *      findings.
 * Every field is documented in docs/analysis-format.md.
 */
export function analyze(track: PoseTrack, options: AnalyzeOptions = {}): Analysis {
  const fm = computeFrameMetrics(track, options);
  return analyzeFrameMetrics(track, fm, { depthTarget: options.depthTarget });
}
