// @vitest-environment happy-dom
/**
 * One source of truth per number: on every fixture track (fixtures/tracks/*.json through the
 * core's analyze()), every number the report shows (verdict, rep cards, left and right, review
 * table) is the registry's formatting of the same rep.measures entry, and the per-rep CSV's cell
 * holds that same number; where the report says "not measurable" the CSV cell is empty.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { analyze } from '../../../../src/core/analyze';
import { METRICS, isMetricKey, isSidedMetric, metricDef } from '../../../../src/core/metrics/registry';
import { repValue } from '../../../../src/core/series';
import type { Analysis, MetricKey, PoseTrack, Side } from '../../../../src/core/types';
import { parseCsv, repsCsv } from '../../../../src/export';
import { formatMetric } from '../../../../src/ui/report/labels';
import type { LoadedVideoLike } from '../../../../src/ui/report/loaded_video_like';

vi.mock('uplot', () => ({ default: class { constructor() {} setSize() {} destroy() {} } }));
vi.mock('uplot/dist/uPlot.min.css', () => ({}));
const { ReportView } = await import('../../../../src/ui/report/ReportView');
const { default: RepReview } = await import('../../../../src/ui/review/RepReview');

const tracksDir = path.resolve(import.meta.dirname, '../../../../fixtures/tracks');
const files = readdirSync(tracksDir).filter((f) => f.endsWith('.json')).sort();

beforeEach(() => {
  HTMLMediaElement.prototype.pause = vi.fn();
});
afterEach(cleanup);

/** What the report must show for a rep's metric on a side: the registry's formatting of rep.measures, or "not measurable". */
function expected(analysis: Analysis, rep: number, key: MetricKey, side: Side | null): { number: string; plain: string | null; value: number | null } {
  const measure = repValue(analysis.reps[rep]!, key, side);
  if (!measure || !analysis.measurability[key].measurable) return { number: 'not measurable', plain: null, value: null };
  return { number: formatMetric(key, measure.value), plain: metricDef(key).plain(measure.value), value: measure.value };
}

function parseRef(ref: string): { rep: number; key: MetricKey; side: Side | null } {
  const parts = ref.split(':');
  const [rep, key, side] = parts.slice(-3) as [string, string, string];
  if (!isMetricKey(key)) throw new Error(`unknown metric in data-measure="${ref}"`);
  // A side only on a per-side metric: the CSV has a column for each side of those alone.
  if (side && !isSidedMetric(key)) throw new Error(`data-measure="${ref}" names a side of a whole-body metric`);
  return { rep: Number(rep), key, side: side === 'left' || side === 'right' ? side : null };
}

function video(file: string, analysis: Analysis, track: PoseTrack): LoadedVideoLike {
  return { id: 'v1', name: file, file: new Blob([]), url: 'blob:fixture', track, analysis, backend: 'test', model: track.model };
}

describe.each(files)('%s: one number, one source', (file) => {
  const track = JSON.parse(readFileSync(path.join(tracksDir, file), 'utf8')) as PoseTrack;
  const analysis = analyze(track);

  it('every number shown in the report is the registry formatting of rep.measures, and the CSV holds the same number', () => {
    render(<ReportView video={video(file, analysis, track)} allVideos={[video(file, analysis, track)]} />);
    const shown = [...document.querySelectorAll<HTMLElement>('[data-measure]')];
    if (analysis.reps.length) expect(shown.length).toBeGreaterThan(0);
    for (const el of shown) {
      const { rep, key, side } = parseRef(el.dataset.measure!);
      const want = expected(analysis, rep, key, side);
      const where = `${el.dataset.measure} in ${el.closest('[data-fold]')?.getAttribute('data-fold') ?? 'verdict'}`;
      const number = el.querySelector('.measure-number');
      if (want.value === null) {
        expect(number?.textContent, where).toBe('not measurable');
        continue;
      }
      // The words, from the same measure, and the registry's number where the words do not already state it.
      expect(el.textContent, where).toContain(want.plain!);
      if (number) expect(number.textContent, where).toBe(want.number);
      else expect(want.plain!, where).toContain(want.number.replace(/^-/, '').split(/[ °]/)[0]!);
    }
    // Every measurable number of every rep is in the rep cards, once.
    for (const rep of analysis.reps) {
      for (const def of METRICS) {
        if (!analysis.measurability[def.key].measurable) continue;
        for (const side of def.sided ? (['left', 'right'] as const) : [null]) {
          const cells = document.querySelectorAll(`.rep-card [data-measure="${rep.index}:${def.key}:${side ?? ''}"]`);
          expect(cells.length, `rep ${rep.index + 1} ${def.key} ${side}`).toBe(1);
        }
      }
    }
    // The per-rep CSV: the same number in each peak_ column (empty where the report says not measurable).
    const rows = parseCsv(repsCsv(analysis));
    const header = rows[0]!;
    for (const rep of analysis.reps) {
      const row = rows[rep.index + 1]!;
      for (const def of METRICS) {
        for (const side of def.sided ? (['left', 'right'] as const) : [null]) {
          const cell = row[header.indexOf(`peak_${def.key}${side ? `_${side}` : ''}`)]!;
          const want = expected(analysis, rep.index, def.key, side);
          if (want.value === null) expect(cell, `${def.key} ${side} rep ${rep.index}`).toBe('');
          else {
            expect(Number(cell)).toBeCloseTo(want.value, 4);
            expect(formatMetric(def.key, Number(cell))).toBe(want.number);
          }
        }
      }
    }
  });

  it.skipIf(analysis.reps.length === 0)('the review table shows the same numbers', () => {
    const v = video(file, analysis, track);
    render(<RepReview videos={[v]} initialVideoId="v1" />);
    const cells = [...document.querySelectorAll<HTMLElement>('.review-table [data-measure]')];
    expect(cells.length).toBeGreaterThan(0);
    for (const el of cells) {
      const { rep, key, side } = parseRef(el.dataset.measure!);
      expect(el.textContent!.trim(), el.dataset.measure).toBe(expected(analysis, rep, key, side).number);
      const plain = expected(analysis, rep, key, side).plain;
      if (plain) expect(el.closest('td')!.textContent).toContain(plain);
    }
    act(() => undefined);
  });
});
