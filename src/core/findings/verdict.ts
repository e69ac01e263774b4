/**
 * The verdict: the set in one sentence and at most three things to work on (issue 9), read
 * from the Analysis' own parts (reps and their flags and measures, findings, measurability,
 * settings). It measures nothing and judges nothing anew: every item is one of the findings,
 * every number one of the rep measures, so the verdict cannot disagree with the rest of the
 * report. Pure: Analysis parts in, Verdict out.
 *
 * Which findings become items:
 *  - a kinetic-chain finding (heels lift and the torso pitches forward: the ankle) stands for the
 *    fault findings whose flags it covers, so a root cause is one item, not two;
 *  - then fault and left-right findings, worst first (severity, then confidence, then the chain
 *    from the ankle up, REFERENCE.md §1); "not measurable" notes and the all-clear never are.
 * The evidence frame of an item is its worst flag (highest severity, then furthest past its
 * threshold); for a left-right difference the rep where the two sides differ most.
 */
import { FAULTS, SEVERITY_RANK, faultDef, faultOfMetric } from '../flags/registry';
import { isSidedMetric, metricDef } from '../metrics/registry';
import { DEFAULT_DEPTH_TARGET, depthSummary, type DepthVerdict } from '../depth_judgement';
import { repValue } from '../series';
import type {
  Analysis, ChainLink, DepthTarget, Fault, Finding, Flag, FlagSide, MetricKey, Rep, Side, Verdict, VerdictItem, VerdictNotChecked, ViewKind,
} from '../types';

/** What the verdict reads. */
export type VerdictInput = Pick<Analysis, 'reps' | 'findings' | 'measurability' | 'view' | 'asymmetries' | 'settings'>;

/** At most this many things to work on (issue 9). */
export const MAX_VERDICT_ITEMS = 3;

const CHAIN_ORDER: readonly ChainLink[] = ['ankle', 'knee', 'hip', 'pelvis', 'lumbar', 'torso'];
const VIEW_WORDS: Record<ViewKind, string> = { front: 'front', side: 'side', oblique: '45-degree' };

/** How the depth target is named in the sentence. */
const DEPTH_REACHED_WORDS: Record<DepthTarget, string> = {
  above_parallel: 'depth as aimed (above parallel)',
  parallel: 'good depth',
  full: 'full depth',
};
const DEPTH_TARGET_NAME: Record<DepthTarget, string> = {
  above_parallel: 'the depth aimed for',
  parallel: 'parallel',
  full: 'full depth',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const r3 = (v: number) => Math.round(v * 1000) / 1000;

function chainPosition(chain: readonly ChainLink[]): number {
  const positions = chain.map((link) => CHAIN_ORDER.indexOf(link)).filter((i) => i >= 0);
  return positions.length ? Math.min(...positions) : CHAIN_ORDER.length;
}

/** "on rep 3", "on the last 3 reps", "on every rep", "on reps 1, 3 and 4". */
export function repsPhrase(reps: readonly number[], repCount: number): string {
  const sorted = [...new Set(reps)].sort((a, b) => a - b);
  const k = sorted.length;
  if (k === 0) return '';
  if (repCount <= 1) return 'on the rep';
  if (k === repCount) return repCount === 2 ? 'on both reps' : 'on every rep';
  if (k === 1) return `on rep ${sorted[0]! + 1}`;
  const contiguous = sorted[k - 1]! - sorted[0]! === k - 1;
  if (contiguous && sorted[k - 1] === repCount - 1) return `on the last ${k} reps`;
  if (contiguous && sorted[0] === 0) return `on the first ${k} reps`;
  const names = sorted.map((r) => String(r + 1));
  return `on reps ${names.slice(0, -1).join(', ')} and ${names[k - 1]}`;
}

/** The flags a finding's evidence points at (same rep, fault and time). */
function flagsOf(finding: Finding, reps: readonly Rep[]): Flag[] {
  const out: Flag[] = [];
  for (const e of finding.evidence) {
    if (!e.fault || e.rep === null) continue;
    const flag = reps[e.rep]?.flags.find((f) => f.fault === e.fault && f.t === e.t);
    if (flag && !out.includes(flag)) out.push(flag);
  }
  return out;
}

/** Highest severity, then furthest past the threshold. */
function worstFlag(flags: readonly Flag[]): Flag | null {
  let worst: Flag | null = null;
  for (const f of flags) {
    if (!worst) worst = f;
    else if (SEVERITY_RANK[f.severity] !== SEVERITY_RANK[worst.severity]) {
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst.severity]) worst = f;
    } else if (Math.abs(f.value - f.threshold) > Math.abs(worst.value - worst.threshold)) worst = f;
  }
  return worst;
}

