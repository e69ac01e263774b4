/**
 * Fusion on synthetic truth: one set filmed from the front and from the side at once, each
 * metric taken from the view that measures it, equal to the generator's 3D truth within the
 * single-view tolerances of frame_metrics_synthetic.test.ts (exact keypoints: 1 deg, 0.005 for
 * knee offset and heel lift, 0.01 for ratios, depth and hip shift).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/core/analyze';
import { combineViews, type ViewInput } from '../../../../src/core/multiview/combine_views';
import { fuseViews, type FusedEntry, type FusedValue } from '../../../../src/core/multiview/fuse';
import { fusedVerdictItems } from '../../../../src/core/multiview/fused_verdict';
import type { Analysis, MetricKey } from '../../../../src/core/types';
import { syntheticTwoView, type CameraSpec, type TwoViewSet } from '../../../support/synthetic_two_view';
import type { SyntheticFrameTruth, SyntheticSquatSpec } from '../../../support/synthetic_squat';

const FAULTY_SET: SyntheticSquatSpec = {
  reps: 4,
  bottomThighAngleDeg: -10,
  valgusDeg: { left: 10, right: 0 },
  // Clearly above the mild heel-lift tier (0.10 foot lengths, flags/thresholds.ts).
  heelLift: { left: 0.15, right: 0 },
  trunkLeanDeg: 8,
  perRep: (r) => ({ descentS: [1.2, 1.0, 1.4, 1.1][r], pauseS: [0.8, 1.2, 0.6, 1.0][r] }),
};
/** The lifter's left side faces this camera (azimuth -90, synthetic_squat.ts). */
const LEFT_SIDE: CameraSpec = { view: 'side', yawDeg: -180, fps: 60, startS: 0.4123 };
const FRONT: CameraSpec = { view: 'front', fps: 30 };

function inputs(set: TwoViewSet, names: [string, string]): [ViewInput, ViewInput] {
  return [
    { name: names[0], track: set.a.track, analysis: analyze(set.a.track) },
    { name: names[1], track: set.b.track, analysis: analyze(set.b.track) },
  ];
}

function fused(spec: SyntheticSquatSpec, a: CameraSpec, b: CameraSpec, names: [string, string] = ['front.mp4', 'side.mp4']) {
  const set = syntheticTwoView(spec, a, b);
  const [va, vb] = inputs(set, names);
  const combined = combineViews(va, vb);
  return { set, va, vb, combined, fusedSet: fuseViews(va, vb, combined) };
}

/** Truth at the bottom hold of rep `index` of camera A (phase 1 frames). */
function bottomTruth(frames: SyntheticFrameTruth[], analysisA: Analysis, repIndex: number): SyntheticFrameTruth {
  const rep = analysisA.reps.find((r) => r.index === repIndex)!;
  const at = frames.filter((f) => f.phase === 1 && f.t >= rep.start && f.t <= rep.end);
  return at[Math.floor(at.length / 2)];
}

// Heel lift's rep value is what held for 0.25 s (registry peakHoldS), a few % below the
// instantaneous truth when the bottom hold is shorter: 0.01.
const TOLERANCE: Partial<Record<MetricKey, number>> = {
  kneeValgusDeg: 1, kneeOffset: 0.005, kneeSeparationRatio: 0.01, heelLift: 0.01, footAngleDeg: 1, torsoAngleDeg: 1,
  trunkTibiaDeg: 1, kneeFlexionDeg: 1, hipFlexionDeg: 1, shinAngleDeg: 1, depth: 0.01, thighAngleDeg: 1, hipShift: 0.01,
};

const value = (entry: FusedEntry | undefined, side: 'left' | 'right' | null): FusedValue => {
  if (!entry) throw new Error('no entry');
  if (side) return (entry as { left: FusedValue; right: FusedValue })[side];
  return entry as FusedValue;
};

