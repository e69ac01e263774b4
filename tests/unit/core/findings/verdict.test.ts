import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/core/analyze';
import { buildFindings } from '../../../../src/core/findings';
import { buildVerdict, repsPhrase, MAX_VERDICT_ITEMS, type VerdictInput } from '../../../../src/core/findings/verdict';
import { repValue } from '../../../../src/core/series';
import { depthSummary } from '../../../../src/core/depth_judgement';
import type { Finding, Flag, Measurability, MetricKey, PoseTrack, Rep, RepMeasure } from '../../../../src/core/types';
import { METRIC_KEYS, isSidedMetric } from '../../../../src/core/metrics/registry';

const yes: Measurability = { measurable: true, reason: null, confidence: 0.9, view: 'side' };
const no = (reason: string): Measurability => ({ measurable: false, reason, confidence: 0, view: null });

function measurability(notMeasurable: Partial<Record<MetricKey, string>> = {}): Record<MetricKey, Measurability> {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, notMeasurable[k] ? no(notMeasurable[k]!) : yes])) as Record<MetricKey, Measurability>;
}

const m = (value: number, t: number): RepMeasure => ({ value, confidence: 0.9, t, view: 'side' });

/** Reps 2 s apart, bottom at 2i + 1 s, thigh 5 deg below parallel, the heels' rise as given. */
function reps(heels: { left: number; right: number }[], flagsOf: (i: number, bottom: number) => Flag[] = () => []): Rep[] {
  return heels.map((h, i) => {
    const bottom = 2 * i + 1;
    return {
      index: i, start: 2 * i, bottom, ascentStart: bottom + 0.1, end: 2 * i + 1.9,
      tempo: { descentS: 1, bottomS: 0.1, ascentS: 0.8 }, view: 'side', bottomHipHeight: 0.45,
      measures: { thighAngleDeg: m(5, bottom), heelLift: { left: m(h.left, bottom + 0.02), right: m(h.right, bottom + 0.04) } },
      flags: flagsOf(i, bottom),
    };
  });
}

function heelFlag(rep: number, t: number, side: 'left' | 'right' | 'both', value: number): Flag {
  return { fault: 'heel_lift', side, severity: value >= 0.1 ? 'moderate' : 'mild', value, threshold: 0.05, t, confidence: 0.9, rep, metric: 'heelLift', view: 'side' };
}

function input(repList: Rep[], findings?: Finding[], notMeasurable: Partial<Record<MetricKey, string>> = { kneeDrift: 'knee valgus needs a front view', kneeValgusDeg: 'knee valgus needs a front view', kneeOffset: 'x', hipShift: 'hip shift needs a front view' }): VerdictInput {
  const meas = measurability(notMeasurable);
  const view = { kind: 'side' as const, confidence: 0.9, segments: [] };
  return {
    reps: repList,
    findings: findings ?? buildFindings({ reps: repList, repPeaks: repList.map(() => ({})), asymmetries: [], measurability: meas, view }),
    measurability: meas,
    view,
    asymmetries: [],
    settings: { depthTarget: 'parallel' },
  };
}

describe('repsPhrase', () => {
  it('names reps the way a lifter counts them', () => {
    expect(repsPhrase([0], 1)).toBe('on the rep');
    expect(repsPhrase([0, 1], 2)).toBe('on both reps');
    expect(repsPhrase([0, 1, 2, 3, 4], 5)).toBe('on every rep');
    expect(repsPhrase([2, 3, 4], 5)).toBe('on the last 3 reps');
    expect(repsPhrase([0, 1], 5)).toBe('on the first 2 reps');
    expect(repsPhrase([3], 5)).toBe('on rep 4');
    expect(repsPhrase([0, 2, 4], 5)).toBe('on reps 1, 3 and 5');
  });
});

