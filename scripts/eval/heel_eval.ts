/**
 * Research: candidate heel-lift measures (heel_lib.ts) against what the clips show, per rep and
 * foot. Positives: both feet of every rep of oblique-heel-lift (heels clearly off the floor by
 * eye). Negatives: every rep of the clips whose heels stay down by eye (the good clips, and the
 * bad clips whose fault is elsewhere: forward lean, depth, butt wink). side-upright-knees-forward
 * is left out (its near heel may lift a little at the bottom: not clear by eye).
 *
 *   npx tsx scripts/eval/heel_eval.ts [full|lite|mirrored|mirrored-lite ...] [--rows]
 *
 * Prints per feature the ROC AUC (positives vs negatives) over all feet and over the feet the
 * hidden-foot rule keeps, and the largest value on a heels-down foot.
 */
import { analyze } from '../../src/core/analyze';
import { computeFrameMetrics } from '../../src/core/frame_metrics';
import { repValue } from '../../src/core/series';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { footSeries, repBottomFrames, stanceHiddenFoot } from './heel_lib';
import { loadSet } from './track_sets';

const ANKLE_LEVER = 0.8;
const FEATURES = ['core', 'h2', 'a2', 'lift', 'h3', 'p3', 'a3'] as const;
type Feature = (typeof FEATURES)[number];
interface Row { clip: string; rep: number; side: 'left' | 'right'; positive: boolean; hidden: boolean; v: Record<Feature, number> }

const med = (v: number[]) => { const a = v.filter(Number.isFinite).sort((x, y) => x - y); return a.length ? a[a.length >> 1] : NaN; };

export function rowsOf(set: string): Row[] {
  const rows: Row[] = [];
  for (const clip of CORPUS) {
    const name = trackName(clip.file);
    if (name === 'side-upright-knees-forward-rotated') continue;
    const track = loadSet(set, clip.file);
    if (!track) continue;
    const fm = computeFrameMetrics(track);
    const a = analyze(track);
    const stance = stanceHiddenFoot(track, fm);
    const feet = { left: footSeries(track, fm, 'left'), right: footSeries(track, fm, 'right') };
    for (const rep of a.reps) {
      const idx = repBottomFrames(fm, rep);
      for (const side of ['left', 'right'] as const) {
        const f = feet[side];
        const old = repValue(rep, 'heelLift', side)?.value ?? NaN;
        const m = (k: 'h2' | 'a2' | 'h3' | 'p3' | 'a3') => med(idx.map((i) => f[k][i]));
        const h2 = m('h2'), a2 = m('a2');
        rows.push({
          clip: name, rep: rep.index + 1, side, positive: name === 'oblique-heel-lift',
          hidden: stance.hidden === (side === 'left' ? 1 : 2),
          v: { core: old, h2, a2, lift: Math.min(h2, a2 / ANKLE_LEVER), h3: m('h3'), p3: m('p3'), a3: m('a3') },
        });
      }
    }
  }
  return rows;
}

/** ROC AUC of score separating positives (higher) from negatives; NaN scores are dropped. */
export function auc(pos: number[], neg: number[]): number {
  const p = pos.filter(Number.isFinite), n = neg.filter(Number.isFinite);
  if (!p.length || !n.length) return NaN;
  let s = 0;
  for (const x of p) for (const y of n) s += x > y ? 1 : x === y ? 0.5 : 0;
  return s / (p.length * n.length);
}

function main(): void {
  const args = process.argv.slice(2);
  const showRows = args.includes('--rows');
  const sets = args.filter((a) => !a.startsWith('--'));
  for (const set of sets.length ? sets : ['full']) {
    const rows = rowsOf(set);
    if (showRows) for (const r of rows) console.log(`${set} ${r.clip} r${r.rep} ${r.side}${r.hidden ? ' (hidden)' : ''}: ` + FEATURES.map((k) => `${k}=${r.v[k].toFixed(3)}`).join(' '));
    console.log(`\n${set}: ${rows.filter((r) => r.positive).length} lifted feet-reps, ${rows.filter((r) => !r.positive).length} heels-down (${rows.filter((r) => !r.positive && !r.hidden).length} not hidden)`);
    console.log('| feature | AUC all feet | AUC visible feet | max heels-down visible | min lifted visible |');
    console.log('|---|---|---|---|---|');
    for (const k of FEATURES) {
      const vis = rows.filter((r) => !r.hidden);
      const maxNeg = Math.max(...vis.filter((r) => !r.positive).map((r) => r.v[k]).filter(Number.isFinite));
      const minPos = Math.min(...vis.filter((r) => r.positive).map((r) => r.v[k]).filter(Number.isFinite));
      console.log(`| ${k} | ${auc(rows.filter((r) => r.positive).map((r) => r.v[k]), rows.filter((r) => !r.positive).map((r) => r.v[k])).toFixed(3)} | ${auc(vis.filter((r) => r.positive).map((r) => r.v[k]), vis.filter((r) => !r.positive).map((r) => r.v[k])).toFixed(3)} | ${maxNeg.toFixed(3)} | ${minPos.toFixed(3)} |`);
    }
  }
}

main();