/** The most common view of the flags, else the clip's view. */
function mainView(flags: readonly Flag[], fallback: ViewKind): ViewKind {
  const counts = new Map<ViewKind, number>();
  for (const f of flags) counts.set(f.view, (counts.get(f.view) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [view, c] of counts) if (c > n) [best, n] = [view, c];
  return best;
}

/**
 * The side whose number the evidence frame shows: the flag's own side, or the worse of both; null
 * for a whole-body metric (a hip shift's side is its direction, not a leg).
 */
function evidenceSide(flag: Flag, rep: Rep | undefined): Side | null {
  if (!isSidedMetric(flag.metric)) return null;
  if (flag.side === 'left' || flag.side === 'right') return flag.side;
  if (flag.side !== 'both' || !rep) return null;
  const l = repValue(rep, flag.metric, 'left')?.value;
  const r = repValue(rep, flag.metric, 'right')?.value;
  if (l === undefined) return r === undefined ? null : 'right';
  if (r === undefined) return 'left';
  const worseHigher = faultDef(flag.fault).worse === 'higher';
  return (worseHigher ? l >= r : l <= r) ? 'left' : 'right';
}

/** "left heel lifts" -> "the left heel lifts", "torso pitches forward" -> "the torso ..." ("both heels" keeps none). */
function withArticle(words: string): string {
  return /^(both|the) /.test(words) ? words : `the ${words}`;
}

function faultVerb(fault: Fault, side: FlagSide): string {
  return faultDef(fault).words.verb(side);
}

/** Item heading for a chain finding: its faults' verbs, ankle first ("Heels lift and torso pitches forward"). */
function chainTitle(flags: readonly Flag[], side: FlagSide): string {
  const faults = FAULTS.map((d) => d.fault).filter((fault) => flags.some((f) => f.fault === fault));
  const verbs = faults.map((fault) => {
    const own = flags.filter((f) => f.fault === fault);
    const sides = new Set(own.map((f) => f.side));
    const s: FlagSide = sides.size === 1 ? own[0]!.side : side;
    return faultVerb(fault, s === 'both' ? null : s);
  });
  return capital(verbs.map(withArticle).join(' and ').replace(/^the /, ''));
}

/**
 * ", more than the right": only when the flagged side's mean rep measure over the flagged reps
 * beats the other side's by at least the metric's asymmetry floor (the registry's smallest
 * difference above keypoint error); nothing is said when the other side was not measured.
 */
function comparedWithOtherSide(item: VerdictItem, reps: readonly Rep[]): string {
  if (item.kind !== 'fault' || !item.metric || !item.fault) return '';
  const rule = metricDef(item.metric).asymmetry;
  if (!rule || (item.side !== 'left' && item.side !== 'right')) return '';
  const side = item.side;
  const pairs = item.reps
    .map((i) => reps[i])
    .map((rep) => (rep ? [repValue(rep, item.metric!, side)?.value, repValue(rep, item.metric!, other(side))?.value] : []))
    .filter((p): p is [number, number] => typeof p[0] === 'number' && typeof p[1] === 'number');
  if (!pairs.length) return '';
  const mean = (k: 0 | 1) => pairs.reduce((a, p) => a + p[k], 0) / pairs.length;
  const worseBy = faultDef(item.fault).worse === 'higher' ? mean(0) - mean(1) : mean(1) - mean(0);
  return worseBy >= rule.floor ? `, more than the ${other(side)}` : '';
}

function faultItem(finding: Finding, flags: Flag[], input: VerdictInput): VerdictItem | null {
  const worst = worstFlag(flags);
  const depthOnly = !worst && finding.evidence.some((e) => e.fault === 'shallow_depth');
  if (!worst && !depthOnly) return null;
  const reps = [...new Set((worst ? flags.map((f) => f.rep) : finding.evidence.map((e) => e.rep)).filter((r): r is number => r !== null))].sort((a, b) => a - b);
  if (!worst) {
    // Depth judged without a thigh angle (front view: hip height): the shallowest rep is the evidence.
    const shallowest = [...reps].sort((a, b) => (input.reps[b]?.bottomHipHeight ?? 0) - (input.reps[a]?.bottomHipHeight ?? 0))[0];
    const rep = shallowest !== undefined ? input.reps[shallowest] : undefined;
    const e = finding.evidence.find((ev) => ev.rep === shallowest) ?? finding.evidence[0]!;
    return {
      id: finding.id,
      kind: 'fault',
      fault: 'shallow_depth',
      side: null,
      severity: finding.severity,
      confidence: r3(finding.confidence),
      evidence: { rep: e.rep, t: rep?.bottom ?? e.t, side: null },
      guidance: finding.guidance,
      chain: finding.chain,
      view: finding.views?.[0] ?? rep?.view ?? input.view.kind,
      title: capital(faultVerb('shallow_depth', null)),
      text: finding.text,
      metric: null,
      numbers: [],
      reps,
      fatigue: finding.fatigue,
    };
  }
  const side = finding.side;
  const title =
    finding.kind === 'chain' && new Set(flags.map((f) => f.fault)).size > 1
      ? chainTitle(flags, side)
      : capital(faultVerb(worst.fault, side === 'both' && worst.fault !== 'hip_shift' ? 'both' : side));
  // The worst flag of each fault it covers, the evidence's own first, then along the chain.
  const numbers = FAULTS.map((d) => worstFlag(flags.filter((f) => f.fault === d.fault)))
    .filter((f): f is Flag => f !== null)
    .sort((a, b) => (a === worst ? -1 : b === worst ? 1 : 0))
    .map((f) => ({ rep: f.rep, metric: f.metric, side: evidenceSide(f, input.reps[f.rep]) }));
  return {
    id: finding.id,
    kind: finding.kind === 'chain' ? 'chain' : 'fault',
    fault: worst.fault,
    side,
    severity: finding.severity,
    confidence: r3(finding.confidence),
    evidence: { rep: worst.rep, t: worst.t, side: evidenceSide(worst, input.reps[worst.rep]) },
    guidance: finding.guidance,
    chain: finding.chain,
    view: mainView(flags, input.view.kind),
    title,
    text: finding.text,
    metric: worst.metric,
    numbers,
    reps,
    fatigue: finding.fatigue,
  };
}

function asymmetryItem(finding: Finding, input: VerdictInput): VerdictItem | null {
  const metric = finding.id.replace(/^asymmetry-/, '') as MetricKey;
  const asymmetry = input.asymmetries.find((a) => a.metric === metric);
  const worse = finding.side === 'left' || finding.side === 'right' ? finding.side : asymmetry?.worseSide ?? null;
  let rule;
  try {
    rule = metricDef(metric).asymmetry;
  } catch {
    return null;
  }
  if (!asymmetry || !worse || !rule) return null;
  // The rep where the two sides differ most, shown on the worse side.
  let best: { rep: Rep; diff: number } | null = null;
  for (const rep of input.reps) {
    const l = repValue(rep, metric, 'left');
    const r = repValue(rep, metric, 'right');
    if (!l || !r) continue;
    const diff = Math.abs(l.value - r.value);
    if (!best || diff > best.diff) best = { rep, diff };
  }
  const measured = input.reps.filter((rep) => repValue(rep, metric, 'left') && repValue(rep, metric, 'right')).map((rep) => rep.index);
  const at = best ? repValue(best.rep, metric, worse) : null;
  const more = rule.worse === 'higher' ? 'more' : 'less';
  return {
    id: finding.id,
    kind: 'asymmetry',
    fault: faultOfMetric(metric)?.fault ?? null,
    side: worse,
    severity: finding.severity,
    confidence: r3(finding.confidence),
    evidence: { rep: best?.rep.index ?? null, t: at?.t ?? best?.rep.bottom ?? 0, side: worse },
    guidance: finding.guidance,
    chain: finding.chain,
    view: at?.view ?? best?.rep.view ?? input.view.kind,
    title: `${capital(worse)} ${rule.words} ${more} than the ${other(worse)}`,
    text: finding.text,
    metric,
    numbers: best ? [{ rep: best.rep.index, metric, side: worse }, { rep: best.rep.index, metric, side: other(worse) }] : [],
    reps: measured,
  };
}

/** Candidate items, one per finding worth one; chain findings stand for the fault findings they cover. */
function candidateItems(input: VerdictInput): VerdictItem[] {
  const findings = input.findings.filter((f) => f.kind === 'fault' || f.kind === 'chain' || f.kind === 'asymmetry' || f.kind === undefined);
  const flagsById = new Map(findings.map((f) => [f.id, flagsOf(f, input.reps)]));
  const covered = new Set<Flag>();
  for (const f of findings) if (f.kind === 'chain') for (const flag of flagsById.get(f.id) ?? []) covered.add(flag);
  const items: VerdictItem[] = [];
  for (const f of findings) {
    const flags = flagsById.get(f.id) ?? [];
    if (f.kind === 'asymmetry') {
      const item = asymmetryItem(f, input);
      if (item) items.push(item);
      continue;
    }
    if (f.kind !== 'chain' && flags.length > 0 && flags.every((flag) => covered.has(flag))) continue;
    const item = faultItem(f, flags, input);
    if (item) items.push(item);
  }
  return items;
}

function rank(items: VerdictItem[]): VerdictItem[] {
  return [...items].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      b.confidence - a.confidence ||
      chainPosition(a.chain) - chainPosition(b.chain),
  );
}

