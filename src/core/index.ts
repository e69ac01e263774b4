/** Public API of the analysis core (pure TypeScript: PoseTrack in, Analysis out). */
export * from './types';
export { analyze } from './analyze';
export { analyzeFrameMetrics, type FrameMetricsInput } from './analyze_metrics';
export { computeFrameMetrics } from './frame_metrics';
export { analysisToJSON, parseAnalysis, AnalysisFormatError, type AnalysisJSON, type FrameSeriesJSON } from './analysis_io';
export {
  column, columnKey, columnValue, columnConfidence, frameIndexAt, frameMetricsAt, frameConfidenceAt, repValue, repNumber, isSidedEntry,
} from './series';
export {
  METRICS, METRIC_KEYS, SIDED_METRICS, CHART_ORDER, metricDef, isMetricKey, isSidedMetric, metricKeypoints, metricAnchor,
  type MetricDef, type MetricDisplay, type PeakDirection, type ViewSupport, type AsymmetryRule,
} from './metrics/registry';
export { FAULTS, faultDef, faultOfMetric, SEVERITY_RANK, worstSeverity, type FaultDef, type FaultWords } from './flags/registry';
export { segmentReps, type SegmentRepsOptions, type RepEventIndices } from './reps/segment_reps';
export { liveRepCounter, LiveRepCounter, type LivePhase, type LiveRepState, type LiveRep } from './reps/live_rep_counter';
export * as thresholds from './flags/thresholds';
