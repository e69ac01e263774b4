/**
 * Smooths the live skeleton for drawing only, with one One Euro filter per keypoint coordinate
 * (core/filters/one_euro_filter.ts; Casiez et al. 2012): causal, steady when the lifter is still and
 * quick to follow a fast rep. The set-up checks and rep counter get the raw keypoints.
 */
import { OneEuroFilter } from '../core/filters/one_euro_filter';
import type { PoseFrame } from '../core/types';

export class OverlaySmoother {
  private filters = new Map<string, { x: OneEuroFilter; y: OneEuroFilter }>();

  reset(): void {
    this.filters.clear();
  }

  apply(frame: PoseFrame): PoseFrame {
    if (!frame.keypoints) {
      // Nobody in view: start afresh when someone steps back in, rather than sliding from old spots.
      this.filters.clear();
      return frame;
    }
    const keypoints = frame.keypoints.map((k) => {
      let f = this.filters.get(k.name);
      if (!f) {
        f = { x: new OneEuroFilter(), y: new OneEuroFilter() };
        this.filters.set(k.name, f);
      }
      const x = f.x.apply(k.x, frame.t);
      const y = f.y.apply(k.y, frame.t);
      return { ...k, x: Number.isFinite(x) ? x : k.x, y: Number.isFinite(y) ? y : k.y };
    });
    return { ...frame, keypoints };
  }
}
