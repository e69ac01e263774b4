/**
 * Fusion of two videos of one set, rep by rep: each metric from the view that measures it best.
 *
 * No single view measures the whole chain (issue 12): the front shows knee drift and hip shift,
 * the side depth, torso, shin and the near heel. For every matched rep and metric (each side of a
 * per-side metric on its own):
 *   - each video's value is weighed by its view's support for the metric (the view-support table,
 *     view_measures.ts) x its confidence, and for a per-side metric in a side or 45-degree view
 *     by FAR_SIDE_FACTOR when that leg is the far one (near_side.ts);
 *   - the heavier value is the rep's value; both values are kept;
 *   - where both views measure it and differ by more than the sum of their errors (no one true
 *     value lies within both errors), the rep says "disagree" and keeps both, instead of
 *     averaging: the user looks at the video;
 *   - where neither can, it is "not measurable", with both videos' reasons.
 * Two side videos (the lifter's left side and right side) also give a left-right comparison of
 * the per-side sagittal metrics, each leg from the camera that sees it (cross_view_asymmetry.ts).
 */
import { SEVERITY_RANK } from '../flags/registry';
import { metricDef } from '../metrics/registry';
import type { Finding, MetricKey, Severity, Side, ViewKind } from '../types';
import type { CombinedViews, ViewInput } from './combine_views';
import { crossViewAsymmetries, type CrossViewAsymmetry } from './cross_view_asymmetry';
import { fusedVerdictItems, type FusedVerdictItem } from './fused_verdict';
import { nearSide } from './near_side';
import { LOW_CONFIDENCE } from './time_alignment';
import { FUSED_METRICS, isSided, measureOf, metricLabel, notMeasurableReason, viewSupport, type ViewMeasure } from './view_measures';

export type VideoRole = 'a' | 'b';

/**
 * Weight of the far leg's per-side values in a side or 45-degree view: the far leg is hidden
 * behind the near one and its heel and toe are placed poorly (REFERENCE.md §3), so the near
 * leg's camera wins whenever it measured the same thing.
 */
export const FAR_SIDE_FACTOR = 0.5;

export interface SourcedMeasure extends ViewMeasure {
  /** Support x confidence (x far-side factor) used to pick the best view. */
  weight: number;
  /** Error in the metric's unit from this view (the registry's singleViewError / support). */
  error: number;
}

export type FusedStatus = 'agree' | 'disagree' | 'one view' | 'not measurable';

export interface FusedValue {
  /** The best view's value, or null when not measurable. */
  value: number | null;
  from: VideoRole | null;
  view: ViewKind | null;
  confidence: number;
  a: SourcedMeasure | null;
  b: SourcedMeasure | null;
  status: FusedStatus;
  /** Why not measurable, or what the disagreement is, in words a lifter understands. */
  note: string | null;
}

export type FusedEntry = FusedValue | { left: FusedValue; right: FusedValue };

export interface FusedRep {
  /** Rep index in A and in B. */
  a: number;
  b: number;
  /** Event times on A's clock, seconds. */
  start: number;
  bottom: number;
  end: number;
  measures: Partial<Record<MetricKey, FusedEntry>>;
}

export interface FusedFinding {
  /** The video the finding was read from ('both' when each found it). */
  from: VideoRole | 'both';
  views: ViewKind[];
  text: string;
  severity: Severity | null;
  kind: Finding['kind'] | 'disagreement';
  /** What the other view said, when it matters. */
  note: string | null;
}

export interface FusedSet {
  /** Read as one set filmed by both cameras (reps fused), or as two different sets (FuseOptions). */
  sameSet: boolean;
  /** Which of the lifter's sides faces each camera (null for front and rear views). */
  nearSide: { a: Side | null; b: Side | null };
  /** One video's reps matched with the other's (CombinedViews.repMatches), fused. */
  reps: FusedRep[];
  /** Metrics neither view could measure, with both reasons. */
  notMeasurable: { metric: MetricKey; reason: string }[];
  asymmetries: CrossViewAsymmetry[];
  findings: FusedFinding[];
  /**
   * One sentence for the set, naming the view, and the things to work on: each video's own
   * verdict items with their evidence frames, kept from the view that judges them best
   * (fused_verdict.ts).
   */
  verdict: { text: string; severity: Severity | null; views: ViewKind[]; items: FusedVerdictItem[] };
}

function sourced(input: ViewInput, near: Side | null, repIndex: number, key: MetricKey, side: Side | null): SourcedMeasure | null {
  const rep = input.analysis.reps.find((r) => r.index === repIndex);
  if (!rep) return null;
  const m = measureOf(input.analysis, rep, key, side);
  if (!m) return null;
  const support = viewSupport(key, m.view);
  if (!(support > 0)) return null;
  const far = side !== null && near !== null && side !== near && m.view !== 'front';
  return { ...m, weight: support * m.confidence * (far ? FAR_SIDE_FACTOR : 1), error: metricDef(key).singleViewError / support };
}

