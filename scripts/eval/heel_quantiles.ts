/**
 * 95th percentile of each foot's heel lift over frames with confidence >= 0.5, per clip of a set
 * (docs/metrics.md's fixture table), and the stance the hidden-foot rule reads.
 *
 *   npx tsx scripts/eval/heel_quantiles.ts [full|lite|mirrored|mirrored-lite]
 */
import { computeFrameMetrics } from '../../src/core/frame_metrics';
import { column } from '../../src/core/series';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { loadSet } from './track_sets';

const set = process.argv[2] ?? 'full';
console.log('| clip | view | heel lift L / R (95th pct, conf >= 0.5) | note |');
console.log('|---|---|---|---|');
for (const c of CORPUS) {
  const t = loadSet(set, c.file);
  if (!t) continue;
  const r = computeFrameMetrics(t);
  const q = (side: 'left' | 'right') => {
    const col = column(r.series, 'heelLift', side)!;
    const v: number[] = [];
    col.value.forEach((x, i) => { if (x === x && col.confidence[i] >= 0.5) v.push(x); });
    v.sort((a, b) => a - b);
    return v.length ? v[Math.min(v.length - 1, Math.floor(0.95 * v.length))].toFixed(2) : '-';
  };
  console.log(`| ${trackName(c.file)} | ${r.view.kind} | ${q('left')} / ${q('right')} | ${r.measurability.heelLift.reason ?? ''} |`);
}
