/**
 * The keypoint clean-up chain, in place on a KeypointSeries (source pixels):
 * recorded video: left/right swap guard -> spike rejection -> short-gap fill -> zero-phase
 * Butterworth (6 Hz); live: swap guard -> One Euro filter (causal). Only the keypoints core
 * measures with are processed (the face and hands pass through untouched), which keeps an
 * hour of 60 fps video well inside the time budget. REFERENCE.md §3 "Filtering".
 */
import { fillGaps, DEFAULT_GAP_FILL } from './gap_fill';
import { MEASURED_KEYPOINTS, type KeypointSeries } from '../keypoint_access';
import { guardLeftRightSwaps } from './left_right_swap_guard';
import { oneEuroSeries } from './one_euro_filter';
import { rejectSpikes } from './outlier_rejection';
import { butterworthLowPass, lowPassSeries, usableCutoffHz } from './zero_phase_low_pass';

export interface FilterConfig {
  mode: 'recorded' | 'live';
  minScore: number;
  /** Butterworth cut-off, Hz (recorded). */
  cutoffHz: number;
}

export const DEFAULT_FILTER: FilterConfig = { mode: 'recorded', minScore: 0.3, cutoffHz: 6 };

export interface FilterReport {
  swapsFixed: number;
  spikesRejected: number;
  cutoffHz: number | null;
}

/** scalePx = a typical body length in pixels (hip-to-ankle), to size the thresholds. */
export function filterKeypoints(s: KeypointSeries, fps: number, scalePx: number, cfg: FilterConfig = DEFAULT_FILTER): FilterReport {
  const report: FilterReport = { swapsFixed: 0, spikesRejected: 0, cutoffHz: null };
  if (s.n === 0) return report;
  const scale = scalePx > 0 ? scalePx : 100;
  report.swapsFixed = guardLeftRightSwaps(s, { minScore: cfg.minScore, minCostPx: 0.08 * scale, ratio: 0.5 });
  if (cfg.mode === 'live') {
    for (const k of MEASURED_KEYPOINTS) {
      oneEuroSeries(s.x, s.score, k * s.n, s.n, s.t, cfg.minScore);
      oneEuroSeries(s.y, s.score, k * s.n, s.n, s.t, cfg.minScore);
    }
    return report;
  }
  const cutoff = usableCutoffHz(cfg.cutoffHz, fps);
  const biquad = butterworthLowPass(cutoff, fps);
  report.cutoffHz = cutoff;
  // A real joint moves at most a few metres per second; 25 % of a leg length within one frame
  // and back again is a detection error, not motion.
  const spikePx = 0.25 * scale;
  for (const k of MEASURED_KEYPOINTS) {
    const off = k * s.n;
    report.spikesRejected += rejectSpikes(s.x, s.y, s.score, off, s.n, { spikePx, minScore: cfg.minScore });
    fillGaps(s.x, s.y, s.score, off, s.n, s.t, { ...DEFAULT_GAP_FILL, minScore: cfg.minScore });
    lowPassSeries(s.x, s.y, s.score, off, s.n, biquad, cfg.minScore);
  }
  return report;
}