describe('fuseViews: a front and a left-side camera of one set', () => {
  const { set, va, vb, combined, fusedSet } = fused(FAULTY_SET, FRONT, LEFT_SIDE);

  it('matches all four reps and sees which side faces each camera', () => {
    expect(combined.repMatches).toHaveLength(4);
    expect(fusedSet.reps).toHaveLength(4);
    expect(fusedSet.nearSide).toEqual({ a: null, b: 'left' });
  });

  it('takes each metric from the view that measures it, and it equals the truth', () => {
    // Knee valgus (FPPA) is left out of the truth check: its 3D truth is degenerate near the bottom,
    // where the core does not read it (frame_metrics_synthetic.test.ts); knee offset stands for it.
    const fromFront: [MetricKey, 'left' | 'right' | null][] = [['kneeOffset', 'left'], ['kneeOffset', 'right'], ['kneeSeparationRatio', null], ['hipShift', null]];
    const fromSide: [MetricKey, 'left' | 'right' | null][] = [['torsoAngleDeg', null], ['hipFlexionDeg', null], ['thighAngleDeg', null], ['depth', null], ['heelLift', 'left'], ['shinAngleDeg', 'left'], ['kneeFlexionDeg', 'left'], ['footAngleDeg', 'left']];
    for (const rep of fusedSet.reps) {
      const truth = bottomTruth(set.a.truth.frames, va.analysis, rep.a);
      for (const [key, side] of [...fromFront, ...fromSide]) {
        const v = value(rep.measures[key], side);
        const expectedFrom = fromFront.some(([k]) => k === key) ? 'a' : 'b';
        expect(v.from, `${key} ${side}`).toBe(expectedFrom);
        expect(v.view).toBe(expectedFrom === 'a' ? 'front' : 'side');
        const t = (truth as unknown as Record<string, number | { left: number; right: number }>)[key];
        const tv = side ? (t as { left: number; right: number })[side] : (t as number);
        expect(Math.abs(v.value! - tv), `rep ${rep.a} ${key} ${side}: ${v.value} vs ${tv}`).toBeLessThanOrEqual(TOLERANCE[key]!);
      }
    }
  });

  it('keeps both values where both views measure it', () => {
    const heel = value(fusedSet.reps[0].measures.heelLift, 'left');
    expect(heel.a).not.toBeNull();
    expect(heel.b).not.toBeNull();
    expect(heel.status).toBe('agree');
    const torso = value(fusedSet.reps[0].measures.torsoAngleDeg, null);
    expect(torso.a).toBeNull();
    expect(torso.status).toBe('one view');
  });

  it('finds the left heel lift on the left, from the side view that shows it', () => {
    for (const rep of fusedSet.reps) {
      expect(value(rep.measures.heelLift, 'left').value!).toBeGreaterThan(0.08);
      expect(value(rep.measures.heelLift, 'left').view).toBe('side');
      expect(value(rep.measures.heelLift, 'right').value!).toBeLessThan(0.02);
    }
    const heel = fusedSet.findings.find((f) => f.kind === 'fault' && /heel/i.test(f.text));
    expect(heel, JSON.stringify(fusedSet.findings.map((f) => f.text))).toBeDefined();
    expect(heel!.text).toMatch(/left/i);
    expect(heel!.views[0]).toBe('side');
  });

  it('finds the left knee caving in on the left, from the front view', () => {
    for (const rep of fusedSet.reps) {
      expect(value(rep.measures.kneeValgusDeg, 'left').from).toBe('a');
      expect(value(rep.measures.kneeValgusDeg, 'left').value!).toBeGreaterThan(value(rep.measures.kneeValgusDeg, 'right').value! + 3);
    }
    const knee = fusedSet.findings.find((f) => f.kind === 'fault' && /knee/i.test(f.text));
    expect(knee, JSON.stringify(fusedSet.findings.map((f) => f.text))).toBeDefined();
    expect(knee!.text).toMatch(/left/i);
    expect(knee!.views[0]).toBe('front');
  });

  it('gives one verdict for the set naming the view', () => {
    expect(fusedSet.verdict.severity).not.toBeNull();
    expect(fusedSet.verdict.text).toMatch(/from the (front|side) view/);
  });

  it("lists the things to work on from each camera's own verdict, each with its evidence frame on that camera's clock", () => {
    const items = fusedSet.verdict.items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    const byFault = new Map(items.map((x) => [x.item.fault, x]));
    // The knee from the front camera (A), the heel from the side camera (B), both on the left.
    const knee = byFault.get('knee_valgus');
    const heel = byFault.get('heel_lift');
    expect(knee?.from, JSON.stringify(items.map((x) => [x.from, x.item.fault, x.item.view]))).toBe('a');
    expect(knee!.item.side).toBe('left');
    expect(heel?.from).toBe('b');
    expect(heel!.item.side).toBe('left');
    for (const { from, item } of items) {
      const analysis = from === 'a' ? va.analysis : vb.analysis;
      // The very item of that video's verdict, its frame inside its rep on that video's clock.
      expect(analysis.verdict!.items).toContainEqual(item);
      const rep = analysis.reps.find((r) => r.index === item.evidence.rep)!;
      expect(item.evidence.t).toBeGreaterThanOrEqual(rep.start);
      expect(item.evidence.t).toBeLessThanOrEqual(rep.end);
    }
    // Worst first.
    const rank = { mild: 1, moderate: 2, severe: 3 } as const;
    items.slice(1).forEach((x, i) => expect(rank[x.item.severity]).toBeLessThanOrEqual(rank[items[i].item.severity]));
  });

  it('leaves out what only the camera that sees it worse found, and says a thing both found once', () => {
    const heel = vb.analysis.verdict!.items.find((x) => x.fault === 'heel_lift')!;
    const knee = va.analysis.verdict!.items.find((x) => x.fault === 'knee_valgus')!;
    // The front camera "finds" a heel lift the side camera (heel lift support 1 against 0.7) did not.
    const frontHeel = { ...heel, id: 'front-heel', view: 'front' as const };
    const withVerdict = (input: typeof va, items: typeof heel[]) => ({ ...input, analysis: { ...input.analysis, verdict: { ...input.analysis.verdict!, items } } });
    const onlyFront = fusedVerdictItems(withVerdict(va, [knee, frontHeel]), withVerdict(vb, []));
    expect(onlyFront.map((x) => x.item.fault)).toEqual(['knee_valgus']);
    // Both found the heel: once, from the side camera that measures it better.
    const both = fusedVerdictItems(withVerdict(va, [frontHeel]), withVerdict(vb, [heel]));
    expect(both).toEqual([{ from: 'b', item: heel, alsoFrom: 'a' }]);
  });
});

