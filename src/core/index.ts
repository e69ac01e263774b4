/** Public API of the analysis core (pure TypeScript: PoseTrack in, Analysis out). */
export * from './types';
export { analyze } from './analyze';
export { analyzeFrameMetrics, type FrameMetricsInput } from './analyze_metrics';
export { computeFrameMetrics } from './frame_metrics';
export { segmentReps, type SegmentRepsOptions, type RepEventIndices } from './reps/segment_reps';
export { liveRepCounter, LiveRepCounter, type LivePhase, type LiveRepState, type LiveRep } from './reps/live_rep_counter';
export * as thresholds from './flags/thresholds';