const isDepthItem = (item: VerdictItem) => item.fault === 'shallow_depth' && item.kind === 'fault';

/**
 * The depth part of the sentence: "good depth", "2 short of parallel", "depth not judged from the
 * front". Read from the one depth judgement (depth_judgement.ts depthSummary: the same reps judged
 * the same way as the depth finding, the shallow-depth flags and the report's depth row), so the
 * sentence and the depth statement cannot disagree.
 */
function depthWords(input: VerdictInput): string {
  const target = input.settings?.depthTarget ?? DEFAULT_DEPTH_TARGET;
  const judged = depthSummary(input).reps;
  const n = judged.length;
  const count = (v: DepthVerdict) => judged.filter((d) => d.verdict === v).length;
  const short = count('short'), reached = count('reached'), about = count('about');
  const name = DEPTH_TARGET_NAME[target];
  if (short > 0) {
    if (n === 1) return `short of ${name}`;
    return short === n ? `all short of ${name}` : `${short} short of ${name}`;
  }
  if (reached === n) return DEPTH_REACHED_WORDS[target];
  if (reached + about === n) return reached === 0 ? `about ${name} (as close as this view can tell)` : `at or about ${name}`;
  const others = judged.filter((d) => d.verdict === 'not_judged').every((d) => d.view === 'front')
    ? 'the others not judged from the front'
    : 'the others not seen clearly at the bottom';
  if (reached + about > 0) return `${reached ? DEPTH_REACHED_WORDS[target] : `about ${name}`} on ${reached + about} of them (${others})`;
  if (judged.every((d) => d.view === 'front')) return `depth not judged from the ${VIEW_WORDS.front}`;
  return 'depth not judged (the thighs were not seen clearly at the bottom)';
}

