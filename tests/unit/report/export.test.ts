import { describe, expect, it } from 'vitest';
import { analysisJson, exportFileName, frameMetricsCsv, frameMetricsHeader, parseCsv, repsCsv, repsHeader, toCsv } from '../../../src/export';
import { METRIC_COLUMNS, extraMetricKeys } from '../../../src/export/metric_columns';
import { makeSampleAnalysis } from './sample_analysis';

describe('CSV primitives', () => {
  it('quotes commas, quotes and newlines and reads them back', () => {
    const text = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null]]);
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['line\nbreak', ''],
    ]);
  });

  it('writes null and non-finite numbers as empty cells, never 0', () => {
    const rows = parseCsv(toCsv(['v'], [[null], [NaN], [0]]));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['', '', '0']);
  });
});

describe('per-frame metrics CSV', () => {
  const analysis = makeSampleAnalysis();
  const rows = parseCsv(frameMetricsCsv(analysis));

  it('has a header and one row per analysed frame, all the same width', () => {
    expect(rows[0]).toEqual(frameMetricsHeader());
    expect(rows).toHaveLength(analysis.frames.length + 1);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
  });

  it('lists every metric of the core contract', () => {
    expect(extraMetricKeys(analysis.frames[0]!.metrics)).toEqual([]);
    expect(METRIC_COLUMNS.length).toBe(Object.keys(analysis.frames[0]!.metrics).length);
  });

  it('writes per-side values in their own columns and not-measurable as empty', () => {
    const header = rows[0]!;
    const frameIndex = 60; // t = 2.0 s, the bottom of rep 0
    const row = rows[frameIndex + 1]!;
    const frame = analysis.frames[frameIndex]!;
    expect(Number(row[header.indexOf('t')])).toBeCloseTo(frame.t, 5);
    expect(row[header.indexOf('rep')]).toBe('0');
    expect(Number(row[header.indexOf('kneeFlexionDeg_left')])).toBeCloseTo(frame.metrics.kneeFlexionDeg.left!, 3);
    expect(Number(row[header.indexOf('kneeFlexionDeg_right')])).toBeCloseTo(frame.metrics.kneeFlexionDeg.right!, 3);
    expect(row[header.indexOf('kneeValgusDeg_left')]).toBe('');
    expect(row[header.indexOf('buttWink')]).toBe('');
    expect(Number(row[header.indexOf('torsoAngleDeg_confidence')])).toBeCloseTo(0.85, 5);
  });

  it('leaves the rep empty between reps', () => {
    const header = rows[0]!;
    expect(rows[1]![header.indexOf('rep')]).toBe('');
  });
});

describe('per-rep CSV', () => {
  const analysis = makeSampleAnalysis();
  const rows = parseCsv(repsCsv(analysis));
  const header = rows[0]!;

  it('has one row per rep with events, tempo and flags', () => {
    expect(header).toEqual(repsHeader());
    expect(rows).toHaveLength(analysis.reps.length + 1);
    const last = rows[3]!;
    const rep = analysis.reps[2]!;
    expect(Number(last[header.indexOf('bottom_s')])).toBeCloseTo(rep.bottom, 5);
    expect(Number(last[header.indexOf('descent_s')])).toBeCloseTo(rep.tempo.descentS, 5);
    expect(last[header.indexOf('flag_count')]).toBe(String(rep.flags.length));
    expect(last[header.indexOf('flags')]).toBe('heel_lift:left:moderate; forward_lean:none:mild');
  });

  it('writes sided peaks per side and missing peaks as empty', () => {
    const first = rows[1]!;
    expect(Number(first[header.indexOf('peak_kneeFlexionDeg_right')])).toBeCloseTo(120, 3);
    expect(first[header.indexOf('peak_kneeValgusDeg_left')]).toBe('');
    expect(first[header.indexOf('peak_hipShift')]).toBe('');
  });
});

describe('Analysis JSON', () => {
  it('round-trips the Analysis unchanged', () => {
    const analysis = makeSampleAnalysis();
    const parsed = JSON.parse(analysisJson(analysis, new Date('2026-01-02T03:04:05Z')));
    expect(parsed.exportedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(parsed.analysis).toEqual(analysis);
  });
});

describe('exportFileName', () => {
  it('replaces the extension and unsafe characters', () => {
    expect(exportFileName('my squat (1).mp4', 'reps-csv')).toBe('my_squat_1_.reps.csv');
    expect(exportFileName('clip.mov', 'analysis-json')).toBe('clip.analysis.json');
    expect(exportFileName('', 'frames-csv')).toBe('squat.frames.csv');
  });
});