describe('fuseViews: disagreement and not measurable', () => {
  it('says the views disagree instead of averaging when they differ beyond their errors', () => {
    const set = syntheticTwoView(FAULTY_SET, FRONT, LEFT_SIDE);
    const [va, vb] = inputs(set, ['front.mp4', 'side.mp4']);
    // The front video's depth reads 0.5 thigh lengths deeper than it was (e.g. a misplaced hip).
    for (const rep of va.analysis.reps) {
      const depth = rep.measures.depth;
      if (depth && !('left' in depth)) depth.value += 0.5;
    }
    const fusedSet = fuseViews(va, vb, combineViews(va, vb));
    const depth = value(fusedSet.reps[0].measures.depth, null);
    expect(depth.status).toBe('disagree');
    expect(depth.from).toBe('b');
    expect(depth.value).toBe(depth.b!.value);
    expect(depth.a!.value - depth.b!.value).toBeGreaterThan(0.4);
    expect(fusedSet.findings.some((f) => f.kind === 'disagreement' && /depth/.test(f.text))).toBe(true);
  });

  it('two front cameras: the side-only metrics are not measurable from either view, with the reason', () => {
    const { fusedSet } = fused(FAULTY_SET, FRONT, { view: 'front', fps: 25, startS: 0.3 }, ['front-a.mp4', 'front-b.mp4']);
    const torso = fusedSet.notMeasurable.find((n) => n.metric === 'torsoAngleDeg');
    expect(torso?.reason).toMatch(/side or 45-degree view/);
    expect(value(fusedSet.reps[0].measures.torsoAngleDeg, null).status).toBe('not measurable');
    expect(value(fusedSet.reps[0].measures.torsoAngleDeg, null).value).toBeNull();
    expect(fusedSet.findings.some((f) => f.kind === 'not_measurable' && /Not measurable from either view: .*torso lean/.test(f.text) && /torso lean needs a side or 45-degree view/.test(f.note ?? ''))).toBe(true);
  });
});