describe('buildVerdict', () => {
  it('says plainly when there is no rep to judge', () => {
    const v = buildVerdict(input([]));
    expect(v.status).toBe('no_reps');
    expect(v.items).toEqual([]);
    expect(v.sentence).toMatch(/No complete squat rep/);
  });

  it('says "looks fine" for a clean set, and names what this view could not check', () => {
    const v = buildVerdict(input(reps([{ left: 0.01, right: 0.01 }, { left: 0.01, right: 0.02 }])));
    expect(v.status).toBe('fine');
    expect(v.items).toEqual([]);
    expect(v.sentence).toBe('2 reps, good depth: looks fine for what a side view can show.');
    expect(v.notChecked.map((n) => n.fault)).toEqual(['knee_valgus', 'hip_shift']);
    expect(v.notChecked[0]!.reason).toBe('knee valgus needs a front view');
  });

  it('calls depth good only where it was judged: the bottom seen and the thigh read with the flags\' confidence', () => {
    const list = reps([{ left: 0.01, right: 0.01 }, { left: 0.01, right: 0.01 }]);
    list[1]!.measures.thighAngleDeg = { value: -20, confidence: 0.3, t: 3, view: 'side' };
    expect(buildVerdict(input(list)).sentence).toMatch(/^2 reps, good depth on 1 of them \(the others not seen clearly at the bottom\)/);
    list[0]!.bottomHipHeight = undefined;
    expect(buildVerdict(input(list)).sentence).toMatch(/^2 reps, depth not judged \(the thighs were not seen clearly at the bottom\)/);
  });

  it('one-sided heel lift on the last 3 of 5 reps, well above the other side: says so, with the side and the reps', () => {
    const heels = [0.01, 0.02, 0.09, 0.1, 0.12].map((left) => ({ left, right: 0.01 }));
    const list = reps(heels, (i, bottom) => (i >= 2 ? [heelFlag(i, bottom + 0.02, 'left', heels[i]!.left)] : []));
    const v = buildVerdict(input(list));
    expect(v.sentence).toBe('5 reps, good depth; the left heel lifts on the last 3 reps, more than the right.');
    expect(v.items).toHaveLength(1);
    const item = v.items[0]!;
    expect(item).toMatchObject({ fault: 'heel_lift', side: 'left', kind: 'fault', metric: 'heelLift', reps: [2, 3, 4], view: 'side', title: 'Left heel lifts' });
    // Evidence: the worst flag (rep 5, moderate, furthest past the threshold), read on the left.
    expect(item.evidence).toEqual({ rep: 4, t: 9.02, side: 'left' });
    expect(item.chain).toEqual(['ankle']);
    expect(item.guidance).toMatch(/dorsiflexion/);
  });

  it('does not say "more than the right" when the right is within the metric\'s asymmetry floor', () => {
    // Left 0.06, right 0.04: 0.02 apart, below heel lift's 0.03 floor (registry).
    const list = reps([{ left: 0.06, right: 0.04 }, { left: 0.06, right: 0.04 }], (i, bottom) => [heelFlag(i, bottom, 'left', 0.06)]);
    expect(buildVerdict(input(list)).sentence).toBe('2 reps, good depth; the left heel lifts on both reps.');
  });

  it('both heels flagged: the evidence frame shows the worse side', () => {
    const list = reps([{ left: 0.12, right: 0.2 }], (i, bottom) => [heelFlag(i, bottom, 'both', 0.2)]);
    const v = buildVerdict(input(list));
    expect(v.items[0]!.side).toBe('both');
    expect(v.items[0]!.evidence.side).toBe('right');
    expect(v.sentence).toBe('1 rep, good depth; both heels lift on the rep.');
  });

  it('a kinetic-chain finding stands for the fault findings it covers, and items are at most three, worst first', () => {
    const flagsAt = (i: number, bottom: number): Flag[] => [
      heelFlag(i, bottom, 'left', 0.12),
      { fault: 'forward_lean', side: null, severity: 'severe', value: 50, threshold: 20, t: bottom + 0.1, confidence: 0.9, rep: i, metric: 'trunkTibiaDeg', view: 'side' },
      { fault: 'shallow_depth', side: null, severity: 'mild', value: -30, threshold: -17, t: bottom, confidence: 0.9, rep: i, metric: 'thighAngleDeg', view: 'side' },
      { fault: 'butt_wink', side: null, severity: 'mild', value: 11, threshold: 10, t: bottom, confidence: 0.5, rep: i, metric: 'buttWink', view: 'side' },
    ];
    const list = reps([{ left: 0.12, right: 0.01 }, { left: 0.12, right: 0.01 }], flagsAt);
    // Thighs 30 deg above parallel at the bottom, as the shallow-depth flags say.
    for (const rep of list) rep.measures.thighAngleDeg = m(-30, rep.bottom);
    const findings = buildFindings({ reps: list, repPeaks: list.map(() => ({})), asymmetries: [], measurability: measurability(), view: { kind: 'side', confidence: 1, segments: [] } });
    expect(findings.some((f) => f.id === 'chain-ankle-torso')).toBe(true);
    const v = buildVerdict(input(list, findings));
    expect(v.items.length).toBeLessThanOrEqual(MAX_VERDICT_ITEMS);
    expect(v.items[0]!.id).toBe('chain-ankle-torso');
    expect(v.items[0]!.title).toBe('Left heel lifts and the torso pitches forward');
    expect(v.items[0]!.chain).toEqual(['ankle', 'torso']);
    // Its evidence is the worst of the flags it covers (the severe forward lean); its numbers, one per fault covered.
    expect(v.items[0]!.fault).toBe('forward_lean');
    expect(v.items[0]!.numbers.map((n) => `${n.metric}:${n.side}`)).toEqual(['trunkTibiaDeg:null', 'heelLift:left']);
    // Heel lift and forward lean are not repeated as items of their own.
    expect(v.items.map((i) => i.id)).not.toContain('fault-heel_lift');
    expect(v.items.map((i) => i.id)).not.toContain('fault-forward_lean');
    const ranks = v.items.map((i) => ({ mild: 1, moderate: 2, severe: 3 })[i.severity]);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(v.sentence).toMatch(/^2 reps, all short of parallel; the left heel lifts and the torso pitches forward on both reps/);
  });
});

