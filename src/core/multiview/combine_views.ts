/**
 * Two analysed videos of one set, read together: their time alignment, the reps matched across
 * them, and (fuse.ts) each metric from the view that measures it best. Pure, the same in the
 * CLI and the browser; each video is analysed on its own first (core analyze()).
 */
import type { Analysis, PoseTrack } from '../types';
import { alignSignals, matchReps, type RepMatch, type TimeAlignment } from './time_alignment';
import { motionSignals } from './motion_signals';

export interface ViewInput {
  /** Shown to the user ("front.mp4"). */
  name: string;
  track: PoseTrack;
  analysis: Analysis;
}

export interface CombinedViews {
  /** tA = tB + offsetS, with its confidence. */
  alignment: TimeAlignment;
  /** Reps of A and B that are the same movement. */
  repMatches: RepMatch[];
}

/** Aligns the two videos in time and matches their reps. */
export function combineViews(a: ViewInput, b: ViewInput, alignment?: TimeAlignment): CombinedViews {
  const al = alignment ?? alignSignals(motionSignals(a.track), motionSignals(b.track));
  return { alignment: al, repMatches: matchReps(a.analysis.reps, b.analysis.reps, al.offsetS) };
}