describe('left side vs right side: two side cameras of one set', () => {
  const spec: SyntheticSquatSpec = { ...FAULTY_SET, valgusDeg: { left: 0, right: 0 }, heelLift: { left: 0.12, right: 0 } };
  const { fusedSet } = fused(spec, { view: 'side', yawDeg: -180, fps: 30 }, { view: 'side', fps: 60, startS: 1.1 }, ['left.mp4', 'right.mp4']);

  it('reads each leg from the camera that sees it', () => {
    expect(fusedSet.nearSide).toEqual({ a: 'left', b: 'right' });
    for (const rep of fusedSet.reps) {
      expect(value(rep.measures.heelLift, 'left').from).toBe('a');
      expect(value(rep.measures.heelLift, 'right').from).toBe('b');
      expect(value(rep.measures.shinAngleDeg, 'right').from).toBe('b');
    }
  });

  it('compares them as an asymmetry with the two-camera caveat: the left heel lifts more', () => {
    const heel = fusedSet.asymmetries.find((x) => x.metric === 'heelLift')!;
    expect(heel.mode).toBe('one set');
    expect(heel.leftFrom).toBe('a');
    expect(heel.rightFrom).toBe('b');
    expect(heel.worseSide).toBe('left');
    expect(heel.beyondVariation).toBe(true);
    expect(heel.caveat).toMatch(/different camera/);
    const shin = fusedSet.asymmetries.find((x) => x.metric === 'shinAngleDeg')!;
    expect(shin.beyondVariation).toBe(false);
  });
});

describe('left side and right side filmed in two different sets', () => {
  it('compares the sets by their means, with the two-sets caveat, and fuses no rep across them', () => {
    const spec: SyntheticSquatSpec = { ...FAULTY_SET, valgusDeg: { left: 0, right: 0 }, heelLift: { left: 0.12, right: 0 } };
    const set1 = syntheticTwoView(spec, { view: 'side', yawDeg: -180, fps: 30 }, { view: 'front', fps: 30 });
    const set2 = syntheticTwoView({ ...spec, perRep: (r) => ({ descentS: [1.0, 1.3, 1.1, 1.2][r] }) }, { view: 'side', fps: 60 }, { view: 'front', fps: 30 });
    const left: ViewInput = { name: 'set1-left.mp4', track: set1.a.track, analysis: analyze(set1.a.track) };
    const right: ViewInput = { name: 'set2-right.mp4', track: set2.a.track, analysis: analyze(set2.a.track) };
    const fusedSet = fuseViews(left, right, combineViews(left, right), { sameSet: false });
    expect(fusedSet.sameSet).toBe(false);
    expect(fusedSet.reps).toEqual([]);
    const heel = fusedSet.asymmetries.find((x) => x.metric === 'heelLift')!;
    expect(heel.mode).toBe('two sets');
    expect(heel.left).toHaveLength(left.analysis.reps.length);
    expect(heel.worseSide).toBe('left');
    expect(heel.caveat).toMatch(/Two different sets/);
  });
});
