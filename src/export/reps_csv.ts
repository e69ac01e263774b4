/**
 * Per-rep CSV: events, tempo, each metric's peak over the rep (per side where sided) and
 * the rep's flags as "fault:side:severity" joined by "; ". Not measurable = empty cell.
 */
import type { Analysis, Flag, RepPeak } from '../core/types';
import { METRIC_COLUMNS, isSidedValue } from './metric_columns';
import { toCsv, type CsvCell } from './csv';

export function repsHeader(): string[] {
  const peaks: string[] = [];
  for (const column of METRIC_COLUMNS) {
    if (column.sided) peaks.push(`peak_${column.key}_left`, `peak_${column.key}_right`);
    else peaks.push(`peak_${column.key}`);
  }
  return ['rep', 'start_s', 'bottom_s', 'ascent_start_s', 'end_s', 'descent_s', 'bottom_pause_s', 'ascent_s', 'partial', 'flag_count', 'flags', ...peaks];
}

export function flagLabel(flag: Flag): string {
  return [flag.fault, flag.side ?? 'none', flag.severity].join(':');
}

function peakCells(peak: RepPeak | undefined, sided: boolean): CsvCell[] {
  if (sided) return isSidedValue(peak) ? [peak.left, peak.right] : [null, null];
  return [typeof peak === 'number' ? peak : null];
}

export function repsCsv(analysis: Analysis): string {
  const rows = analysis.reps.map((rep) => [
    rep.index,
    rep.start,
    rep.bottom,
    rep.ascentStart,
    rep.end,
    rep.tempo.descentS,
    rep.tempo.bottomS,
    rep.tempo.ascentS,
    rep.partial ? 'yes' : 'no',
    rep.flags.length,
    rep.flags.map(flagLabel).join('; '),
    ...METRIC_COLUMNS.flatMap((column) => peakCells(rep.peaks[column.key], column.sided)),
  ]);
  return toCsv(repsHeader(), rows);
}
