/**
 * Every analysed set (upload or recording), kept on this device: its Analysis, date, view, model,
 * the user's note, and its video only when the user asks (videos are large). Backed by the app's
 * IndexedDB database (app_db.ts) through Dexie.
 *
 * Writes that touch several tables run in one transaction, so a set is stored whole or not at all,
 * and an import that fails halfway (storage full, a damaged file) leaves nothing behind.
 */
import type Dexie from 'dexie';
import type { Analysis, PoseTrack } from '../core/types';
import { AppDexie, DEFAULT_DB_NAME } from './app_db';
import { analysisFormatVersion, fromStoredAnalysis, toStoredAnalysis } from './analysis_access';
import { compactTrackBytes, packTrack, unpackTrack } from './compact_track';
import { BackupFormatError, buildBackup, readBackup, type BackupEntry } from './history_backup';
import { SUMMARY_VERSION, bySessionDate, type HistorySession, type SessionOrigin } from './history_types';
import { summariseAnalysis } from './session_summary';
import { HistoryStorageError, describeHistoryError } from './storage_errors';

export interface NewSession {
  analysis: Analysis;
  track: PoseTrack;
  name: string;
  origin: SessionOrigin;
  note?: string;
  /** The tfjs backend the pose model ran on. */
  backend?: string;
  /** When the set was done (ms), if known (a file's date); default: now. */
  performedAt?: number;
  /** Keep this video with the session. */
  video?: Blob | null;
}

export interface OpenedSession {
  session: HistorySession;
  analysis: Analysis;
  track: PoseTrack;
  /** The kept video, or null. */
  video: Blob | null;
}

export interface HistoryUsage {
  sessions: number;
  /** Analyses and pose tracks, bytes (approximate). */
  dataBytes: number;
  /** Kept videos, bytes. */
  videoBytes: number;
  videos: number;
}

export interface ImportResult {
  added: number;
  /** Already here (same session id): left as they are. */
  skipped: number;
}