function fuseOne(key: MetricKey, a: SourcedMeasure | null, b: SourcedMeasure | null, names: Record<VideoRole, string>): FusedValue {
  if (!a && !b) return { value: null, from: null, view: null, confidence: 0, a, b, status: 'not measurable', note: null };
  const from: VideoRole = !b || (a && a.weight >= b.weight) ? 'a' : 'b';
  const best = (from === 'a' ? a : b)!;
  const base = { value: best.value, from, view: best.view, confidence: best.confidence, a, b };
  if (!a || !b) return { ...base, status: 'one view', note: null };
  const gap = Math.abs(a.value - b.value);
  if (gap > a.error + b.error) {
    return {
      ...base,
      status: 'disagree',
      note: `${metricLabel(key)}: ${names.a} (${a.view} view) and ${names.b} (${b.view} view) differ by more than their measurement errors: check the video`,
    };
  }
  return { ...base, status: 'agree', note: null };
}

export interface FuseOptions {
  /**
   * The two videos filmed the same set at the same time. Default: they did when reps matched
   * at an offset the motion is sure of (confidence >= LOW_CONFIDENCE) or the user set by hand.
   * false = two different sets (e.g. one phone moved from the left to the right side between
   * sets): no rep is fused across them, and left vs right compares the sets' means.
   */
  sameSet?: boolean;
}

/** Fuses two analysed videos of one set (see file comment). */
export function fuseViews(a: ViewInput, b: ViewInput, combined: CombinedViews, options: FuseOptions = {}): FusedSet {
  const near = { a: nearSide(a.track), b: nearSide(b.track) };
  const names = { a: a.name, b: b.name };
  const al = combined.alignment;
  const sameSet = options.sameSet ?? (combined.repMatches.length > 0 && (al.method === 'manual' || (al.method === 'motion' && al.confidence >= LOW_CONFIDENCE)));
  const matches = sameSet ? combined.repMatches : [];
  const reps: FusedRep[] = matches.map((match) => {
    const repA = a.analysis.reps.find((r) => r.index === match.a)!;
    const measures: Partial<Record<MetricKey, FusedEntry>> = {};
    for (const key of FUSED_METRICS) {
      const one = (side: Side | null) => fuseOne(key, sourced(a, near.a, match.a, key, side), sourced(b, near.b, match.b, key, side), names);
      measures[key] = isSided(key) ? { left: one('left'), right: one('right') } : one(null);
    }
    return { a: match.a, b: match.b, start: repA.start, bottom: repA.bottom, end: repA.end, measures };
  });

  const notMeasurable: FusedSet['notMeasurable'] = [];
  for (const key of FUSED_METRICS) {
    const ra = notMeasurableReason(a.analysis, key);
    const rb = notMeasurableReason(b.analysis, key);
    if (ra !== null && rb !== null) {
      notMeasurable.push({ metric: key, reason: ra === rb ? ra : `${a.name}: ${ra}; ${b.name}: ${rb}` });
    }
  }

  const asymmetries = crossViewAsymmetries(a, b, near, sameSet ? matches : null);
  const findings = fuseFindings(a, b, reps, asymmetries, notMeasurable);
  return { sameSet, nearSide: near, reps, notMeasurable, asymmetries, findings, verdict: { ...verdictOf(findings, a, b), items: fusedVerdictItems(a, b) } };
}

/** The metrics a finding is about: those of the flags its evidence points at. */
function findingMetrics(input: ViewInput, finding: Finding): MetricKey[] {
  const keys = new Set<MetricKey>();
  for (const e of finding.evidence) {
    if (!e.fault) continue;
    for (const rep of input.analysis.reps) for (const flag of rep.flags) if (flag.fault === e.fault) keys.add(flag.metric);
  }
  return [...keys];
}

function faultsOf(finding: Finding): Set<string> {
  return new Set(finding.evidence.map((e) => e.fault).filter((f): f is NonNullable<typeof f> => !!f));
}

/**
 * Each video's findings, kept from the view that measures their metric best: a fault one view
 * found and the better view did not is left out, with a note saying so (the better view wins,
 * it is not averaged away); a fault both found is said once; "not measurable" notes only for
 * what neither view measures; the all-clear only when both views found nothing.
 */
