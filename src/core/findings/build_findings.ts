import type {
  DepthTarget,
  Evidence,
  Fault,
  Finding,
  Flag,
  FlagSide,
  Measurability,
  MetricKey,
  Rep,
  Side,
  ViewEstimate,
  ViewKind,
} from '../types';
import type { AsymmetryDetail } from '../asymmetry/rep_asymmetry';
import { ANKLE_GUIDANCE, FAULTS, faultDef, faultOfMetric, worstSeverity } from '../flags/registry';
import { SHIN_ANGLE_LIMITED_DEG, SYMMETRY_INDEX_NOTABLE_PCT } from '../flags/thresholds';
import { DEFAULT_DEPTH_TARGET, depthStatement, judgeReps } from '../depth_judgement';
import { repValue } from '../series';
import { metricDef } from '../metrics/registry';
import type { MetricPeaks } from '../reps/rep_peaks';
import { scalarPeak, sidedPeak } from '../reps/rep_peaks';
import { detectTrend, type Trend } from './fatigue';

export interface FindingsInput {
  reps: Rep[];
  /** Detailed peaks per rep (same order as reps). */
  repPeaks: MetricPeaks[];
  asymmetries: AsymmetryDetail[];
  measurability: Record<MetricKey, Measurability>;
  view: ViewEstimate;
  /** Minimum peak confidence for a rep to count as "measured" for a fault. */
  minConfidence?: number;
  /** The depth the set is judged against (default 'parallel'). */
  depthTarget?: DepthTarget;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const meanConfidence = (flags: Flag[]): number =>
  flags.length ? Math.round((flags.reduce((a, f) => a + f.confidence, 0) / flags.length) * 1000) / 1000 : 0;

const evidenceOf = (flags: Flag[]): Evidence[] =>
  flags.map((f) => ({ rep: f.rep, t: f.t, fault: f.fault, side: f.side }));

/** The camera views the flags' numbers were read from, each once. */
const viewsOf = (flags: Flag[]): ViewKind[] => [...new Set(flags.map((f) => f.view))];

/** Which side a set of flags points at: one side only, or both. */
function sideOf(flags: Flag[]): FlagSide {
  let left = 0;
  let right = 0;
  let none = 0;
  for (const f of flags) {
    if (f.side === 'left' || f.side === 'both') left++;
    if (f.side === 'right' || f.side === 'both') right++;
    if (f.side === null) none++;
  }
  if (none === flags.length) return null;
  if (left && !right) return 'left';
  if (right && !left) return 'right';
  return 'both';
}

const onSide = (flags: Flag[], side: Side) => flags.filter((f) => f.side === side || f.side === 'both');

/** Per-rep peaks of a fault's metric on one side (or the scalar), for trends and counts. */
function perRepValues(input: FindingsInput, fault: Fault, side: Side | null): (number | null)[] {
  const def = faultDef(fault);
  const minC = input.minConfidence ?? 0.5;
  return input.repPeaks.map((p) => {
    let peak = side ? sidedPeak(p, def.metric, side) : scalarPeak(p, def.metric);
    if (!peak && def.fallbackMetric) peak = scalarPeak(p, def.fallbackMetric);
    if (!peak || peak.confidence < minC) return null;
    return def.magnitude ? Math.abs(peak.value) : peak.value;
  });
}

const fmtRepList = (reps: number[]) => reps.map((r) => r + 1).join(', ');

function measuredCount(values: (number | null)[]): number {
  return values.filter((v) => v !== null).length;
}

/** Words for "on 5 of 6 reps" (reps where the metric could be measured). */
function onReps(flagged: number, measured: number): string {
  if (measured <= 1) return flagged ? 'on the rep' : '';
  if (flagged === measured) return measured === 2 ? 'on both reps' : `on all ${measured} reps`;
  return `on ${flagged} of ${measured} reps`;
}

function faultTrend(input: FindingsInput, fault: Fault, side: Side | null): Trend | null {
  const values = perRepValues(input, fault, side);
  const def = faultDef(fault);
  return detectTrend(values, def.worse === 'lower' ? 'down' : 'up', def.fatigueMinChange);
}

interface FaultSummary {
  fault: Fault;
  flags: Flag[];
  side: FlagSide;
  measured: number;
  trend: Trend | null;
  trendSide: Side | null;
}

function summarise(input: FindingsInput, fault: Fault, flags: Flag[]): FaultSummary {
  const side = sideOf(flags);
  const sidedMetric = side !== null;
  let measured = 0;
  let trend: Trend | null = null;
  let trendSide: Side | null = null;
  if (sidedMetric && fault !== 'hip_shift') {
    const sides: Side[] = side === 'both' ? ['left', 'right'] : [side as Side];
    for (const s of sides) {
      measured = Math.max(measured, measuredCount(perRepValues(input, fault, s)));
      const tr = faultTrend(input, fault, s);
      if (tr?.growing && onSide(flags, s).length > 0 && (!trend || tr.rho > trend.rho)) {
        trend = tr;
        trendSide = s;
      }
    }
  } else {
    measured = measuredCount(perRepValues(input, fault, null));
    const tr = faultTrend(input, fault, null);
    if (tr?.growing) trend = tr;
  }
  return { fault, flags, side, measured: Math.max(measured, new Set(flags.map((f) => f.rep)).size), trend, trendSide };
}

function faultFinding(s: FaultSummary): Finding {
  const def = faultDef(s.fault);
  const w = def.words;
  const worst = s.flags.reduce((a, f) => (Math.abs(f.value) > Math.abs(a.value) ? f : a), s.flags[0]);
  let text: string;
  if (s.side === 'both' && s.fault !== 'hip_shift') {
    const l = onSide(s.flags, 'left').length;
    const r = onSide(s.flags, 'right').length;
    text = `${capital(w.verb(null))} ${onReps(new Set(s.flags.map((f) => f.rep)).size, s.measured)} (left on ${l}, right on ${r})`;
  } else if (s.fault === 'hip_shift') {
    const l = s.flags.filter((f) => f.side === 'left').length;
    const r = s.flags.filter((f) => f.side === 'right').length;
    text = l && r
      ? `Hips shift sideways ${onReps(s.flags.length, s.measured)} (toward the left on ${l}, the right on ${r})`
      : `${capital(w.verb(s.side))} ${onReps(s.flags.length, s.measured)}`;
  } else {
    text = `${capital(w.verb(s.side))} ${onReps(s.flags.length, s.measured)}`;
  }
  const worstSh = s.flags.reduce((a, f) => (f.value < a.value ? f : a), s.flags[0]);
  text +=
    s.fault === 'shallow_depth'
      ? `; the shallowest stopped with the ${w.format(worstSh.value, worstSh.metric)} (rep ${worstSh.rep + 1}).`
      : `; at most ${w.format(worst.value, worst.metric)} (rep ${worst.rep + 1}).`;
  if (s.trend) {
    text += ` It grows over the set (from ${w.format(s.trend.first, worst.metric)} to ${w.format(s.trend.last, worst.metric)}${s.trendSide ? `, ${s.trendSide} side` : ''}): a sign of fatigue.`;
  }
  return {
    id: `fault-${s.fault}`,
    text,
    severity: worstSeverity(s.flags),
    chain: def.chain,
    side: s.side,
    evidence: evidenceOf(s.flags),
    views: viewsOf(s.flags),
    guidance: w.guidance,
    fatigue: s.trend ? true : undefined,
    confidence: meanConfidence(s.flags),
    kind: 'fault',
  };
}

/** Most flagged single side of a fault, if it is clearly one-sided or has a majority. */
function mainSide(flags: Flag[]): Side | null {
  const l = onSide(flags, 'left').length;
  const r = onSide(flags, 'right').length;
  if (l === 0 && r === 0) return null;
  if (l > r) return 'left';
  if (r > l) return 'right';
  return null;
}

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

function meanPeak(input: FindingsInput, metric: MetricKey, side: Side): number | null {
  const vals = input.repPeaks
    .map((p) => sidedPeak(p, metric, side))
    .filter((p): p is NonNullable<typeof p> => !!p && p.confidence >= (input.minConfidence ?? 0.5))
    .map((p) => p.value);
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
}

/** Kinetic-chain findings (REFERENCE.md §1), ankle upward. */
function chainFindings(input: FindingsInput, byFault: Map<Fault, Flag[]>, sums: Map<Fault, FaultSummary>): Finding[] {
  const out: Finding[] = [];
  const heel = byFault.get('heel_lift') ?? [];
  const valgus = byFault.get('knee_valgus') ?? [];
  const lean = byFault.get('forward_lean') ?? [];
  const wink = byFault.get('butt_wink') ?? [];
  const shift = byFault.get('hip_shift') ?? [];
  const valgusAsym = input.asymmetries.find((a) => a.metric === 'kneeDrift' && a.beyondVariation);
  const heelSum = sums.get('heel_lift');

  // 1. Ankle -> knee: heel lift and valgus on the same side (or valgus worse on that side).
  if (heel.length && (valgus.length || valgusAsym)) {
    const heelSide = sideOf(heel);
    const s = heelSide === 'both' ? mainSide(heel) : (heelSide as Side | null);
    const heelText = `${capital(faultDef('heel_lift').words.verb(heelSide === 'both' && !s ? 'both' : s ?? 'both'))} ${onReps(s ? onSide(heel, s).length : new Set(heel.map((f) => f.rep)).size, heelSum?.measured ?? heel.length)}`;
    let kneeText: string | null = null;
    let side: FlagSide = s ?? 'both';
    if (valgusAsym && s && valgusAsym.worseSide === s && valgusAsym.meanDifference !== null) {
      kneeText = `the ${s} knee drifts in ${metricDef('kneeDrift').amount(valgusAsym.meanDifference)} more than the ${other(s)}`;
    } else if (valgus.length) {
      const vs = sideOf(valgus);
      if (s && (vs === s || vs === 'both')) kneeText = `the ${s} knee drifts in ${onReps(onSide(valgus, s).length, sums.get('knee_valgus')?.measured ?? valgus.length)}`;
      else if (!s && vs === 'both') kneeText = `both knees drift in`;
      if (!s && vs === 'both') side = 'both';
    }
    if (kneeText) {
      const ankle = side === 'both' ? 'limited ankle dorsiflexion on both sides' : `limited ${side} ankle dorsiflexion`;
      const ev = [...(s ? onSide(heel, s) : heel), ...(s ? onSide(valgus, s) : valgus)];
      out.push({
        id: 'chain-ankle-knee',
        text: `${heelText} and ${kneeText}: consistent with ${ankle} (limited dorsiflexion and knees moving in go together; raising the heels reduces the valgus, Bell et al. 2008).`,
        severity: worstSeverity(ev.length ? ev : heel),
        chain: ['ankle', 'knee'],
        side,
        evidence: evidenceOf(ev.length ? ev : heel),
        views: viewsOf(ev.length ? ev : heel),
        guidance: `Test ${side === 'both' ? 'both ankles' : `the ${side} ankle against the other`} with a knee-to-wall (weight-bearing lunge) test; ankle mobility work, or a small heel raise meanwhile, should reduce both the heel lift and the knee drift.`,
        confidence: Math.min(meanConfidence(heel), valgus.length ? meanConfidence(valgus) : 0.6),
        kind: 'chain',
      });
    }
  }

  // 2. Ankle -> torso: heels lift and the trunk pitches forward on the same reps.
  if (heel.length && lean.length) {
    const shared = new Set(heel.map((f) => f.rep).filter((r) => lean.some((g) => g.rep === r)));
    if (shared.size) {
      const ev = [...heel, ...lean].filter((f) => shared.has(f.rep));
      out.push({
        id: 'chain-ankle-torso',
        text: `Heels lift and the torso pitches forward on the same ${shared.size > 1 ? `reps (${fmtRepList([...shared])})` : `rep (rep ${fmtRepList([...shared])})`}: consistent with limited ankle dorsiflexion, the shins cannot travel forward so the trunk leans to keep balance.`,
        severity: worstSeverity(ev),
        chain: ['ankle', 'torso'],
        side: sideOf(heel),
        evidence: evidenceOf(ev),
        views: viewsOf(ev),
        guidance: ANKLE_GUIDANCE,
        confidence: Math.min(meanConfidence(heel), meanConfidence(lean)),
        kind: 'chain',
      });
    }
  }

  // 3. Forward lean without heel lift: shins steep -> ankle; shins travelling -> hips.
  if (lean.length && !heel.length) {
    const shin = ['left', 'right']
      .map((s) => meanPeak(input, 'shinAngleDeg', s as Side))
      .filter((v): v is number => v !== null);
    const shinMean = shin.length ? Math.max(...shin) : null;
    if (shinMean !== null) {
      const ankle = shinMean < SHIN_ANGLE_LIMITED_DEG;
      out.push({
        id: ankle ? 'chain-ankle-torso' : 'chain-hip-torso',
        text: ankle
          ? `The torso pitches forward while the shins stay steep (at most ${Math.round(shinMean)} deg from vertical; a squat needs roughly 18-25 deg): consistent with limited ankle dorsiflexion.`
          : `The torso pitches forward although the shins travel freely (${Math.round(shinMean)} deg from vertical): points to the hips (tight hip flexors or a hip-dominant pattern) rather than the ankles.`,
        severity: worstSeverity(lean),
        chain: ankle ? ['ankle', 'torso'] : ['hip', 'torso'],
        side: null,
        evidence: evidenceOf(lean),
        views: viewsOf(lean),
        guidance: ankle
          ? ANKLE_GUIDANCE
          : 'Hip-flexor mobility and a more upright cue ("chest up, sit between the heels"); a goblet squat teaches the pattern.',
        confidence: meanConfidence(lean) * 0.8,
        kind: 'chain',
      });
    }
  }

  // 4. Ankle -> pelvis/lumbar: butt wink with heel lift or steep shins.
  if (wink.length) {
    const shin = ['left', 'right']
      .map((s) => meanPeak(input, 'shinAngleDeg', s as Side))
      .filter((v): v is number => v !== null);
    const steep = shin.length > 0 && Math.max(...shin) < SHIN_ANGLE_LIMITED_DEG;
    if (heel.length || steep) {
      const ev = [...wink, ...heel];
      out.push({
        id: 'chain-ankle-pelvis',
        text: `The pelvis appears to tuck under at the bottom ${onReps(wink.length, sums.get('butt_wink')?.measured ?? wink.length)}${heel.length ? ' and the heels lift' : ' while the shins stay steep'}: consistent with the ankles running out of dorsiflexion, so the pelvis rounds to reach depth (advisory).`,
        severity: worstSeverity(wink),
        chain: ['ankle', 'pelvis', 'lumbar'],
        side: null,
        evidence: evidenceOf(ev),
        views: viewsOf(ev),
        guidance: faultDef('butt_wink').words.guidance,
        confidence: meanConfidence(wink) * 0.8,
        kind: 'chain',
      });
    }
  }

  // 5. Hip shift away from the side that bends less at the ankle.
  if (shift.length) {
    const shinAsym = input.asymmetries.find((a) => a.metric === 'shinAngleDeg' && a.beyondVariation);
    const dir = mainSide(shift);
    if (shinAsym && dir && shinAsym.worseSide === other(dir)) {
      out.push({
        id: 'chain-ankle-hip-shift',
        text: `The hips shift toward the ${dir} and the ${other(dir)} shin travels ${Math.round(Math.abs(shinAsym.meanDifference ?? 0))} deg less: consistent with shifting away from a stiffer ${other(dir)} ankle.`,
        severity: worstSeverity(shift),
        chain: ['ankle', 'hip', 'pelvis'],
        side: other(dir),
        evidence: evidenceOf(shift),
        views: viewsOf(shift),
        guidance: faultDef('hip_shift').words.guidance,
        confidence: meanConfidence(shift) * 0.8,
        kind: 'chain',
      });
    }
  }
  return out;
}

/**
 * Asymmetries worth a sentence of their own: beyond rep-to-rep variation, not already told
 * by a chain finding, not a restatement of a metric reported next to it (knee offset beside
 * valgus, foot angle beside heel lift), and not implied by a fault flagged on that side only.
 */
function asymmetryFindings(input: FindingsInput, used: Set<MetricKey>, byFault: Map<Fault, Flag[]>): Finding[] {
  const out: Finding[] = [];
  const real = new Set(input.asymmetries.filter((a) => a.beyondVariation).map((a) => a.metric));
  for (const a of input.asymmetries) {
    if (!a.beyondVariation || used.has(a.metric) || !a.worseSide || a.meanDifference === null) continue;
    const def = metricDef(a.metric);
    const rule = def.asymmetry;
    if (!rule) continue;
    const same = rule.restates as MetricKey | undefined;
    if (same && (real.has(same) || used.has(same))) continue;
    const fault = faultOfMetric(a.metric)?.fault;
    const flags = fault ? byFault.get(fault) : undefined;
    if (flags && flags.length && sideOf(flags) === a.worseSide) continue;
    const higher: Side = a.meanDifference > 0 ? 'left' : 'right';
    // Both knees out (negative valgus / offset): say "tracks out less", not "drifts in more".
    const outward = rule.outwardWords !== undefined && Math.max(a.meanLeft ?? 0, a.meanRight ?? 0) <= 0;
    const amount = def.amount(a.meanDifference);
    const si = a.symmetryIndex !== null ? ` (symmetry index ${Math.round(a.symmetryIndex)} %${a.symmetryIndex >= SYMMETRY_INDEX_NOTABLE_PCT ? ', above the ~10 % linked to performance loss' : ''})` : '';
    const over = a.pairedReps === 1 ? 'on the one rep compared' : `averaged over ${a.pairedReps} reps`;
    const why = a.pairedReps >= 3
      ? 'more than either side varies from rep to rep and far above keypoint noise'
      : `far above keypoint noise; seen on ${a.pairedReps === 1 ? 'one rep' : 'two reps'} only, so it may be ${a.pairedReps === 1 ? 'that rep' : 'those reps'} rather than a habit`;
    const views = [...new Set(input.reps.filter((r, i) => a.left[i] !== null && a.right[i] !== null && rule.fairViews.includes(r.view)).map((r) => r.view))];
    out.push({
      id: `asymmetry-${a.metric}`,
      text: outward
        ? `The ${higher} ${rule.outwardWords} ${amount} less than the ${other(higher)}, ${over}: ${why}${si}.`
        : `The ${higher} ${rule.words} ${amount} more than the ${other(higher)}, ${over}: ${why}${si}.`,
      severity: a.symmetryIndex !== null && a.symmetryIndex >= 2 * SYMMETRY_INDEX_NOTABLE_PCT ? 'moderate' : 'mild',
      chain: def.bodyPart ? [def.bodyPart] : [],
      side: a.worseSide,
      evidence: [],
      ...(views.length ? { views } : {}),
      guidance: rule.guidance(a.worseSide),
      confidence: a.confidence,
      kind: 'asymmetry',
    });
  }
  return out;
}

/**
 * The set's depth, once, from the view it was filmed from, against the lifter's target
 * (depth_judgement.ts): side and 45-degree views by the thigh angle with the view's error, front
 * views by the hip height where it can tell; "not judged" (and why) where it cannot. A short
 * rep here is the same rep the shallow-depth flag marks (side and 45 degrees) or, from the front,
 * the hip-height rule's; this is the only depth statement, so it never contradicts itself.
 */
function depthFinding(input: FindingsInput): Finding | null {
  if (!input.reps.length) return null;
  const target = input.depthTarget ?? DEFAULT_DEPTH_TARGET;
  const judged = judgeReps(input.reps, target, input.minConfidence);
  const st = depthStatement(judged, target);
  const short = judged.map((d, i) => ({ d, rep: input.reps[i] })).filter((x) => x.d.verdict === 'short');
  const flags = input.reps.flatMap((r) => r.flags.filter((f) => f.fault === 'shallow_depth'));
  const kind: Finding['kind'] = short.length ? 'fault' : st.measurable ? 'ok' : 'not_measurable';
  return {
    id: 'depth',
    text: st.text,
    severity: short.some((x) => x.d.severity === 'moderate') ? 'moderate' : 'mild',
    chain: ['hip'],
    side: null,
    evidence: short.map((x) => ({ rep: x.rep.index, t: flags.find((f) => f.rep === x.rep.index)?.t ?? x.rep.bottom, fault: 'shallow_depth' as const, side: null })),
    views: [...new Set(judged.map((d) => d.view))],
    ...(short.length ? { guidance: faultDef('shallow_depth').words.guidance } : {}),
    confidence: kind === 'not_measurable' ? 1 : Math.min(...input.reps.map((r) => repValue(r, 'thighAngleDeg', null)?.confidence ?? 0.6)),
    kind,
  };
}

/** What a lifter should know this view could not judge. */
function notMeasurableFindings(input: FindingsInput): Finding[] {
  const out: Finding[] = [];
  for (const def of FAULTS) {
    const fault = def.fault;
    // Depth has its own statement (depthFinding), which also says when the view cannot judge it.
    if (fault === 'shallow_depth' && input.reps.length) continue;
    let m = input.measurability[def.metric];
    if (def.fallbackMetric && m && !m.measurable) {
      const fallback = input.measurability[def.fallbackMetric];
      if (fallback?.measurable) m = fallback;
    }
    if (!m || m.measurable) continue;
    const noun = def.words.noun;
    out.push({
      id: `not-measurable-${fault}`,
      text: `${capital(noun)}: not measurable from this ${input.view.kind} view.${m.reason ? ` ${capital(m.reason)}${/[.!?)]$/.test(m.reason) ? '' : '.'}` : ''}`,
      severity: 'mild',
      chain: def.chain,
      side: null,
      evidence: [],
      confidence: 1,
      kind: 'not_measurable',
    });
  }
  return out;
}