export interface ExportOptions {
  /** Sessions whose kept video goes into the file (default none). */
  videoIds?: readonly string[];
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `session-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Approximate bytes of a stored Analysis (its JSON length; typed arrays count their bytes). */
function analysisBytes(analysis: Analysis): number {
  let typedBytes = 0;
  const text = JSON.stringify(analysis, (_key, value) => {
    if (ArrayBuffer.isView(value)) {
      typedBytes += value.byteLength;
      return undefined;
    }
    return value;
  });
  return text.length + typedBytes;
}

export class HistoryStore {
  private readonly db: AppDexie;

  /** A database name (the app's by default), or an open AppDexie to share. */
  constructor(db: string | AppDexie = DEFAULT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    this.db = typeof db === 'string' ? new AppDexie(db, options) : db;
  }

  /** Stores one analysed set (with its video when given); returns its row. */
  async save(input: NewSession, now = Date.now()): Promise<HistorySession> {
    const { analysis, track } = input;
    const compact = packTrack(track);
    const videoData = input.video ? await input.video.arrayBuffer() : null;
    const session: HistorySession = {
      id: newId(),
      createdAt: now,
      performedAt: input.performedAt ?? now,
      name: input.name,
      origin: input.origin,
      view: analysis.view.kind,
      model: analysis.model || track.model,
      ...(input.backend ? { backend: input.backend } : {}),
      note: input.note ?? '',
      durationS: analysis.source.durationS,
      width: analysis.source.width,
      height: analysis.source.height,
      fps: analysis.source.fps,
      summary: summariseAnalysis(analysis),
      summaryVersion: SUMMARY_VERSION,
      analysisFormat: analysisFormatVersion(analysis),
      video: videoData ? { bytes: videoData.byteLength, mimeType: input.video!.type || 'video/mp4' } : null,
      dataBytes: analysisBytes(analysis) + compactTrackBytes(compact),
    };
    await this.run('This set could not be saved to your history', () =>
      this.db.transaction('rw', this.db.sessions, this.db.sessionData, this.db.sessionVideos, async () => {
        await this.db.sessions.add(session);
        await this.db.sessionData.add({ id: session.id, analysis: toStoredAnalysis(analysis), track: compact });
        if (videoData) await this.db.sessionVideos.add({ id: session.id, data: videoData, mimeType: session.video!.mimeType });
      }),
    );
    return session;
  }

  /** Oldest first by the date of the set (the order of a progress chart). */
  async list(): Promise<HistorySession[]> {
    const rows = await this.run('Your history could not be read', () => this.db.sessions.toArray());
    const current = await Promise.all(rows.map((row) => (row.summaryVersion === SUMMARY_VERSION ? row : this.resummarise(row))));
    return current.sort(bySessionDate);
  }

  async get(id: string): Promise<HistorySession | undefined> {
    return this.run('That session could not be read', () => this.db.sessions.get(id));
  }

  /** The session with its Analysis, track and kept video, to show its report. */
  async open(id: string): Promise<OpenedSession> {
    return this.run('That session could not be opened', async () => {
      const [session, data, video] = await Promise.all([this.db.sessions.get(id), this.db.sessionData.get(id), this.db.sessionVideos.get(id)]);
      if (!session || !data) throw new HistoryStorageError('missing', 'That session is no longer stored (deleted in another tab?).');
      return {
        session,
        analysis: fromStoredAnalysis(data.analysis),
        track: unpackTrack(data.track),
        video: video ? new Blob([video.data], { type: video.mimeType }) : null,
      };
    });
  }

  /**
   * Replaces a session's Analysis and track (the set analysed again, e.g. following the other
   * person in the picture); its date, note and video stay.
   */
  async replaceAnalysis(id: string, analysis: Analysis, track: PoseTrack): Promise<HistorySession> {
    const compact = packTrack(track);
    return this.run('The new analysis could not be saved to your history', () =>
      this.db.transaction('rw', this.db.sessions, this.db.sessionData, async () => {
        const row = await this.db.sessions.get(id);
        if (!row) throw new HistoryStorageError('missing', 'That session is no longer stored.');
        const updated: HistorySession = {
          ...row,
          view: analysis.view.kind,
          model: analysis.model || track.model,
          summary: summariseAnalysis(analysis),
          summaryVersion: SUMMARY_VERSION,
          analysisFormat: analysisFormatVersion(analysis),
          dataBytes: analysisBytes(analysis) + compactTrackBytes(compact),
        };
        await this.db.sessions.put(updated);
        await this.db.sessionData.put({ id, analysis: toStoredAnalysis(analysis), track: compact });
        return updated;
      }),
    );
  }

  /** Corrects the date the set was done. */
  async setPerformedAt(id: string, performedAt: number): Promise<void> {
    await this.run('The date could not be changed', async () => {
      const n = await this.db.sessions.update(id, { performedAt });
      if (n === 0) throw new HistoryStorageError('missing', 'That session is no longer stored.');
    });
  }

  async setNote(id: string, note: string): Promise<void> {
    await this.run('The note could not be saved', async () => {
      const n = await this.db.sessions.update(id, { note });
      if (n === 0) throw new HistoryStorageError('missing', 'That session is no longer stored.');
    });
  }

  /** Keeps the video with a session (e.g. the user ticked "keep the video" after analysing). */
  async keepVideo(id: string, file: Blob): Promise<void> {
    const data = await file.arrayBuffer();
    const mimeType = file.type || 'video/mp4';
    await this.run('The video could not be kept', () =>
      this.db.transaction('rw', this.db.sessions, this.db.sessionVideos, async () => {
        const n = await this.db.sessions.update(id, { video: { bytes: data.byteLength, mimeType } });
        if (n === 0) throw new HistoryStorageError('missing', 'That session is no longer stored.');
        await this.db.sessionVideos.put({ id, data, mimeType });
      }),
    );
  }

  /** Frees a session's video; its numbers stay. */
  async dropVideo(id: string): Promise<void> {
    await this.run('The video could not be removed', () =>
      this.db.transaction('rw', this.db.sessions, this.db.sessionVideos, async () => {
        await this.db.sessionVideos.delete(id);
        await this.db.sessions.update(id, { video: null });
      }),
    );
  }

  async delete(id: string): Promise<void> {
    await this.run('That session could not be deleted', () =>
      this.db.transaction('rw', this.db.sessions, this.db.sessionData, this.db.sessionVideos, async () => {
        await this.db.sessionVideos.delete(id);
        await this.db.sessionData.delete(id);
        await this.db.sessions.delete(id);
      }),
    );
  }

  /**
   * Deletes the whole history and every stored webcam recording, in one transaction. A
   * recording still being made is left alone (its recorder is writing to it).
   */
  async deleteEverything(): Promise<{ sessions: number; recordings: number }> {
    return this.run('Not everything could be deleted', () =>
      this.db.transaction('rw', [this.db.sessions, this.db.sessionData, this.db.sessionVideos, this.db.recordings, this.db.chunks], async () => {
        const sessions = await this.db.sessions.count();
        await Promise.all([this.db.sessions.clear(), this.db.sessionData.clear(), this.db.sessionVideos.clear()]);
        const finished = await this.db.recordings.filter((r) => r.status !== 'recording').primaryKeys();
        await this.db.chunks.where('recordingId').anyOf(finished).delete();
        await this.db.recordings.bulkDelete(finished);
        return { sessions, recordings: finished.length };
      }),
    );
  }

  async usage(): Promise<HistoryUsage> {
    const rows = await this.run('Your history could not be read', () => this.db.sessions.toArray());
    const withVideo = rows.filter((r) => r.video);
    return {
      sessions: rows.length,
      dataBytes: rows.reduce((sum, r) => sum + r.dataBytes, 0),
      videoBytes: withVideo.reduce((sum, r) => sum + r.video!.bytes, 0),
      videos: withVideo.length,
    };
  }

  /** All sessions (and the chosen sessions' videos) as one backup file. */
  async exportBackup(options: ExportOptions = {}, now: Date = new Date()): Promise<Blob> {
    const wanted = new Set(options.videoIds ?? []);
    const entries = await this.run('The backup could not be made', () =>
      this.db.transaction('r', this.db.sessions, this.db.sessionData, this.db.sessionVideos, async () => {
        const rows = (await this.db.sessions.toArray()).sort(bySessionDate);
        const out: BackupEntry[] = [];
        for (const session of rows) {
          const data = await this.db.sessionData.get(session.id);
          if (!data) continue;
          const video = wanted.has(session.id) ? await this.db.sessionVideos.get(session.id) : undefined;
          out.push({
            session,
            analysis: fromStoredAnalysis(data.analysis),
            track: data.track,
            video: video ? { data: new Uint8Array(video.data), mimeType: video.mimeType } : null,
          });
        }
        return out;
      }),
    );
    const bytes = buildBackup(entries, now);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  }

  /**
   * Adds the sessions of a backup file that are not here yet (by id: importing the same file
   * twice, or into the browser that made it, adds nothing). The file is read and checked whole
   * first, then written in one transaction: on any failure nothing of it is stored.
   */
  async importBackup(file: Blob): Promise<ImportResult> {
    let entries: BackupEntry[];
    try {
      entries = readBackup(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (error instanceof BackupFormatError) throw new HistoryStorageError('bad_file', `That file could not be imported: ${error.message}. Nothing was changed.`, { cause: error });
      throw error;
    }
    return this.run('The backup could not be imported, and nothing of it was kept', () =>
      this.db.transaction('rw', this.db.sessions, this.db.sessionData, this.db.sessionVideos, async () => {
        let added = 0;
        let skipped = 0;
        for (const entry of entries) {
          if (await this.db.sessions.get(entry.session.id)) {
            skipped += 1;
            continue;
          }
          await this.db.sessions.add(entry.session);
          await this.db.sessionData.add({ id: entry.session.id, analysis: toStoredAnalysis(entry.analysis), track: entry.track });
          if (entry.video) {
            const data = entry.video.data.slice().buffer;
            await this.db.sessionVideos.add({ id: entry.session.id, data, mimeType: entry.video.mimeType });
          }
          added += 1;
        }
        return { added, skipped };
      }),
    );
  }

  close(): void {
    this.db.close();
  }

  /** A row summarised by an older version of the app: summarise it again from its Analysis. */
  private async resummarise(row: HistorySession): Promise<HistorySession> {
    const data = await this.db.sessionData.get(row.id);
    if (!data) return row;
    const updated = { ...row, summary: summariseAnalysis(fromStoredAnalysis(data.analysis)), summaryVersion: SUMMARY_VERSION };
    await this.db.sessions.put(updated).catch(() => undefined);
    return updated;
  }

  private async run<T>(failed: string, op: () => Promise<T> | T): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw describeHistoryError(error, failed);
    }
  }
}
