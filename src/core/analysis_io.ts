/**
 * The Analysis as JSON, and back. In memory the per-frame series are typed arrays with NaN for
 * "not measurable"; in JSON they are plain number arrays with null, readable by people and by
 * any tool (docs/analysis-format.md).
 *
 * parseAnalysis reads both format versions:
 *   - v2 (`formatVersion: 2`): what analysisToJSON writes;
 *   - v1 (`version: 1`, written before the series existed): `frames[]` of {t, metrics,
 *     confidence} become the series' columns, and `reps[].peaks` (numbers only) become
 *     `reps[].measures` with the rule in docs/analysis-format.md ("Reading version 1").
 */
import { METRICS } from './metrics/registry';
import { columnKey, isSidedEntry } from './series';
import {
  ANALYSIS_FORMAT_VERSION,
  type Analysis,
  type FrameSeries,
  type Measurability,
  type MetricColumn,
  type MetricKey,
  type Rep,
  type RepMeasure,
  type RepMeasureEntry,
  type ViewEstimate,
  type ViewKind,
} from './types';

/** The JSON form of a FrameSeries: plain arrays, null where the value is not measurable. */
export interface FrameSeriesJSON {
  t: number[];
  columns: Record<string, { value: (number | null)[]; confidence: number[] }>;
}

/** The JSON form of an Analysis (what analysisToJSON returns and JSON.stringify writes). */
export type AnalysisJSON = Omit<Analysis, 'series'> & { series: FrameSeriesJSON };

/**
 * A float32 as the shortest decimal that reads back as the same float32 (6 to 9 significant
 * digits): 12.5 not 12.5000000001, 0.1 not 0.10000000149011612.
 */
function float32Json(v: number): number | null {
  if (v !== v || v === Infinity || v === -Infinity) return null;
  for (let p = 6; p < 9; p++) {
    const short = Number(v.toPrecision(p));
    if (Math.fround(short) === v) return short;
  }
  return Number(v.toPrecision(9));
}

function columnJson(col: MetricColumn): { value: (number | null)[]; confidence: number[] } {
  const n = col.value.length;
  const value: (number | null)[] = new Array(n);
  const confidence: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    value[i] = float32Json(col.value[i]);
    confidence[i] = float32Json(col.confidence[i]) ?? 0;
  }
  return { value, confidence };
}

/** The Analysis as plain JSON: typed arrays as number arrays, NaN as null. */
export function analysisToJSON(analysis: Analysis): AnalysisJSON {
  const columns: FrameSeriesJSON['columns'] = {};
  for (const [key, col] of Object.entries(analysis.series.columns)) columns[key] = columnJson(col);
  return { ...analysis, series: { t: Array.from(analysis.series.t), columns } };
}

/** Why a value cannot be read as an Analysis. */
export class AnalysisFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisFormatError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

function seriesFromJson(json: unknown, n: number | null): FrameSeries {
  if (!isObject(json) || !Array.isArray(json.t) || !isObject(json.columns)) {
    throw new AnalysisFormatError('"series" must be {t: number[], columns: {...}}');
  }
  const frames = n ?? json.t.length;
  const t = Float64Array.from(json.t, num);
  const columns: Record<string, MetricColumn> = {};
  for (const [key, raw] of Object.entries(json.columns)) {
    if (!isObject(raw) || !Array.isArray(raw.value) || !Array.isArray(raw.confidence)) {
      throw new AnalysisFormatError(`series column "${key}" must be {value: [], confidence: []}`);
    }
    if (raw.value.length !== frames || raw.confidence.length !== frames) {
      throw new AnalysisFormatError(`series column "${key}" has ${raw.value.length} values for ${frames} frames`);
    }
    const value = Float32Array.from(raw.value, num);
    const confidence = Float32Array.from(raw.confidence, (c, i) => (value[i] === value[i] ? num(c) || 0 : 0));
    columns[key] = { value, confidence };
  }
  return { t, columns: withEveryColumn(columns, frames) };
}

/** Adds an empty (not measurable) column for every registry metric the file does not have. */
function withEveryColumn(columns: Record<string, MetricColumn>, n: number): Record<string, MetricColumn> {
  for (const def of METRICS) {
    for (const side of def.sided ? (['left', 'right'] as const) : [null]) {
      const key = columnKey(def.key, side);
      columns[key] ??= { value: new Float32Array(n).fill(NaN), confidence: new Float32Array(n) };
    }
  }
  return columns;
}