function fuseFindings(a: ViewInput, b: ViewInput, reps: FusedRep[], asymmetries: CrossViewAsymmetry[], notMeasurable: FusedSet['notMeasurable']): FusedFinding[] {
  const out: FusedFinding[] = [];
  const inputs: Record<VideoRole, ViewInput> = { a, b };
  const viewOf = (role: VideoRole) => inputs[role].analysis.view.kind;
  // The view a finding's evidence was read from, and the view a video reads a metric from (a clip
  // may change view part way: its main view is only the fallback).
  const findingView = (role: VideoRole, f: Finding) => f.views?.[0] ?? viewOf(role);
  const metricView = (role: VideoRole, k: MetricKey) => inputs[role].analysis.measurability[k]?.view ?? viewOf(role);
  const faultFindings = (role: VideoRole) => inputs[role].analysis.findings.filter((f) => (f.kind ?? 'fault') === 'fault' || f.kind === 'chain');
  const consumed = new Set<Finding>();
  for (const role of ['a', 'b'] as const) {
    const other: VideoRole = role === 'a' ? 'b' : 'a';
    for (const finding of faultFindings(role)) {
      if (consumed.has(finding)) continue;
      const metrics = findingMetrics(inputs[role], finding);
      const faults = faultsOf(finding);
      const twin = faultFindings(other).find(
        (f) => !consumed.has(f) && (f.kind ?? 'fault') === (finding.kind ?? 'fault') && [...faultsOf(f)].some((x) => faults.has(x)),
      );
      const mine = Math.max(0, ...metrics.map((k) => viewSupport(k, findingView(role, finding))));
      const theirs = Math.max(0, ...metrics.map((k) => (inputs[other].analysis.measurability[k]?.measurable ? viewSupport(k, metricView(other, k)) : 0)));
      const otherView = metrics.length ? metricView(other, metrics[0]) : viewOf(other);
      consumed.add(finding);
      if (twin) {
        consumed.add(twin);
        const keep = theirs > mine ? twin : finding;
        const keepRole = keep === twin ? other : role;
        const [kept, dropped] = keep === twin ? [findingView(other, twin), findingView(role, finding)] : [findingView(role, finding), findingView(other, twin)];
        out.push({ from: 'both', views: [kept, dropped], text: keep.text, severity: keep.severity, kind: keep.kind ?? 'fault', note: `seen from both videos; worded as the ${kept} view (${inputs[keepRole].name}) measured it` });
        continue;
      }
      if (theirs > mine) {
        out.push({
          from: other,
          views: [otherView],
          text: `The ${findingView(role, finding)} view (${inputs[role].name}) suggested: "${finding.text}" The ${otherView} view (${inputs[other].name}), which measures it better, did not find it.`,
          severity: null,
          kind: 'disagreement',
          note: `left out of the verdict: the ${otherView} view is the better judge of ${metrics.map((k) => metricLabel(k).toLowerCase()).join(', ')}`,
        });
        continue;
      }
      out.push({ from: role, views: [findingView(role, finding)], text: finding.text, severity: finding.severity, kind: finding.kind ?? 'fault', note: null });
    }
  }
  // Per-rep disagreements between the views beyond their errors.
  const disagreements = new Map<string, number>();
  for (const rep of reps) {
    for (const [key, entry] of Object.entries(rep.measures) as [MetricKey, FusedEntry][]) {
      const values = 'left' in entry ? [['left', entry.left], ['right', entry.right]] as const : [[null, entry]] as const;
      for (const [side, v] of values) if (v.status === 'disagree') {
        const id = `${metricLabel(key).toLowerCase()}${side ? ` (${side})` : ''}`;
        disagreements.set(id, (disagreements.get(id) ?? 0) + 1);
      }
    }
  }
  for (const [id, count] of disagreements) {
    out.push({ from: 'both', views: [viewOf('a'), viewOf('b')], text: `The two views disagree on ${id} in ${count} rep${count > 1 ? 's' : ''} by more than their measurement error: both values are shown; look at the video.`, severity: null, kind: 'disagreement', note: null });
  }
  for (const asym of asymmetries) {
    if (!asym.beyondVariation || !asym.worseSide) continue;
    out.push({ from: 'both', views: [viewOf('a'), viewOf('b')], text: asym.text, severity: 'mild', kind: 'asymmetry', note: asym.caveat });
  }
  if (notMeasurable.length) {
    out.push({
      from: 'both',
      views: [viewOf('a'), viewOf('b')],
      text: `Not measurable from either view: ${notMeasurable.map((nm) => metricLabel(nm.metric).toLowerCase()).join(', ')}.`,
      severity: null,
      kind: 'not_measurable',
      note: notMeasurable.map((nm) => nm.reason).join('; '),
    });
  }
  if (!out.some((f) => f.severity !== null)) {
    out.unshift({ from: 'both', views: [viewOf('a'), viewOf('b')], text: `No fault found from the ${viewOf('a')} or the ${viewOf('b')} view.`, severity: null, kind: 'ok', note: null });
  }
  return out;
}

function verdictOf(findings: FusedFinding[], a: ViewInput, b: ViewInput): Omit<FusedSet['verdict'], 'items'> {
  const faults = findings.filter((f) => f.severity !== null).sort((x, y) => SEVERITY_RANK[y.severity!] - SEVERITY_RANK[x.severity!]);
  if (faults.length === 0) {
    return { text: `No fault found from the ${a.analysis.view.kind} or the ${b.analysis.view.kind} view.`, severity: null, views: [a.analysis.view.kind, b.analysis.view.kind] };
  }
  const top = faults[0];
  const more = faults.length > 1 ? ` (and ${faults.length - 1} more)` : '';
  return { text: `${top.text.replace(/\.$/, '')}: from the ${top.views[0]} view${more}.`, severity: top.severity, views: top.views };
}
