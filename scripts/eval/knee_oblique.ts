/**
 * Knee drift from the front, 45 degrees and behind: synthetic squats with known truth, real good
 * lifters (no false alarm wanted), the same lifters with one knee pushed in by the fault injector
 * (found on that side, never on the other), and the pose model's own left/right bias read from
 * mirrored clips.
 *
 *   npx tsx scripts/eval/knee_oblique.ts [--json out.json]
 *
 * Every number is computed here from tracks in fixtures/tracks (our pipeline's BlazePose output
 * for ../shared clips) or from tests/support/synthetic_squat.ts. No constant is chosen here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseTrack } from '../../src/core/types';
import { injectKneeValgus } from '../../tests/support/fault_injector';
import { syntheticSquat, type SyntheticSquatSpec } from '../../tests/support/synthetic_squat';
import { deepHalves, kneeDriftSeries, sustainedMax } from './knee_drift';
import { fppaDeg, type LegFrame, perpOffset } from './knee_geometry';
import { aucWithGroupBootstrap, fmtCi, type Group } from './knee_stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tracksDir = path.join(repoRoot, 'fixtures/tracks');

/** Good lifters by the MANIFEST, with the view it states. */
export const GOOD_CLIPS: Array<{ clip: string; view: 'front' | 'rear' | 'oblique' }> = [
  { clip: 'front-two-reps-good', view: 'front' },
  { clip: 'front-deep-good-lowres', view: 'front' },
  { clip: 'gym-front-barbell', view: 'front' },
  { clip: 'home-front-bodyweight', view: 'front' },
  { clip: 'gym-rear-barbell', view: 'rear' },
  { clip: 'oblique-good-hand-over-lens', view: 'oblique' },
  { clip: 'gym-oblique-goblet-two-people', view: 'oblique' },
  { clip: 'gym-rear-oblique-barbell', view: 'oblique' },
];

const holdFrames = (t: PoseTrack) => Math.max(2, Math.round(0.1 * (t.source.fps > 0 ? t.source.fps : 30)));

export interface RepKnees { left: number; right: number }

/** Per rep (deep half), per knee: drift (leg lengths), FPPA (deg) and offset / leg, each the sustained max. */
export function repValues(track: PoseTrack): { drift: RepKnees[]; fppa: RepKnees[]; offset: RepKnees[]; cx: number; sx: number } {
  const d = kneeDriftSeries(track);
  const reps = deepHalves(d.hipHeight);
  const hold = holdFrames(track);
  const n = track.frames.length;
  const fA = { left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN) };
  const fB = { left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN) };
  track.frames.forEach((f, i) => {
    if (!f.keypoints) return;
    const m = new Map(f.keypoints.map((k) => [k.name, k]));
    const g = (nm: string) => { const k = m.get(nm); return k && k.score >= 0.5 ? { x: k.x, y: k.y } : { x: NaN, y: NaN }; };
    const lf: LegFrame = { lHip: g('left_hip'), rHip: g('right_hip'), lKnee: g('left_knee'), rKnee: g('right_knee'), lAnkle: g('left_ankle'), rAnkle: g('right_ankle'), lShoulder: g('left_shoulder'), rShoulder: g('right_shoulder') };
    for (const s of ['left', 'right'] as const) {
      fA[s][i] = fppaDeg(lf, s);
      fB[s][i] = perpOffset(lf, s) / d.legPx;
    }
  });
  const per = (l: Float64Array, r: Float64Array) => reps.map(([a, b]) => ({ left: sustainedMax(l, a, b, hold), right: sustainedMax(r, a, b, hold) }));
  return { drift: per(d.left, d.right), fppa: per(fA.left, fA.right), offset: per(fB.left, fB.right), cx: d.cx, sx: d.sx };
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '-');
const repsStr = (r: RepKnees[]) => r.map((x) => `${f3(x.left)}/${f3(x.right)}`).join(' ');

function loadTrack(rel: string): PoseTrack | null {
  const p = path.join(tracksDir, rel);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as PoseTrack) : null;
}

