/**
 * Mirror invariance on the committed tracks: analyze() of every clip against its mirrored copy
 * (fixtures/tracks/mirrored*, ffmpeg hflip before pose). Every side should swap, nothing else
 * change. Prints the flags present on only one side of the pair.
 *
 *   npx tsx scripts/eval/mirror_check.ts [full|lite]
 */
import { analyze } from '../../src/core/analyze';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { mirrorDiff } from '../../tests/accuracy/mirror_compare';
import { loadSet } from './track_sets';

const model = process.argv[2] ?? 'full';
const [origSet, mirSet] = model === 'lite' ? ['lite', 'mirrored-lite'] : ['full', 'mirrored'];
let consistent = 0, total = 0, extraFlags = 0;
console.log('| clip | view orig / mirrored | reps orig / mirrored | flags only in the original (sides swapped) | flags only in the mirrored |');
console.log('|---|---|---|---|---|');
for (const clip of CORPUS) {
  const o = loadSet(origSet, clip.file), m = loadSet(mirSet, clip.file);
  if (!o || !m) continue;
  const ao = analyze(o), am = analyze(m);
  const d = mirrorDiff(ao, am);
  total++;
  const ok = d.repsOriginal === d.repsMirrored && !d.onlyOriginal.length && !d.onlyMirrored.length && d.sameView;
  if (ok) consistent++;
  extraFlags += d.onlyOriginal.length + d.onlyMirrored.length;
  console.log(`| ${trackName(clip.file)} | ${ao.view.kind} / ${am.view.kind} | ${d.repsOriginal} / ${d.repsMirrored} | ${d.onlyOriginal.join(', ') || '-'} | ${d.onlyMirrored.join(', ') || '-'} |`);
}
console.log(`\n${model}: ${consistent}/${total} clips mirror-consistent (same view, reps, flags with sides swapped); ${extraFlags} unmatched flags`);
