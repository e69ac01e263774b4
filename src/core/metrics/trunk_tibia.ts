/**
 * Trunk-tibia angle: torso angle minus shin angle (both from vertical, + forward), degrees.
 * 0 = trunk parallel to the shins, the position coaches aim for; + = trunk leans more than
 * the shins. Uplift flags more than 20 deg from parallel (REFERENCE.md §3); the difference
 * adapts to limb proportions better than an absolute torso angle. The shin is the mean of the
 * visible sides, weighted by confidence.
 */
import type { MetricSeries } from './metric_context';
import { newSeries } from './metric_context';

export function trunkTibiaDeg(torso: MetricSeries, shinLeft: MetricSeries, shinRight: MetricSeries): MetricSeries {
  const n = torso.value.length;
  const out = newSeries(n);
  for (let i = 0; i < n; i++) {
    const t = torso.value[i];
    if (!(t === t)) continue;
    const l = shinLeft.value[i], r = shinRight.value[i];
    const cl = l === l ? shinLeft.confidence[i] : 0, cr = r === r ? shinRight.confidence[i] : 0;
    if (!(cl + cr > 0)) continue;
    const shin = ((cl ? l * cl : 0) + (cr ? r * cr : 0)) / (cl + cr);
    out.value[i] = t - shin;
    out.confidence[i] = Math.min(torso.confidence[i], Math.max(cl, cr));
  }
  return out;
}