function main(): void {
  const args = process.argv.slice(2);
  const ji = args.indexOf('--json');
  const out: Record<string, unknown> = {};

  // 1. Synthetic: exact keypoints with keypoints3D, orthographic and perspective (3 m), 10 deg valgus rotation on one knee.
  console.log('Synthetic squats (3 reps, 10 deg toe-out, knees straight ahead; valgusDeg rotates one knee about its hip-ankle axis):');
  console.log('| camera | yaw | clean drift L/R | left 10 deg: L/R | right 10 deg: L/R | truth: inward offset at the bottom |');
  console.log('|---|---|---|---|---|---|');
  const synth: unknown[] = [];
  for (const camera of ['orthographic', 'perspective'] as const) {
    for (const yaw of [0, 20, 45, 60, -45, 180, 135]) {
      const base: SyntheticSquatSpec = { keypoints3D: true, yawDeg: yaw, camera, cameraDistanceM: 3 };
      const one = (valgusDeg?: { left: number; right: number }) => {
        const r = repValues(syntheticSquat(valgusDeg ? { ...base, valgusDeg } : base).track).drift;
        return r.length ? { left: r[0].left, right: r[0].right } : { left: NaN, right: NaN };
      };
      const c = one(), l = one({ left: 10, right: 0 }), r = one({ left: 0, right: 10 });
      const truth = syntheticSquat({ ...base, valgusDeg: { left: 10, right: 0 } }).truth;
      const bottom = truth.frames.find((f) => f.phase === 1);
      console.log(`| ${camera} | ${yaw} | ${f3(c.left)}/${f3(c.right)} | ${f3(l.left)}/${f3(l.right)} | ${f3(r.left)}/${f3(r.right)} | ${f3(bottom?.kneeOffset.left ?? NaN)} |`);
      synth.push({ camera, yaw, clean: c, left10: l, right10: r });
    }
  }
  out.synthetic = synth;

  // 2. Real good lifters, clean and with one knee pushed in.
  console.log('\nReal good lifters (fixtures/tracks, BlazePose full): per-rep knee drift L/R, leg lengths, + = inward; then with one knee pushed in by 0.1 and 0.2 leg lengths at the deepest frame:');
  console.log('| clip | view | cos/sin yaw (3D hips) | clean | left +0.1 | right +0.1 | left +0.2 | right +0.2 |');
  console.log('|---|---|---|---|---|---|---|---|');
  const real: unknown[] = [];
  const groups: Record<string, Record<string, Group[]>> = {};
  for (const { clip, view } of GOOD_CLIPS) {
    const t = loadTrack(`${clip}.json`);
    if (!t) continue;
    const clean = repValues(t);
    const inj = (side: 'left' | 'right', inward: number) => repValues(injectKneeValgus(t, { side, inward }).track);
    const l1 = inj('left', 0.1), r1 = inj('right', 0.1), l2 = inj('left', 0.2), r2 = inj('right', 0.2);
    console.log(`| ${clip} | ${view} | ${clean.cx.toFixed(2)} / ${clean.sx.toFixed(2)} | ${repsStr(clean.drift)} | ${repsStr(l1.drift)} | ${repsStr(r1.drift)} | ${repsStr(l2.drift)} | ${repsStr(r2.drift)} |`);
    real.push({ clip, view, cx: clean.cx, sx: clean.sx, clean: clean.drift, left01: l1.drift, right01: r1.drift, left02: l2.drift, right02: r2.drift });
    // Per knee-rep detection groups: positives = the pushed knee's reps (0.1 leg), negatives = the clean knees' reps; one group per clip.
    const cls = view === 'oblique' ? 'oblique' : 'front/rear';
    for (const [name, key] of [['kneeDrift (candidate)', 'drift'], ['A: FPPA', 'fppa'], ['B: offset / leg', 'offset']] as const) {
      const g = ((groups[cls] ??= {})[name] ??= []);
      g.push({ positive: false, scores: clean[key].flatMap((x) => [x.left, x.right]) });
      g.push({ positive: true, scores: [...l1[key].map((x) => x.left), ...r1[key].map((x) => x.right)] });
    }
  }
  out.real = real;

  console.log('\nPushed-in knee (0.1 leg) vs clean knees, per knee and rep, across lifters: AUC [95 % CI, bootstrap over clips]:');
  const aucs: Record<string, unknown> = {};
  for (const [cls, byScore] of Object.entries(groups)) {
    for (const [name, g] of Object.entries(byScore)) {
      const ci = aucWithGroupBootstrap(g, 2000, 5);
      console.log(`  ${cls.padEnd(10)} ${name.padEnd(22)} ${fmtCi(ci)} (${ci.posGroups} clips)`);
      aucs[`${cls} ${name}`] = ci;
    }
  }
  out.injectedAuc = aucs;

  // 3. Mirror: the same lifter, the clip flipped (ffmpeg hflip before pose): a consistent pose model reports the same
  // left-right difference; half the change of (L - R) is the model's image-side bias in this measure.
  console.log('\nMirrored clips (fixtures/tracks/mirrored*): knee drift L - R of the same knees, original vs mirrored, and the image-side bias = half the change:');
  console.log('| clip | model | L - R original | L - R mirrored | bias |');
  console.log('|---|---|---|---|---|');
  const bias: unknown[] = [];
  for (const { clip, view } of GOOD_CLIPS) {
    for (const [model, dir, mdir] of [['full', '', 'mirrored/'], ['lite', 'lite/', 'mirrored-lite/']] as const) {
      const a = loadTrack(`${dir}${clip}.json`), b = loadTrack(`${mdir}${clip}.json`);
      if (!a || !b) continue;
      const mean = (v: number[]) => { const f = v.filter(Number.isFinite); return f.length ? f.reduce((s, x) => s + x, 0) / f.length : NaN; };
      // Same person tracked in both? (A second person in the picture can be picked up in one of them.)
      const hipX = (t: PoseTrack, i: number, flip: boolean) => {
        const k = t.frames[i]?.keypoints;
        const l = k?.find((q) => q.name === 'left_hip'), r = k?.find((q) => q.name === 'right_hip');
        if (!l || !r) return NaN;
        const x = (l.x + r.x) / 2;
        return flip ? t.source.width - x : x;
      };
      const gaps = a.frames.map((_, i) => Math.abs(hipX(a, i, false) - hipX(b, i, true))).filter(Number.isFinite).sort((x, y) => x - y);
      const legPx = kneeDriftSeries(a).legPx;
      const samePerson = gaps.length > 0 && gaps[Math.floor(0.9 * (gaps.length - 1))] < 0.25 * legPx;
      const da = repValues(a).drift, db = repValues(b).drift;
      // In the mirrored track the lifter's left leg is labelled right.
      const dOrig = mean(da.map((x) => x.left - x.right));
      const dMir = mean(db.map((x) => x.right - x.left));
      const bb = Math.abs(dOrig - dMir) / 2;
      console.log(`| ${clip} (${view}) | ${model} | ${f3(dOrig)} | ${f3(dMir)} | ${samePerson ? f3(bb) : `(${f3(bb)}: another person tracked in part of one of them, not a bias)`} |`);
      bias.push({ clip, view, model, dOrig, dMir, bias: bb, samePerson });
    }
  }
  out.mirrorBias = bias;
  if (ji >= 0) writeFileSync(args[ji + 1], JSON.stringify(out, null, 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
