/**
 * One webcam recording from start to a stored, seekable file: MediaRecorder chunks go to
 * IndexedDB as they arrive (in order, one write at a time), and are also kept in memory so that
 * a storage failure (quota) still leaves a file to analyse and download in this page.
 * The live pose track is collected beside it, timed from the start of the recording.
 */
import type { PoseFrame, PoseTrack } from '../core/types';
import {
  type RecordingMeta,
  type RecordingStorageError,
  type RecordingStore,
  describeStorageError,
  holdRecordingLock,
} from '../store/recordings_db';
import { type ChunkRecorder, RecorderUnsupportedError, createChunkRecorder, pickRecorderMimeType, remuxToSeekable } from '../video/recorder';

export interface RecordingSessionOptions {
  stream: MediaStream;
  store: RecordingStore;
  name: string;
  width: number;
  height: number;
  /** Called once, the first time a chunk cannot be stored. */
  onStorageError?: (error: RecordingStorageError) => void;
  /** MediaRecorder stopped by itself (every track ended, or an encoder error). */
  onRecorderStopped?: () => void;
  timesliceMs?: number;
  /**
   * The clock the recording's start, stop and length are read on (ms), the same one the live
   * loop stamps its frames with. Default performance.now().
   */
  now?: () => number;
}

export interface SessionEnd {
  meta: RecordingMeta | null;
  /** The recording (remuxed when that worked). Always present, even when storing failed. */
  file: Blob;
  durationS: number;
  storageError: RecordingStorageError | null;
  remuxError: string | null;
}

export interface StopOptions {
  status: 'complete' | 'interrupted';
  note?: string | null;
  liveReps?: number | null;
}

export class RecordingSession {
  readonly id: string;
  readonly name: string;
  private readonly recorder: ChunkRecorder;
  private readonly memoryChunks: Blob[] = [];
  private writes: Promise<void> = Promise.resolve();
  private storageError: RecordingStorageError | null = null;
  /** False when the recording could not even be created in storage (memory only). */
  private stored = true;
  private readonly poseFrames: PoseFrame[] = [];
  private releaseLock: () => void = () => {};
  private stopping: Promise<SessionEnd> | null = null;
  private startedAtMs = 0;
  private readonly now: () => number;
  private stoppedAtMs: number | null = null;

  private constructor(
    private readonly options: RecordingSessionOptions,
    meta: RecordingMeta,
    mimeType: string,
  ) {
    this.id = meta.id;
    this.name = meta.name;
    this.now = options.now ?? (() => performance.now());
    this.recorder = createChunkRecorder(options.stream, {
      timesliceMs: options.timesliceMs ?? 1000,
      mimeType,
      onChunk: (chunk, seq) => this.onChunk(chunk, seq),
      onError: () => options.onRecorderStopped?.(),
    });
    void this.recorder.ended.then(() => {
      if (!this.stopping) options.onRecorderStopped?.();
    });
  }

  static async start(options: RecordingSessionOptions): Promise<RecordingSession> {
    const mimeType = pickRecorderMimeType();
    if (!mimeType) throw new RecorderUnsupportedError();
    let meta: RecordingMeta;
    let storageError: RecordingStorageError | null = null;
    try {
      meta = await options.store.create({ name: options.name, mimeType: mimeType.split(';')[0], width: options.width, height: options.height });
    } catch (error) {
      // No storage (private window, blocked, full): record in memory all the same, to download.
      storageError = describeStorageError(error);
      const now = Date.now();
      meta = {
        id: `unsaved-${now}`, name: options.name, createdAt: now, updatedAt: now, mimeType, status: 'recording', chunkCount: 0, bytes: 0,
        durationS: null, width: options.width, height: options.height, note: null, finalized: false, liveReps: null, liveTrack: null, analysedAt: null,
      };
    }
    const session = new RecordingSession(options, meta, mimeType);
    if (storageError) {
      session.storageError = storageError;
      session.stored = false;
      options.onStorageError?.(storageError);
    }
    session.releaseLock = await holdRecordingLock(meta.id);
    session.startedAtMs = session.now();
    session.recorder.start();
    return session;
  }

  /** Seconds since recording started (or its length once stopped). */
  elapsedS(now = this.now()): number {
    return ((this.stoppedAtMs ?? now) - this.startedAtMs) / 1000;
  }

  /** pageTimeS = the live loop's clock in seconds (the same clock as `now`, / 1000). */
  addPose(frame: PoseFrame, pageTimeS: number): void {
    if (this.stoppedAtMs !== null) return;
    const t = pageTimeS - this.startedAtMs / 1000;
    if (t >= 0) this.poseFrames.push({ ...frame, t });
  }

