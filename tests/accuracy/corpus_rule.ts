/**
 * The good-form corpus rule of issue 10: on a good lifter, no moderate or severe heel-lift or
 * knee-valgus flag, no severe flag of any kind, and the rep count the MANIFEST gives.
 */
import type { Analysis, Flag } from '../../src/core/types';
import type { ClipExpectation } from './corpus_expectations';

export function flagText(f: Flag): string {
  return `${f.fault}${f.side ? `/${f.side}` : ''} ${f.severity} ${Number(f.value.toFixed(3))}`;
}

export interface CorpusVerdict {
  ok: boolean;
  problems: string[];
}

export function corpusVerdict(clip: ClipExpectation, a: Analysis): CorpusVerdict {
  const problems: string[] = [];
  const full = a.reps.filter((r) => !r.partial).length;
  const partial = a.reps.length - full;
  if (full !== clip.reps) problems.push(`${full} full reps, expected ${clip.reps}`);
  if (partial > 0 && !clip.partial) problems.push(`${partial} partial rep(s) not expected`);
  for (const r of a.reps) {
    for (const f of r.flags) {
      if (f.severity === 'severe') problems.push(`severe ${flagText(f)} (rep ${r.index + 1})`);
      else if ((f.fault === 'heel_lift' || f.fault === 'knee_valgus') && f.severity === 'moderate') {
        problems.push(`${flagText(f)} (rep ${r.index + 1})`);
      }
    }
  }
  return { ok: problems.length === 0, problems };
}