/** Set-level findings from the reps' flags, asymmetries and trends. */
export function buildFindings(input: FindingsInput): Finding[] {
  const byFault = new Map<Fault, Flag[]>();
  for (const rep of input.reps) for (const f of rep.flags) {
    const list = byFault.get(f.fault) ?? [];
    list.push(f);
    byFault.set(f.fault, list);
  }
  const sums = new Map<Fault, FaultSummary>();
  for (const [fault, flags] of byFault) sums.set(fault, summarise(input, fault, flags));

  const chain = chainFindings(input, byFault, sums);
  // Shallow depth is said once, by the depth statement below.
  const faults = [...sums.values()].filter((x) => x.fault !== 'shallow_depth').map(faultFinding);
  const used = new Set<MetricKey>();
  if (chain.some((c) => c.id === 'chain-ankle-knee')) used.add('kneeDrift');
  if (chain.some((c) => c.id === 'chain-ankle-hip-shift')) used.add('shinAngleDeg');
  const asym = asymmetryFindings(input, used, byFault);
  const notes = notMeasurableFindings(input);
  const depth = depthFinding(input);
  const out = [...chain, ...faults, ...(depth && depth.kind === 'fault' ? [depth] : []), ...asym];
  const faulty = [...byFault.keys()].some((f) => f !== 'shallow_depth') || depth?.kind === 'fault';
  if (input.reps.length > 0 && !faulty) {
    out.push({
      id: 'all-clear',
      text: `No faults flagged on ${input.reps.length === 1 ? 'the rep' : `${input.reps.length} reps`} for what this view can measure.`,
      severity: 'mild',
      chain: [],
      side: null,
      evidence: input.reps.map((r) => ({ rep: r.index, t: r.bottom })),
      confidence: 0.8,
      kind: 'ok',
    });
  }
  return [...out, ...(depth && depth.kind !== 'fault' ? [depth] : []), ...notes];
}
