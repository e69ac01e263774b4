/** The short human summary of a two-view set on stderr. Pure: inputs in, lines out. */
import type { CombinedViews, ViewInput } from '../core/multiview/combine_views';
import type { FusedSet } from '../core/multiview/fuse';
import { LOW_CONFIDENCE } from '../core/multiview/time_alignment';

const signed = (v: number, digits: number) => `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;

export function setSummaryLines(a: ViewInput, b: ViewInput, combined: CombinedViews, fused: FusedSet): string[] {
  const al = combined.alignment;
  const lines = [
    `A ${a.name}: ${a.analysis.view.kind} view, ${a.track.source.fps.toFixed(2).replace(/\.?0+$/, '')} fps, ${a.analysis.reps.length} reps`,
    `B ${b.name}: ${b.analysis.view.kind} view, ${b.track.source.fps.toFixed(2).replace(/\.?0+$/, '')} fps, ${b.analysis.reps.length} reps`,
  ];
  if (al.method === 'none') {
    lines.push(`time offset: not found (${al.reason}); assumed 0`);
  } else {
    lines.push(
      `time offset: B starts ${Math.abs(al.offsetS).toFixed(3)} s ${al.offsetS >= 0 ? 'after' : 'before'} A (${signed(al.offsetFrames.b, 2)} frames of B), ` +
        `confidence ${Math.round(al.confidence * 100)} %, motion match r = ${al.match.toFixed(2)} over ${al.overlapS.toFixed(1)} s`,
    );
    if (al.confidence < LOW_CONFIDENCE && al.reason) lines.push(`  check it: ${al.reason}`);
  }
  const pairs = combined.repMatches.map((m) => `A${m.a + 1}=B${m.b + 1}`);
  lines.push(`same reps: ${pairs.length ? pairs.join(', ') : 'none matched'}`);
  lines.push(`verdict: ${fused.verdict.text}`);
  for (const f of fused.findings) lines.push(`finding (${f.views.join(' + ')} view): ${f.text}${f.note ? ` [${f.note}]` : ''}`);
  return lines;
}
