/**
 * Semi-synthetic heel lift (tests/support/heel_lift_injector.ts) in the good clips' real tracks:
 * per clip and side, the heel-lift flags analyze() raises on each side with and without the
 * injected lift, and the injected rise at the deepest frame.
 *
 *   npx tsx scripts/eval/heel_injection.ts [set] [angleDeg]
 */
import { analyze } from '../../src/core/analyze';
import type { Analysis, Side } from '../../src/core/types';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { injectHeelLift } from '../../tests/support/heel_lift_injector';
import { loadSet } from './track_sets';

const set = process.argv[2] ?? 'full';
const angle = Number(process.argv[3] ?? 15);
const SEV: Record<string, string> = { none: '.', mild: 'm', moderate: 'M', severe: 'S' };
const heelFlags = (a: Analysis, side: Side) =>
  a.reps.map((r) => SEV[r.flags.find((f) => f.fault === 'heel_lift' && (f.side === side || f.side === 'both'))?.severity ?? 'none']).join('');
let found = 0, reps = 0, wrong = 0;
console.log(`| clip | clean L / R | +${angle} deg left: L / R | +${angle} deg right: L / R | rise at bottom (foot) |`);
console.log('|---|---|---|---|---|');
for (const clip of CORPUS.filter((c) => c.good)) {
  const t = loadSet(set, clip.file);
  if (!t) continue;
  const clean = analyze(t);
  const cells: string[] = [];
  let rise = 0;
  for (const side of ['left', 'right'] as const) {
    const inj = injectHeelLift(t, { side, angleDeg: angle });
    rise = Math.max(...inj.truth.heelRiseFoot);
    const a = analyze(inj.track);
    const other: Side = side === 'left' ? 'right' : 'left';
    const on = heelFlags(a, side), off = heelFlags(a, other);
    found += [...on].filter((c) => c !== '.').length;
    reps += on.length;
    wrong += [...off].filter((c) => c !== '.').length - [...heelFlags(clean, other)].filter((c) => c !== '.').length;
    cells.push(side === 'left' ? `${on} / ${off}` : `${off} / ${on}`);
  }
  console.log(`| ${trackName(clip.file)} | ${heelFlags(clean, 'left')} / ${heelFlags(clean, 'right')} | ${cells[0]} | ${cells[1]} | ${rise.toFixed(3)} |`);
}
console.log(`\nflags per rep: m/M/S = mild/moderate/severe, . = none. Injected side flagged in ${found}/${reps} reps; ${wrong} new flags on the other side.`);
