/**
 * The app's one IndexedDB database (through Dexie) and its schema history. Webcam recordings
 * (recordings_db.ts) and the history of analysed sets (history_db.ts) share it, so the browser
 * counts one site's storage and one "delete everything" can reach all of it.
 *
 * Schema changes are new Dexie versions, never edits of an old one: a browser that still has
 * version 1 (recordings only) upgrades in place and keeps every recording.
 *   1: recordings, chunks (webcam recordings, chunk by chunk)
 *   2: + sessions (one row per analysed set: meta and a small summary for the progress view),
 *      sessionData (its Analysis and pose track, read only when a report is opened),
 *      sessionVideos (the video file, only when the user chose to keep it)
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RecordingChunk, RecordingMeta } from './recordings_db';
import type { HistorySession, SessionData, SessionVideo } from './history_types';

export class AppDexie extends Dexie {
  recordings!: EntityTable<RecordingMeta, 'id'>;
  chunks!: Table<RecordingChunk, [string, number]>;
  sessions!: EntityTable<HistorySession, 'id'>;
  sessionData!: EntityTable<SessionData, 'id'>;
  sessionVideos!: EntityTable<SessionVideo, 'id'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      recordings: 'id, createdAt, status',
      chunks: '[recordingId+seq], recordingId',
    });
    this.version(2).stores({
      sessions: 'id, createdAt',
      sessionData: 'id',
      sessionVideos: 'id',
    });
  }
}

export const DEFAULT_DB_NAME = 'squat-analyzer-recordings';