describe('the verdict of every fixture track (analyze())', () => {
  const dir = path.resolve(import.meta.dirname, '../../../../fixtures/tracks');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    it(`${file}: items come from its findings, their numbers from its rep measures`, () => {
      const analysis = analyze(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as PoseTrack);
      const v = analysis.verdict!;
      expect(v).toBeDefined();
      expect(v.sentence).toMatch(new RegExp(`^${analysis.reps.length} reps?, |^No complete squat rep`));
      expect(v.items.length).toBeLessThanOrEqual(MAX_VERDICT_ITEMS);
      expect(v.status === 'fine').toBe(analysis.reps.length > 0 && v.items.length === 0);
      const ids = new Set(analysis.findings.map((f) => f.id));
      for (const item of v.items) {
        expect(ids.has(item.id)).toBe(true);
        expect(item.kind).not.toBe('not_measurable');
        if (item.metric && item.evidence.rep !== null && item.kind !== 'asymmetry') {
          const rep = analysis.reps[item.evidence.rep]!;
          // The evidence frame is a flag of that rep, and the rep's measure was read at that frame.
          expect(rep.flags.some((f) => f.t === item.evidence.t && f.metric === item.metric)).toBe(true);
          const side = item.evidence.side ?? null;
          const measure = repValue(rep, item.metric, side);
          expect(measure, `${item.id}: ${item.metric} ${side}`).not.toBeNull();
          expect(measure!.t).toBeCloseTo(item.evidence.t, 6);
        }
      }
      for (const item of v.items) {
        for (const n of item.numbers) {
          expect(repValue(analysis.reps[n.rep]!, n.metric, n.side), `${item.id} ${n.metric}`).not.toBeNull();
          // A side only for a per-side metric (a hip shift's "left" is its direction).
          expect(n.side === null || isSidedMetric(n.metric), `${item.id} ${n.metric} ${n.side}`).toBe(true);
        }
        if (item.evidence.side) expect(item.metric && isSidedMetric(item.metric)).toBe(true);
      }
      // What this view could not check is exactly the not-measurable faults.
      for (const n of v.notChecked) expect(analysis.reps.flatMap((r) => r.flags).some((f) => f.fault === n.fault)).toBe(false);
      // The sentence's depth words say what the set's one depth statement says (the report's depth row and the depth finding).
      if (analysis.reps.length) {
        const depth = depthSummary(analysis);
        const short = depth.reps.filter((d) => d.verdict === 'short').length;
        const reached = depth.reps.filter((d) => d.verdict === 'reached').length;
        const depthPart = v.sentence.split(/[;:]/)[0]!;
        expect(/short of/.test(depthPart), `${depthPart} | ${depth.text}`).toBe(short > 0);
        expect(/short of/.test(depth.text)).toBe(short > 0);
        expect(/good depth/.test(depthPart), `${depthPart} | ${depth.text}`).toBe(short === 0 && reached > 0);
        expect(/not judged/.test(depthPart), `${depthPart} | ${depth.text}`).toBe(short === 0 && reached === 0 && depth.reps.every((d) => d.verdict === 'not_judged'));
        // Depth listed as not checked only where the statement could not judge it (the sentence says why otherwise).
        if (v.notChecked.some((n) => n.fault === 'shallow_depth')) expect(depth.measurable).toBe(false);
        const finding = analysis.findings.find((f) => f.id === 'depth');
        expect(finding?.text).toBe(depth.text);
      }
    });
  }
});
