/**
 * The exports on real core output: analyze() on a committed fixture track, then each file read
 * back and compared with the Analysis it came from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { parseAnalysis } from '../../../src/core/analysis_io';
import { METRICS } from '../../../src/core/metrics/registry';
import { columnConfidence, columnValue, repNumber } from '../../../src/core/series';
import type { PoseTrack, Side } from '../../../src/core/types';
import { analysisJson, exportFileName, flagLabel, frameMetricsCsv, frameMetricsHeader, parseCsv, repIndexAt, repsCsv, repsHeader, toCsv } from '../../../src/export';

const track = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/tracks/side-two-reps-good.json'), 'utf8')) as PoseTrack;
const analysis = analyze(track);
const SIDES: (Side | null)[] = ['left', 'right'];

/** What csvCell writes for a number: 6 significant digits. */
const asCsv = (v: number) => Number(v.toPrecision(6));

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

describe('per-frame metrics CSV of a real analysis', () => {
  const rows = parseCsv(frameMetricsCsv(analysis));
  const header = rows[0]!;

  it('has a header and one row per analysed frame, all the same width', () => {
    expect(header).toEqual(frameMetricsHeader());
    expect(rows).toHaveLength(analysis.series.t.length + 1);
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it('has a value and a confidence column for every registry metric and side', () => {
    for (const def of METRICS) {
      for (const side of def.sided ? SIDES : [null]) {
        const name = side ? `${def.key}_${side}` : def.key;
        expect(header, name).toContain(name);
        expect(header, name).toContain(`${name}_confidence`);
      }
    }
  });

  it('writes every cell as the Analysis has it: the number, or empty where not measurable', () => {
    let numbers = 0, empty = 0;
    analysis.series.t.forEach((t, i) => {
      const row = rows[i + 1]!;
      expect(Number(row[header.indexOf('t')])).toBeCloseTo(t, 4);
      const rep = repIndexAt(analysis, t);
      expect(row[header.indexOf('rep')]).toBe(rep === null ? '' : String(rep));
      for (const def of METRICS) {
        for (const side of def.sided ? SIDES : [null]) {
          const name = side ? `${def.key}_${side}` : def.key;
          const v = columnValue(analysis.series, def.key, side, i);
          const cell = row[header.indexOf(name)]!;
          if (v === null) {
            expect(cell, `${name} @${i}`).toBe('');
            empty++;
          } else {
            expect(Number(cell), `${name} @${i}`).toBe(asCsv(v));
            numbers++;
          }
          expect(Number(row[header.indexOf(`${name}_confidence`)])).toBe(asCsv(columnConfidence(analysis.series, def.key, side, i)));
        }
      }
    });
    // A side view: both measured and not measurable cells occur.
    expect(numbers).toBeGreaterThan(1000);
    expect(empty).toBeGreaterThan(1000);
  });
});

describe('per-rep CSV of a real analysis', () => {
  const rows = parseCsv(repsCsv(analysis));
  const header = rows[0]!;

  it('has one row per rep with events, tempo and flags', () => {
    expect(analysis.reps.length).toBeGreaterThan(1);
    expect(header).toEqual(repsHeader());
    expect(rows).toHaveLength(analysis.reps.length + 1);
    analysis.reps.forEach((rep, i) => {
      const row = rows[i + 1]!;
      expect(Number(row[header.indexOf('bottom_s')])).toBe(asCsv(rep.bottom));
      expect(Number(row[header.indexOf('descent_s')])).toBe(asCsv(rep.tempo.descentS));
      expect(row[header.indexOf('partial')]).toBe(rep.partial ? 'yes' : 'no');
      expect(row[header.indexOf('flag_count')]).toBe(String(rep.flags.length));
      expect(row[header.indexOf('flags')]).toBe(rep.flags.map(flagLabel).join('; '));
    });
    expect(analysis.reps.some((rep) => rep.flags.length > 0)).toBe(true);
  });

  it('writes each rep measure the report shows, per side, and empty where not measurable', () => {
    analysis.reps.forEach((rep, i) => {
      const row = rows[i + 1]!;
      for (const def of METRICS) {
        for (const side of def.sided ? SIDES : [null]) {
          const cell = row[header.indexOf(side ? `peak_${def.key}_${side}` : `peak_${def.key}`)]!;
          const v = repNumber(rep, def.key, side);
          expect(cell === '' ? null : Number(cell), `${def.key} ${side} rep ${i}`).toBe(v === null ? null : asCsv(v));
        }
      }
    });
  });
});

describe('Analysis JSON export', () => {
  it('reads back as the same Analysis (format v2, plain arrays, null where not measurable)', () => {
    const parsed = JSON.parse(analysisJson(analysis, new Date('2026-01-02T03:04:05Z')));
    expect(parsed.exportedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(parsed.analysis.formatVersion).toBe(2);
    expect(Array.isArray(parsed.analysis.series.t)).toBe(true);
    expect(parsed.analysis.series.columns['kneeValgusDeg.left'].value.every((v: unknown) => v === null)).toBe(true);
    expect(parseAnalysis(parsed.analysis)).toEqual(analysis);
  });
});

describe('exportFileName', () => {
  it('replaces the extension and unsafe characters', () => {
    expect(exportFileName('my squat (1).mp4', 'reps-csv')).toBe('my_squat_1_.reps.csv');
    expect(exportFileName('clip.mov', 'analysis-json')).toBe('clip.analysis.json');
    expect(exportFileName('', 'frames-csv')).toBe('squat.frames.csv');
  });
});
