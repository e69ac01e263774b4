/**
 * Expected (MANIFEST) vs reported (today's analyze()) for every clip of a track set: reps, view,
 * every flag with side, severity and value, and for good clips whether the corpus rule holds
 * (no moderate/severe heel lift or valgus, nothing severe, rep count right).
 *
 *   npx tsx scripts/eval/corpus_table.ts [full|lite|mirrored|mirrored-lite ...]   (default: full lite)
 */
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/types';
import { CORPUS, trackName, type ClipExpectation } from '../../tests/accuracy/corpus_expectations';
import { corpusVerdict, flagText } from '../../tests/accuracy/corpus_rule';
import { loadSet, SET_DIRS } from './track_sets';

function expectedText(c: ClipExpectation): string {
  return `${c.good ? 'good' : `bad: ${c.faults.join(', ') || 'see note'}`}; ${c.reps} rep${c.reps > 1 ? 's' : ''}${c.partial ? ' (+partial ok)' : ''}`;
}

function reportedText(a: Analysis): string {
  const full = a.reps.filter((r) => !r.partial).length;
  const part = a.reps.length - full;
  const flags = a.reps.flatMap((r) => r.flags.map((f) => `r${r.index + 1} ${flagText(f)}`));
  return `${full} rep${full === 1 ? '' : 's'}${part ? ` +${part} partial` : ''}; ${flags.length ? flags.join(', ') : 'no flags'}`;
}

function main(): void {
  const sets = process.argv.slice(2).length ? process.argv.slice(2) : ['full', 'lite'];
  for (const set of sets) {
    console.log(`\n### ${set} (${SET_DIRS[set]})\n`);
    console.log('| clip | view | expected | reported | corpus rule (good clips) |');
    console.log('|---|---|---|---|---|');
    let pass = 0, good = 0;
    for (const clip of CORPUS) {
      const track = loadSet(set, clip.file);
      if (!track) { console.log(`| ${trackName(clip.file)} | | ${expectedText(clip)} | no track | |`); continue; }
      const a = analyze(track);
      const v = corpusVerdict(clip, a);
      if (clip.good) { good++; if (v.ok) pass++; }
      console.log(`| ${trackName(clip.file)} | ${a.view.kind} | ${expectedText(clip)} | ${reportedText(a)} | ${clip.good ? (v.ok ? 'pass' : `FAIL: ${v.problems.join('; ')}`) : ''} |`);
    }
    console.log(`\n${set}: ${pass}/${good} good clips pass the corpus rule`);
  }
}

main();
