/**
 * The things to work on for a set filmed by two cameras: each video's own verdict items
 * (findings/verdict.ts, each with its evidence frame), kept from the view that judges them best,
 * by the rule fuse.ts applies to the findings:
 *   - an item both videos have (same fault, or the same metric's left-right difference) is kept
 *     once, from the view that measures its metric better (the first video's on a tie);
 *   - an item only one video has is left out when the other video's view measures its metric
 *     better and did not find it (fuse.ts words that as a disagreement finding);
 *   - the rest are kept, worst first (severity, then confidence), at most MAX_VERDICT_ITEMS.
 * Each item keeps its own video's evidence frame, so the report can show it and play both
 * cameras from there.
 */
import { faultDef, SEVERITY_RANK } from '../flags/registry';
import { buildVerdict, MAX_VERDICT_ITEMS } from '../findings/verdict';
import type { Analysis, MetricKey, VerdictItem } from '../types';
import type { ViewInput } from './combine_views';
import type { VideoRole } from './fuse';
import { viewSupport } from './view_measures';

export interface FusedVerdictItem {
  /** The video whose verdict it comes from (its evidence frame is on that video's clock). */
  from: VideoRole;
  item: VerdictItem;
  /** The same item in the other video's verdict, when both found it. */
  alsoFrom: VideoRole | null;
}

function itemsOf(analysis: Analysis): VerdictItem[] {
  return (analysis.verdict ?? buildVerdict(analysis)).items;
}

/** The metrics an item is judged on: its numbers', else its fault's. */
function metricsOf(item: VerdictItem): MetricKey[] {
  const keys = new Set<MetricKey>(item.numbers.map((n) => n.metric));
  if (item.metric) keys.add(item.metric);
  if (!keys.size && item.fault) keys.add(faultDef(item.fault).metric);
  return [...keys];
}

/** What makes two videos' items the same thing to work on. */
function sameThing(x: VerdictItem, y: VerdictItem): boolean {
  if (x.kind !== y.kind) return false;
  if (x.kind === 'asymmetry') return x.metric !== null && x.metric === y.metric;
  return x.fault !== null && x.fault === y.fault;
}

/** How well a view measures the item's metrics (the best of them), 0 when it cannot. */
function supportIn(analysis: Analysis, item: VerdictItem, fromItsOwnView: boolean): number {
  return Math.max(
    0,
    ...metricsOf(item).map((k) => {
      if (fromItsOwnView) return viewSupport(k, item.view);
      const m = analysis.measurability[k];
      return m?.measurable ? viewSupport(k, m.view ?? analysis.view.kind) : 0;
    }),
  );
}

export function fusedVerdictItems(a: ViewInput, b: ViewInput): FusedVerdictItem[] {
  const inputs: Record<VideoRole, Analysis> = { a: a.analysis, b: b.analysis };
  const items: Record<VideoRole, VerdictItem[]> = { a: itemsOf(a.analysis), b: itemsOf(b.analysis) };
  const used = new Set<VerdictItem>();
  const kept: FusedVerdictItem[] = [];
  for (const role of ['a', 'b'] as const) {
    const other: VideoRole = role === 'a' ? 'b' : 'a';
    for (const item of items[role]) {
      if (used.has(item)) continue;
      used.add(item);
      const twin = items[other].find((y) => !used.has(y) && sameThing(item, y));
      const mine = supportIn(inputs[role], item, true);
      if (twin) {
        used.add(twin);
        const theirs = supportIn(inputs[other], twin, true);
        kept.push(theirs > mine ? { from: other, item: twin, alsoFrom: role } : { from: role, item, alsoFrom: other });
        continue;
      }
      // The other camera measures this better and found nothing: the better view wins.
      if (supportIn(inputs[other], item, false) > mine) continue;
      kept.push({ from: role, item, alsoFrom: null });
    }
  }
  return kept
    .sort((x, y) => SEVERITY_RANK[y.item.severity] - SEVERITY_RANK[x.item.severity] || y.item.confidence - x.item.confidence)
    .slice(0, MAX_VERDICT_ITEMS);
}
