/**
 * The history as one backup file: a ZIP (fflate), so it opens in any archive tool and each part
 * can be checked on its own. Inside:
 *
 *   squat-history.json                 what is in the file: every session's row, and its parts
 *   sessions/<id>/analysis.json        the Analysis as plain JSON
 *   sessions/<id>/track.json           the pose track's source, model and keypoint names
 *   sessions/<id>/track-t.f64          frame times      (Float64, little-endian)
 *   sessions/<id>/track-pose.u8        1 = person found (Uint8)
 *   sessions/<id>/track-values.f32     x, y, score per keypoint per frame (Float32, little-endian)
 *   videos/<id>.<ext>                  the video, for the sessions the user chose
 *
 * Pure: bytes in, bytes out. Reading checks everything before anything is written (see
 * HistoryStore.importBackup), so a damaged file is refused whole.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Analysis } from '../core/types';
import { analysisFromBackupJSON, analysisToBackupJSON } from './analysis_access';
import type { CompactTrack } from './compact_track';
import type { HistorySession } from './history_types';
import { videoFileExtension } from './video_extension';

export const BACKUP_FORMAT = 'squat-analyzer-history';
export const BACKUP_VERSION = 1;
const MANIFEST = 'squat-history.json';

export interface BackupEntry {
  session: HistorySession;
  analysis: Analysis;
  track: CompactTrack;
  /** Present when the video is part of the backup. */
  video: { data: Uint8Array; mimeType: string } | null;
}

interface ManifestSession {
  session: HistorySession;
  video: { path: string; mimeType: string } | null;
}

interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  sessions: ManifestSession[];
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function json(value: unknown): Uint8Array {
  return strToU8(JSON.stringify(value));
}

export function buildBackup(entries: readonly BackupEntry[], now: Date = new Date()): Uint8Array {
  const files: Zippable = {};
  const sessions: ManifestSession[] = [];
  for (const entry of entries) {
    const { id } = entry.session;
    const dir = `sessions/${id}`;
    const { t, hasPose, values, ...trackMeta } = entry.track;
    files[`${dir}/analysis.json`] = json(analysisToBackupJSON(entry.analysis));
    files[`${dir}/track.json`] = json(trackMeta);
    files[`${dir}/track-t.f64`] = bytesOf(t);
    files[`${dir}/track-pose.u8`] = bytesOf(hasPose);
    files[`${dir}/track-values.f32`] = bytesOf(values);
    let video: ManifestSession['video'] = null;
    if (entry.video) {
      const path = `videos/${id}.${videoFileExtension(entry.video.mimeType)}`;
      // Stored, not deflated: a video is already compressed.
      files[path] = [entry.video.data, { level: 0 }];
      video = { path, mimeType: entry.video.mimeType };
    }
    sessions.push({ session: { ...entry.session, video: entry.video ? { bytes: entry.video.data.byteLength, mimeType: entry.video.mimeType } : null }, video });
  }
  const manifest: Manifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), sessions };
  files[MANIFEST] = json(manifest);
  return zipSync(files, { level: 6 });
}

function typed<T>(bytes: Uint8Array | undefined, make: (buffer: ArrayBuffer) => T, what: string): T {
  if (!bytes) throw new BackupFormatError(`part of a session is missing (${what})`);
  // A copy at offset 0: typed arrays need their element alignment.
  return make(bytes.slice().buffer);
}

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) throw new BackupFormatError(`part of a session is missing (${what})`);
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BackupFormatError(`a part of the file is damaged (${what})`);
  }
}

function checkSession(s: unknown): HistorySession {
  const row = s as Partial<HistorySession> | null;
  if (!row || typeof row.id !== 'string' || !row.id || typeof row.createdAt !== 'number' || !row.summary || typeof row.name !== 'string') {
    throw new BackupFormatError('a session in the file is incomplete');
  }
  return row as HistorySession;
}

/** Reads and checks a whole backup; throws BackupFormatError saying what is wrong. */
export function readBackup(bytes: Uint8Array): BackupEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new BackupFormatError('it is not a history backup (not a ZIP file, or cut off)');
  }
  const manifest = parseJson(files[MANIFEST], MANIFEST) as Partial<Manifest> | null;
  if (!manifest || manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.sessions)) {
    throw new BackupFormatError('it is not a history backup of this app');
  }
  if (typeof manifest.version !== 'number' || manifest.version > BACKUP_VERSION) {
    throw new BackupFormatError('it was made by a newer version of the app: update the app, then import it again');
  }
  return manifest.sessions.map((item) => {
    const session = checkSession(item.session);
    const dir = `sessions/${session.id}`;
    let analysis: Analysis;
    try {
      analysis = analysisFromBackupJSON(parseJson(files[`${dir}/analysis.json`], `${dir}/analysis.json`));
    } catch (error) {
      throw error instanceof BackupFormatError ? error : new BackupFormatError(`${session.name}: ${(error as Error).message}`);
    }
    const trackMeta = parseJson(files[`${dir}/track.json`], `${dir}/track.json`) as Omit<CompactTrack, 't' | 'hasPose' | 'values'>;
    const track: CompactTrack = {
      ...trackMeta,
      t: typed(files[`${dir}/track-t.f64`], (b) => new Float64Array(b), `${dir}/track-t.f64`),
      hasPose: typed(files[`${dir}/track-pose.u8`], (b) => new Uint8Array(b), `${dir}/track-pose.u8`),
      values: typed(files[`${dir}/track-values.f32`], (b) => new Float32Array(b), `${dir}/track-values.f32`),
    };
    const n = track.t.length;
    if (!Array.isArray(track.names) || track.hasPose.length !== n || track.values.length !== n * track.names.length * 3) {
      throw new BackupFormatError(`${session.name}: its pose track is damaged`);
    }
    let video: BackupEntry['video'] = null;
    if (item.video) {
      const data = files[item.video.path];
      if (!data) throw new BackupFormatError(`${session.name}: its video is missing from the file`);
      video = { data, mimeType: item.video.mimeType };
    }
    return { session: { ...session, video: video ? { bytes: video.data.byteLength, mimeType: video.mimeType } : null }, analysis, track, video };
  });
}
