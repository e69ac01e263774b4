/**
 * What the history keeps per analysed set. Three tables (app_db.ts): `sessions` holds what the
 * list and the progress chart read (small: meta and a summary), `sessionData` the full Analysis
 * and pose track (read when a report is opened or backed up), `sessionVideos` the video file,
 * only for sets whose video the user chose to keep.
 */
import type { Fault, ViewKind } from '../core/types';
import type { CompactTrack } from './compact_track';

/** Where the set came from. */
export type SessionOrigin = 'upload' | 'recording';

/** One metric's value over a session's reps, per side where sided. */
export interface SummaryValue {
  /** Median of the reps' measures (each rep's extreme that matters), in the metric's own unit. */
  value: number;
  /** The rep furthest in the metric's peak direction. */
  worst: number;
  /** Mean confidence (0..1) of the reps' measures. */
  confidence: number;
  /** Reps that measured it. */
  reps: number;
}

export type SummarySide = 'left' | 'right' | 'none';

export interface MetricSummary {
  /** The view could measure it (measurability.measurable). */
  measurable: boolean;
  /** The view it is read from (measurability.view), or the clip's view. */
  view: ViewKind | null;
  /** Why not measurable, or what limits it, in words. */
  reason: string | null;
  /** 'none' for a metric without sides. A side missing here measured nothing. */
  values: Partial<Record<SummarySide, SummaryValue>>;
}

export interface TempoSummary {
  /** Medians over the reps, seconds. */
  repS: number;
  descentS: number;
  bottomS: number;
  ascentS: number;
}

export interface SessionSummary {
  repCount: number;
  view: ViewKind;
  viewConfidence: number;
  poseCoverage: number;
  tempo: TempoSummary | null;
  /** Keyed by metric key ('heelLift', 'kneeValgusDeg', ...). */
  metrics: Record<string, MetricSummary>;
  /** Reps flagged with each fault. */
  flaggedReps: Partial<Record<Fault, number>>;
}

/** Increase when SessionSummary changes shape: older rows are summarised again from their Analysis. */
export const SUMMARY_VERSION = 1;

export interface SessionVideoInfo {
  bytes: number;
  mimeType: string;
}

export interface HistorySession {
  /** Random UUID: the same set keeps its id through a backup and an import elsewhere. */
  id: string;
  /** When it was analysed, ms since the epoch. */
  createdAt: number;
  /**
   * When the set was done, ms since the epoch: the chart's time axis. For an upload the file's own
   * date (a phone video's is when it was filmed), for a recording when it was analysed; the user
   * can correct it. Rows without it (none written so far) read as createdAt.
   */
  performedAt?: number;
  /** File name, or the recording's name. */
  name: string;
  origin: SessionOrigin;
  /** The clip's camera view (most of the clip). */
  view: ViewKind;
  /** Pose model, e.g. "blazepose-full". */
  model: string;
  /** The tfjs backend the pose model ran on ("wasm", "webgl"), when known. */
  backend?: string;
  /** The user's note or tag ("after 2 weeks of ankle mobility"). */
  note: string;
  durationS: number;
  width: number;
  height: number;
  fps: number;
  summary: SessionSummary;
  summaryVersion: number;
  /** The Analysis' format version as stored. */
  analysisFormat: number;
  /** Present when the video is kept. */
  video: SessionVideoInfo | null;
  /** Rough size of the stored Analysis and track, bytes. */
  dataBytes: number;
}

export interface SessionData {
  id: string;
  /** The Analysis as the core produced it (structured clone keeps typed arrays as they are). */
  analysis: unknown;
  track: CompactTrack;
}

/** The date a session is charted and listed at. */
export function sessionDate(session: Pick<HistorySession, 'performedAt' | 'createdAt'>): number {
  return session.performedAt ?? session.createdAt;
}

/** Oldest first by the set's date, then by when it was analysed. */
export function bySessionDate(a: HistorySession, b: HistorySession): number {
  return sessionDate(a) - sessionDate(b) || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

export interface SessionVideo {
  id: string;
  /** The file's bytes (ArrayBuffer rather than Blob: see recordings_db.ts). */
  data: ArrayBuffer;
  mimeType: string;
}