/** Faults this view could not check (the measurability of each fault's metric, or its fallback). */
export function notCheckedFaults(input: Pick<VerdictInput, 'measurability' | 'findings' | 'reps' | 'settings'>): VerdictNotChecked[] {
  const out: VerdictNotChecked[] = [];
  for (const def of FAULTS) {
    const m = input.measurability[def.metric];
    const fallback = def.fallbackMetric ? input.measurability[def.fallbackMetric] : undefined;
    if (!m || m.measurable || fallback?.measurable) continue;
    // Depth is checked wherever the depth judgement could say something (from the front, by the hip height).
    if (def.fault === 'shallow_depth' && depthSummary(input).measurable) continue;
    out.push({ fault: def.fault, noun: def.words.noun, reason: m.reason });
  }
  return out;
}

/** The verdict of an analysed set. */
export function buildVerdict(input: VerdictInput): Verdict {
  const n = input.reps.length;
  const notChecked = notCheckedFaults(input);
  if (n === 0) {
    return { sentence: 'No complete squat rep was found in this clip, so there is nothing to judge yet.', items: [], status: 'no_reps', notChecked };
  }
  const items = rank(candidateItems(input)).slice(0, MAX_VERDICT_ITEMS);
  const head = `${plural(n, 'rep')}, ${depthWords(input)}`;
  const main = items.find((item) => !isDepthItem(item));
  if (!main) {
    const view = VIEW_WORDS[input.view.kind];
    if (items.length === 0) return { sentence: `${head}: looks fine for what a ${view} view can show.`, items, status: 'fine', notChecked };
    return { sentence: `${head}; nothing else stands out in what a ${view} view can show.`, items, status: 'work_on', notChecked };
  }
  const what = main.title.charAt(0).toLowerCase() + main.title.slice(1);
  const where = main.kind === 'asymmetry' ? '' : ` ${repsPhrase(main.reps, n)}`;
  const rest = items.filter((item) => item !== main && !isDepthItem(item)).length;
  const more = rest > 0 ? `; ${rest === 1 ? 'one more thing' : `${rest} more things`} to work on below` : '';
  const sentence = `${head}; ${withArticle(what)}${where}${comparedWithOtherSide(main, input.reps)}${more}.`;
  return { sentence, items, status: 'work_on', notChecked };
}