  /** Hands the data recorded so far to storage now (before the page may unload). */
  flush(): void {
    this.recorder.flush();
  }

  get savedBytes(): number {
    return this.memoryChunks.reduce((n, c) => n + c.size, 0);
  }

  get hasStorageError(): boolean {
    return this.storageError !== null;
  }

  stop(options: StopOptions): Promise<SessionEnd> {
    if (!this.stopping) this.stopping = this.finish(options);
    return this.stopping;
  }

  private onChunk(chunk: Blob, seq: number): void {
    this.memoryChunks[seq] = chunk;
    if (this.storageError) return;
    this.writes = this.writes.then(async () => {
      if (this.storageError) return;
      try {
        await this.options.store.appendChunk(this.id, seq, chunk);
      } catch (error) {
        this.storageError = describeStorageError(error);
        this.options.onStorageError?.(this.storageError);
      }
    });
  }

  private liveTrack(width: number, height: number, durationS: number): PoseTrack {
    const frames = this.poseFrames;
    const fps = durationS > 0 ? frames.length / durationS : 0;
    return {
      source: { name: this.name, width, height, fps, durationS, frameCount: frames.length },
      model: 'blazepose-lite',
      frames,
    };
  }

  private async finish(options: StopOptions): Promise<SessionEnd> {
    await this.recorder.stop();
    this.stoppedAtMs ??= this.now();
    await this.writes;
    const store = this.options.store;
    const mimeType = this.recorder.mimeType.split(';')[0] || 'video/webm';
    let file = new Blob(this.memoryChunks.filter(Boolean), { type: mimeType });
    let durationS = this.elapsedS();
    let remuxError: string | null = null;
    let meta: RecordingMeta | null = null;
    let note = options.note ?? null;
    if (this.storageError) {
      const kept = this.memoryChunks.length;
      const why = this.storageError.code === 'quota' ? 'Storage ran out' : 'Storage failed';
      note = [note, `${why}: only part of this recording (not all ${kept} s) could be saved in the browser. Download the video now to keep all of it.`]
        .filter(Boolean)
        .join(' ');
    }
    if (this.stored) {
      try {
        meta = await store.finish(this.id, {
          status: this.storageError ? 'interrupted' : options.status,
          durationS,
          note,
          liveReps: options.liveReps ?? null,
          liveTrack: this.liveTrack(this.options.width, this.options.height, durationS),
        });
      } catch (error) {
        this.storageError ??= describeStorageError(error);
      }
    }
    let remuxed = false;
    try {
      // Every MediaRecorder file needs it: WebM and Matroska lack duration and cues, and
      // Chromium's MP4 is fragmented; H.264 becomes an MP4, VP9/VP8 a WebM.
      const result = await remuxToSeekable(file);
      file = result.file;
      durationS = result.durationS;
      remuxed = true;
    } catch (error) {
      // The raw chunks stay stored and readable by mediabunny; only duration and cues are missing.
      remuxError = error instanceof Error ? error.message : String(error);
    }
    if (remuxed && !this.storageError) {
      try {
        await store.replaceWithFile(this.id, file, durationS);
        meta = (await store.get(this.id)) ?? meta;
      } catch {
        // Not enough room for the remuxed copy next to the chunks: the chunks stay, which is fine.
      }
    }
    this.releaseLock();
    return { meta, file, durationS, storageError: this.storageError, remuxError };
  }
}

/**
 * Makes a stored recording that is still raw chunks (cut off by a crash or reload, so never
 * remuxed on stop) into one seekable file, as stopping would have: H.264 into MP4, VP9/VP8 into
 * WebM (remuxToSeekable). The chunks are replaced in one transaction, so a failure leaves them as
 * they were. Returns the row afterwards, unchanged when it was finalized already, is still being
 * recorded, or could not be remuxed (the reason is in `error`).
 */
export async function finalizeStoredRecording(store: RecordingStore, id: string): Promise<{ meta: RecordingMeta | undefined; error: string | null }> {
  const meta = await store.get(id);
  if (!meta || meta.finalized || meta.status === 'recording') return { meta, error: null };
  try {
    const { file, durationS } = await remuxToSeekable(await store.getFile(id));
    await store.replaceWithFile(id, file, durationS);
    return { meta: await store.get(id), error: null };
  } catch (error) {
    return { meta, error: error instanceof Error ? error.message : String(error) };
  }
}
