/**
 * Shared by the side-view metrics: how well the current view shows the sagittal plane, and
 * the forward component of an image displacement. In a side view forward = dx x facing; at
 * 45 deg the forward distance appears shortened by sin(yaw) and is divided back (the sideways
 * part of the movement leaks in, which is why oblique confidence is lower).
 */
import { type MetricContext, VIEW_OBLIQUE, VIEW_SIDE } from './metric_context';

export function sagittalViewFit(view: number): number {
  return view === VIEW_SIDE ? 1 : view === VIEW_OBLIQUE ? 0.7 : 0;
}

/** Forward component (pixels, + = the way the lifter faces) of an image x-displacement. */
export function forwardPx(ctx: MetricContext, i: number, dx: number): number {
  return (dx * ctx.facing[i]) / ctx.sagittalScale[i];
}
