/**
 * The live rep count: the core's incremental counter (src/core/reps/live_rep_counter.ts) behind
 * the small interface the live engine needs, so tests can hand the engine a fake.
 */
import { liveRepCounter } from '../core/reps/live_rep_counter';
import type { PoseFrame } from '../core/types';

export interface LiveRepCount {
  reps: number;
  /** 'unknown' | 'standing' | 'descent' | 'bottom' | 'ascent'. */
  phase: string | null;
}

export interface LiveRepCounterAdapter {
  push(frame: PoseFrame): LiveRepCount;
  reset(): void;
}

export async function loadLiveRepCounter(): Promise<LiveRepCounterAdapter | null> {
  const counter = liveRepCounter();
  return {
    push(frame) {
      const state = counter.push(frame);
      return { reps: state.reps, phase: state.phase };
    },
    reset() {
      counter.reset();
    },
  };
}