/** v1 `frames[]` -> columns (null -> NaN; confidence 0 where the value is null). */
function seriesFromV1Frames(frames: unknown[]): FrameSeries {
  const n = frames.length;
  const t = new Float64Array(n);
  const columns: Record<string, MetricColumn> = {};
  const col = (key: string) => (columns[key] ??= { value: new Float32Array(n).fill(NaN), confidence: new Float32Array(n) });
  for (let i = 0; i < n; i++) {
    const f = frames[i];
    if (!isObject(f)) throw new AnalysisFormatError(`frame ${i} is not an object`);
    t[i] = num(f.t);
    const metrics = isObject(f.metrics) ? f.metrics : {};
    const confidence = isObject(f.confidence) ? f.confidence : {};
    for (const [key, v] of Object.entries(metrics)) {
      const c = confidence[key];
      const put = (ck: string, value: unknown, conf: unknown) => {
        const x = num(value);
        const target = col(ck);
        target.value[i] = x;
        target.confidence[i] = x === x ? num(conf) || 0 : 0;
      };
      if (isSidedEntry(v)) {
        const cs = isSidedEntry(c) ? c : { left: 0, right: 0 };
        put(`${key}.left`, v.left, cs.left);
        put(`${key}.right`, v.right, cs.right);
      } else put(key, v, c);
    }
  }
  return { t, columns: withEveryColumn(columns, n) };
}

/** View kind at time t, from the view segments (the clip's main view outside them). */
function viewAtTime(view: ViewEstimate, t: number): ViewKind {
  for (const s of view.segments ?? []) if (t >= s.from && t <= s.to) return s.kind;
  return view.kind;
}

/**
 * v1 rep peaks carry only the value. The rest, by rule: `t` = the rep's bottom, `view` = the
 * view at the bottom, `confidence` = 0.5, the confidence every frame a v1 peak was taken from
 * had at least (the peak's minimum confidence, which is also a flag's).
 */
function measuresFromV1Peaks(peaks: unknown, bottom: number, view: ViewKind): Partial<Record<MetricKey, RepMeasureEntry>> {
  const out: Partial<Record<MetricKey, RepMeasureEntry>> = {};
  if (!isObject(peaks)) return out;
  const one = (v: unknown): RepMeasure | null => (typeof v === 'number' && Number.isFinite(v) ? { value: v, confidence: 0.5, t: bottom, view } : null);
  for (const [key, p] of Object.entries(peaks)) {
    out[key as MetricKey] = isSidedEntry(p) ? { left: one(p.left), right: one(p.right) } : one(p);
  }
  return out;
}

function viewEstimate(v: unknown): ViewEstimate {
  if (!isObject(v) || typeof v.kind !== 'string') throw new AnalysisFormatError('missing "view"');
  return { kind: v.kind as ViewKind, confidence: num(v.confidence) || 0, segments: Array.isArray(v.segments) ? (v.segments as ViewEstimate['segments']) : [] };
}

/**
 * An Analysis from its JSON (a parsed object, not a string): format v2 as analysisToJSON writes
 * it, or v1 as the app and CLI wrote it before. Throws AnalysisFormatError with the reason when
 * it is neither.
 */
export function parseAnalysis(json: unknown): Analysis {
  if (!isObject(json)) throw new AnalysisFormatError('an Analysis must be a JSON object');
  const view = viewEstimate(json.view);
  if (!Array.isArray(json.reps)) throw new AnalysisFormatError('missing "reps" array');
  let series: FrameSeries;
  let reps: Rep[];
  if (json.formatVersion === ANALYSIS_FORMAT_VERSION) {
    series = seriesFromJson(json.series, null);
    reps = json.reps as Rep[];
  } else if (json.version === 1) {
    if (!Array.isArray(json.frames)) throw new AnalysisFormatError('a version 1 Analysis needs "frames"');
    series = seriesFromV1Frames(json.frames);
    reps = (json.reps as Record<string, unknown>[]).map((r) => {
      const { peaks, ...rest } = r;
      const bottom = num(r.bottom);
      const repView = viewAtTime(view, bottom);
      const flags = (Array.isArray(r.flags) ? r.flags : []).map((f: Record<string, unknown>) => ({ ...f, view: viewAtTime(view, num(f.t)) }));
      return { ...rest, flags, view: repView, measures: measuresFromV1Peaks(peaks, bottom, repView) } as unknown as Rep;
    });
  } else {
    const v = json.formatVersion ?? json.version;
    throw new AnalysisFormatError(v === undefined ? 'no "formatVersion": not an Analysis' : `format version ${String(v)} is not one this app reads (1 or ${ANALYSIS_FORMAT_VERSION})`);
  }
  const measurability = (isObject(json.measurability) ? json.measurability : {}) as Record<string, Partial<Measurability>>;
  const fullMeasurability = {} as Record<MetricKey, Measurability>;
  for (const def of METRICS) {
    const m = measurability[def.key];
    fullMeasurability[def.key] = m
      ? { measurable: !!m.measurable, reason: m.reason ?? null, confidence: num(m.confidence) || 0, view: m.view ?? (m.measurable ? view.kind : null) }
      : { measurable: false, reason: 'not in this file (written by an older version of the app)', confidence: 0, view: null };
  }
  const { version: _v1, frames: _frames, ...rest } = json as Record<string, unknown>;
  return {
    ...(rest as unknown as Analysis),
    formatVersion: ANALYSIS_FORMAT_VERSION,
    view,
    measurability: fullMeasurability,
    series,
    reps,
    settings: isObject(json.settings) ? (json.settings as unknown as Analysis['settings']) : { depthTarget: 'parallel' },
  };
}
