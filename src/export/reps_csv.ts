/**
 * Per-rep CSV: events, tempo, each metric's value over the rep (per side where sided: the rep
 * measure, the same number the report shows) and the rep's flags as "fault:side:severity"
 * joined by "; ". Not measurable = empty cell.
 */
import { repNumber } from '../core/series';
import type { Analysis, Flag } from '../core/types';
import { METRIC_COLUMNS, metricColumnNames } from './metric_columns';
import { toCsv } from './csv';

export function repsHeader(): string[] {
  return ['rep', 'start_s', 'bottom_s', 'ascent_start_s', 'end_s', 'descent_s', 'bottom_pause_s', 'ascent_s', 'partial', 'flag_count', 'flags', ...metricColumnNames('peak_')];
}

export function flagLabel(flag: Flag): string {
  return [flag.fault, flag.side ?? 'none', flag.severity].join(':');
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
    ...METRIC_COLUMNS.flatMap((column) =>
      column.sided ? [repNumber(rep, column.key, 'left'), repNumber(rep, column.key, 'right')] : [repNumber(rep, column.key, null)],
    ),
  ]);
  return toCsv(repsHeader(), rows);
}
