/** The short human summary the CLI prints to stderr after an analysis. Pure: Analysis in, lines out. */
import type { Analysis, MetricKey, PoseTrack } from '../core/types';

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

export function summaryLines(track: PoseTrack, analysis: Analysis): string[] {
  const s = track.source;
  const withPerson = track.frames.filter((f) => f.keypoints).length;
  const lines = [
    `${s.name}: ${s.width}x${s.height}, ${s.fps.toFixed(2).replace(/\.?0+$/, '')} fps, ${track.frames.length} frames, ${track.model}`,
    `pose found in ${withPerson}/${track.frames.length} frames (${pct(track.frames.length ? withPerson / track.frames.length : 0)})`,
  ];
  lines.push(`view: ${analysis.view.kind} (confidence ${pct(analysis.view.confidence)})`);
  lines.push(`reps: ${analysis.reps.length} (depth judged against: ${analysis.settings?.depthTarget?.replace('_', ' ') ?? 'parallel'})`);
  for (const rep of analysis.reps) {
    const flags = rep.flags.map((f) => `${f.fault.replace(/_/g, ' ')}${f.side ? ` (${f.side})` : ''} ${f.severity}`);
    const tempo = `${rep.tempo.descentS.toFixed(1)}/${rep.tempo.bottomS.toFixed(1)}/${rep.tempo.ascentS.toFixed(1)} s`;
    lines.push(`  rep ${rep.index + 1} at ${rep.start.toFixed(1)}-${rep.end.toFixed(1)} s, tempo ${tempo}${rep.partial ? ' (partial)' : ''}: ${flags.length ? flags.join(', ') : 'no flags'}`);
  }
  for (const f of analysis.findings) lines.push(`finding: ${f.text}`);
  const notMeasurable = (Object.entries(analysis.measurability) as [MetricKey, Analysis['measurability'][MetricKey]][])
    .filter(([, m]) => !m.measurable)
    .map(([k, m]) => `${k}${m.reason ? ` (${m.reason})` : ''}`);
  if (notMeasurable.length) lines.push(`not measurable from this video: ${notMeasurable.join('; ')}`);
  for (const w of analysis.warnings) lines.push(`warning: ${w.message}`);
  return lines;
}
