/**
 * The live engine: everything the Record tab does, headless. Camera, live pose loop, set-up checks,
 * countdown, recording (stored as it goes), then the full analysis. The React UI
 * (src/ui/live/LiveRecorder.tsx) renders its state (getSnapshot/subscribe, for
 * useSyncExternalStore), draws the poses it publishes (subscribePose) and sends it intents. The
 * camera, the page's lifecycle events, the clock and the preview are ports (browser ones by
 * default), so tests drive it with fake frames and a fake clock, without React or a DOM.
 *
 * What happens when things go wrong mid-recording:
 * - tab hidden: MediaRecorder keeps recording; the live skeleton and count pause (the browser
 *   stops painting video frames); on return we say for how long. The full analysis covers it.
 * - camera unplugged / taken (track 'ended'): the recording stops, what was recorded is stored,
 *   and we say so with a button to analyse it.
 * - leaving the page: the browser asks to confirm; the data so far is flushed to storage, and
 *   the next visit lists the recording as interrupted (its lock is gone).
 */
import { SetupMonitor, type SetupStatus } from '../core/live/setup_checks';
import type { PoseFrame } from '../core/types';
import {
  type CameraDevice,
  type CameraError,
  cameraEndedError,
  cameraUnavailableReason,
  describeCameraError,
  listCameras,
  openCamera,
  stopStream,
} from '../video/camera';
import {
  RecordingStore,
  type RecordingStorageError,
  describeStorageError,
  whenRecordingLockFree,
  requestPersistentStorage,
} from '../store/recordings_db';
import type { LivePreview } from './camera_frames';
import { type LiveEstimator, type LiveLoopStats, LivePoseLoop } from './live_pose_loop';
import type { LiveRepCounterAdapter } from './live_rep_counter';
import { videoFileExtension } from '../store/video_extension';
import { OverlaySmoother } from './overlay_smoothing';
import { RecordingSession, finalizeStoredRecording, type RecordingSessionOptions, type SessionEnd } from './recording_session';

export type LivePhase = 'idle' | 'starting' | 'preview' | 'countdown' | 'recording' | 'saving' | 'analysing' | 'done';

export interface LiveNotice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** A recording this notice is about (offers "Analyse"). */
  recordingId?: string;
}

export interface AnalysisStatus {
  recordingId: string;
  name: string;
  fraction: number;
  text: string;
}

export interface LiveState {
  phase: LivePhase;
  cameraError: { code: string; message: string; advice: string } | null;
  devices: CameraDevice[];
  deviceId: string | null;
  model: { status: 'idle' | 'loading' | 'ready' | 'failed'; backend: string | null; backendReason: string | null; error: string | null };
  setup: SetupStatus | null;
  stats: LiveLoopStats | null;
  reps: number | null;
  repPhase: string | null;
  countdown: number | null;
  elapsedS: number;
  recordingId: string | null;
  notices: LiveNotice[];
  analysis: AnalysisStatus | null;
  analysisError: { recordingId: string; message: string } | null;
  /** Bumped whenever the stored recordings change, so the list reloads. */
  recordingsVersion: number;
  /** The last recording's file when it could not be stored (offer a download). */
  unsavedFile: { url: string; name: string } | null;
  /** The camera picture's size (unrotated pixels), once known. */
  frameSize: { width: number; height: number } | null;
  /** Pose workers taking camera frames in turn (live_pose_pool.ts). */
  poseWorkers: number;
}

export interface PoseEstimatorHandle extends LiveEstimator {
  readonly backend: string;
  readonly backendReason: string;
  /** Workers taking frames side by side (live_pose_pool.ts); absent means one. */
  readonly size?: number;
  reset(): unknown;
  dispose(): void;
}

export interface AnalyseRequest {
  recordingId: string;
  name: string;
  file: Blob;
  signal: AbortSignal;
  onProgress: (fraction: number, text: string) => void;
}

/** The camera, as the engine uses it (video/camera.ts in the browser). */
export interface CameraPort {
  /** Why this page can never use a camera (not https, no camera API), or null. */
  unavailableReason(): CameraError | null;
  open(deviceId: string | null): Promise<MediaStream>;
  list(): Promise<CameraDevice[]>;
  stop(stream: MediaStream): void;
}

export const browserCamera: CameraPort = {
  unavailableReason: () => cameraUnavailableReason(),
  open: (deviceId) => openCamera({ deviceId }),
  list: () => listCameras(),
  stop: (stream) => stopStream(stream),
};

/** The page's lifecycle, as the engine needs it. Each on...() returns its unsubscribe. */
export interface PagePort {
  hidden(): boolean;
  onVisibilityChange(listener: () => void): () => void;
  onBeforeUnload(listener: (event: BeforeUnloadEvent) => void): () => void;
  onPageHide(listener: () => void): () => void;
}

export const browserPage: PagePort = {
  hidden: () => document.hidden,
  onVisibilityChange: (listener) => {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
  onBeforeUnload: (listener) => {
    window.addEventListener('beforeunload', listener);
    return () => window.removeEventListener('beforeunload', listener);
  },
  onPageHide: (listener) => {
    window.addEventListener('pagehide', listener);
    return () => window.removeEventListener('pagehide', listener);
  },
};

export interface Clock {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** What the live overlay draws: the smoothed pose of the latest posed frame, or null to clear it. */
export interface LiveOverlayFrame {
  frame: PoseFrame;
  width: number;
  height: number;
}

export interface LiveEngineDeps {
  store: RecordingStore;
  createEstimator: () => Promise<PoseEstimatorHandle>;
  /** Full analysis of a finished recording; resolves when the report can open. */
  analyse: (request: AnalyseRequest) => Promise<void>;
  loadRepCounter?: () => Promise<LiveRepCounterAdapter | null>;
  camera?: CameraPort;
  page?: PagePort;
  clock?: Clock;
  /** Starts a recording (RecordingSession.start in the browser). */
  startRecording?: (options: RecordingSessionOptions) => Promise<RecordingSession>;
  /** The live loop holds the newest frame that found the workers busy (default true; live_pose_loop.ts). */
  holdNewestFrame?: () => boolean;
}

const INITIAL: LiveState = {
  phase: 'idle',
  cameraError: null,
  devices: [],
  deviceId: null,
  model: { status: 'idle', backend: null, backendReason: null, error: null },
  setup: null,
  stats: null,
  reps: null,
  repPhase: null,
  countdown: null,
  elapsedS: 0,
  recordingId: null,
  notices: [],
  analysis: null,
  analysisError: null,
  recordingsVersion: 0,
  unsavedFile: null,
  frameSize: null,
  poseWorkers: 1,
};

/** UI refresh for set-up and stats: 8 times a second is plenty to read, and cheap for React. */
const UI_REFRESH_MS = 125;

function formatClock(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

function recordingName(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Webcam ${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`;
}

export class LiveEngine {
  private state: LiveState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly poseListeners = new Set<(overlay: LiveOverlayFrame | null) => void>();
  private preview: LivePreview | null = null;
  private stream: MediaStream | null = null;
  private estimator: PoseEstimatorHandle | null = null;
  private estimatorLoading: Promise<PoseEstimatorHandle> | null = null;
  private loop: LivePoseLoop | null = null;
  private readonly monitor = new SetupMonitor();
  private readonly smoother = new OverlaySmoother();
  private repCounter: LiveRepCounterAdapter | null = null;
  private session: RecordingSession | null = null;
  private countdownTimer: unknown = null;
  private tickTimer: unknown = null;
  private lastUiUpdate = 0;
  private hiddenAt: number | null = null;
  private noticeId = 0;
  private analysisAbort: AbortController | null = null;
  private disposed = false;
  private readonly lifetime = new AbortController();
  private lastSize = { width: 0, height: 0 };
  private readonly camera: CameraPort;
  private readonly page: PagePort;
  private readonly clock: Clock;
  private readonly unsubscribePage: (() => void)[];

  constructor(private readonly deps: LiveEngineDeps) {
    this.camera = deps.camera ?? browserCamera;
    this.page = deps.page ?? browserPage;
    this.clock = deps.clock ?? browserClock;
    // Say at once when this page can never use a camera (not https, or no camera API).
    const unavailable = this.camera.unavailableReason();
    if (unavailable) this.state = { ...this.state, cameraError: cameraErrorState(unavailable) };
    this.unsubscribePage = [
      this.page.onVisibilityChange(this.onVisibility),
      this.page.onBeforeUnload(this.onBeforeUnload),
      this.page.onPageHide(this.onPageHide),
    ];
    void this.recoverInterrupted();
    void requestPersistentStorage();
  }

  // --- external store -------------------------------------------------------------------------

  getSnapshot = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every posed camera frame, smoothed for drawing (null: clear the overlay). */
  subscribePose = (listener: (overlay: LiveOverlayFrame | null) => void): (() => void) => {
    this.poseListeners.add(listener);
    return () => this.poseListeners.delete(listener);
  };

  private set(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private notify(kind: LiveNotice['kind'], text: string, recordingId?: string): void {
    const notice: LiveNotice = { id: ++this.noticeId, kind, text, recordingId };
    this.set({ notices: [...this.state.notices.slice(-3), notice] });
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  // --- preview --------------------------------------------------------------------------------

  /** Where the camera is shown and its frames come from (camera_frames.ts videoPreview in the browser). */
  attach(preview: LivePreview | null): void {
    this.preview = preview;
    if (preview && this.stream) void preview.show(this.stream);
  }

  // --- camera ---------------------------------------------------------------------------------

  async startCamera(deviceId: string | null = this.state.deviceId): Promise<void> {
    if (this.state.phase === 'recording' || this.state.phase === 'countdown' || this.state.phase === 'saving') return;
    this.stopCamera();
    this.set({ phase: 'starting', cameraError: null, setup: null, stats: null });
    // Load the model while the camera starts (the failure is shown from the model state).
    void this.ensureEstimator().catch(() => {});
    let stream: MediaStream;
    try {
      stream = await this.camera.open(deviceId);
    } catch (error) {
      const e = describeCameraError(error);
      this.set({ phase: 'idle', cameraError: { code: e.code, message: e.message, advice: e.advice } });
      return;
    }
    if (this.disposed) {
      this.camera.stop(stream);
      return;
    }
    this.stream = stream;
    const track = stream.getVideoTracks()[0];
    track?.addEventListener('ended', this.onTrackEnded);
    const settings = track?.getSettings?.() ?? {};
    const devices = await this.camera.list().catch(() => []);
    this.set({ devices, deviceId: settings.deviceId ?? deviceId ?? devices[0]?.deviceId ?? null });
    await this.preview?.show(stream);
    this.monitor.reset();
    this.smoother.reset();
    this.set({ phase: 'preview' });
    const estimator = await this.ensureEstimator().catch(() => null);
    if (estimator && this.stream === stream) this.startLoop(estimator);
  }

  stopCamera(): void {
    this.loop?.stop();
    this.loop = null;
    if (this.stream) {
      this.stream.getVideoTracks()[0]?.removeEventListener('ended', this.onTrackEnded);
      this.camera.stop(this.stream);
    }
    this.stream = null;
    void this.preview?.show(null);
    for (const l of this.poseListeners) l(null);
    this.monitor.reset();
    if (this.state.phase === 'preview' || this.state.phase === 'starting') this.set({ phase: 'idle', setup: null, stats: null });
    else if (this.state.setup || this.state.stats) this.set({ setup: null, stats: null });
  }

  private async ensureEstimator(): Promise<PoseEstimatorHandle> {
    if (this.estimator) return this.estimator;
    if (!this.estimatorLoading) {
      this.set({ model: { ...this.state.model, status: 'loading', error: null } });
      this.estimatorLoading = this.deps
        .createEstimator()
        .then((estimator) => {
          if (this.disposed) {
            estimator.dispose();
            throw new Error('closed');
          }
          this.estimator = estimator;
          this.set({ model: { status: 'ready', backend: estimator.backend, backendReason: estimator.backendReason, error: null } });
          return estimator;
        })
        .catch((error: unknown) => {
          this.estimatorLoading = null;
          const message = error instanceof Error ? error.message : String(error);
          this.set({ model: { status: 'failed', backend: null, backendReason: null, error: `The pose model could not load (${message}). You can still record; the analysis runs after.` } });
          throw error;
        });
      if (this.deps.loadRepCounter) {
        void this.deps.loadRepCounter().then((c) => (this.repCounter = c)).catch(() => {});
      }
    }
    return this.estimatorLoading;
  }

  private startLoop(estimator: PoseEstimatorHandle): void {
    if (!this.preview) return;
    this.loop?.stop();
    this.loop = new LivePoseLoop(
      this.preview.frames,
      estimator,
      (event) => this.onPose(event.frame, event.width, event.height),
      (error) => this.notify('warning', `Live pose paused: ${error instanceof Error ? error.message : String(error)}`),
      // One frame in hand per worker, and with a single worker one more waiting (live_pose_loop.ts).
      () => Math.max(2, estimator.size ?? 1),
      () => this.clock.now(),
      this.deps.holdNewestFrame?.() ?? true,
    );
    this.loop.start();
  }

  private onPose(frame: PoseFrame, width: number, height: number): void {
    if (this.lastSize.width !== width || this.lastSize.height !== height) this.set({ frameSize: { width, height } });
    this.lastSize = { width, height };
    const setup = this.monitor.push(frame, { width, height });
    this.session?.addPose(frame, frame.t);
    let reps = this.state.reps;
    let repPhase = this.state.repPhase;
    if (this.repCounter && this.state.phase === 'recording') {
      // Times from the start of the recording, taken at the frame's own capture callback.
      const count = this.repCounter.push({ ...frame, t: this.session ? this.session.elapsedS(frame.t * 1000) : frame.t });
      reps = count.reps;
      repPhase = count.phase;
    }
    if (this.poseListeners.size) {
      const overlay: LiveOverlayFrame = { frame: this.smoother.apply(frame), width, height };
      for (const l of this.poseListeners) l(overlay);
    }
    const now = this.clock.now();
    if (now - this.lastUiUpdate >= UI_REFRESH_MS || reps !== this.state.reps) {
      this.lastUiUpdate = now;
      this.set({ setup, stats: this.loop?.stats(now) ?? null, reps, repPhase, poseWorkers: this.estimator?.size ?? 1 });
    }
  }

  // --- countdown and recording ----------------------------------------------------------------

  startCountdown(seconds: number): void {
    if (this.state.phase !== 'preview') return;
    if (seconds <= 0) {
      void this.startRecording();
      return;
    }
    this.set({ phase: 'countdown', countdown: seconds });
    this.countdownTimer = this.clock.setInterval(() => {
      const left = (this.state.countdown ?? 1) - 1;
      if (left <= 0) {
        this.clearCountdown();
        void this.startRecording();
      } else this.set({ countdown: left });
    }, 1000);
  }

  cancelCountdown(): void {
    if (this.state.phase !== 'countdown') return;
    this.clearCountdown();
    this.set({ phase: 'preview', countdown: null });
  }

  private clearCountdown(): void {
    if (this.countdownTimer) this.clock.clearInterval(this.countdownTimer);
    this.countdownTimer = null;
  }

  private async startRecording(): Promise<void> {
    if (!this.stream || (this.state.phase !== 'preview' && this.state.phase !== 'countdown')) return;
    const track = this.stream.getVideoTracks()[0];
    const settings = track?.getSettings?.() ?? {};
    const shown = this.preview?.frames.size();
    const width = shown?.width || settings.width || this.lastSize.width;
    const height = shown?.height || settings.height || this.lastSize.height;
    const start = this.deps.startRecording ?? ((options: RecordingSessionOptions) => RecordingSession.start(options));
    try {
      this.session = await start({
        stream: this.stream,
        store: this.deps.store,
        name: recordingName(),
        width,
        height,
        now: () => this.clock.now(),
        onStorageError: (error) => this.onStorageError(error),
        onRecorderStopped: () => {
          if (this.state.phase === 'recording') void this.stopRecording({ status: 'interrupted', note: 'The recorder stopped on its own.' });
        },
      });
    } catch (error) {
      // Storage problems do not stop a recording (it goes on in memory); this is the browser
      // lacking MediaRecorder, or the recorder refusing the stream.
      this.set({ phase: 'preview', countdown: null });
      this.notify('error', `Recording could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.repCounter?.reset();
    this.hiddenAt = this.page.hidden() ? this.clock.now() : null;
    this.set({ phase: 'recording', countdown: null, recordingId: this.session.id, elapsedS: 0, reps: this.repCounter ? 0 : null, repPhase: null, unsavedFile: null });
    this.tickTimer = this.clock.setInterval(() => this.set({ elapsedS: this.session?.elapsedS(this.clock.now()) ?? 0 }), 250);
  }

  private onStorageError(error: RecordingStorageError): void {
    this.notify('error', `${error.message} Recording goes on in memory: download it when you stop.`);
  }

  /** Stop by the user (button, Space, Escape) or by an event (camera gone). */
  async stopRecording(end: { status: 'complete' | 'interrupted'; note?: string } = { status: 'complete' }): Promise<void> {
    const session = this.session;
    if (!session || this.state.phase !== 'recording') return;
    if (this.tickTimer) this.clock.clearInterval(this.tickTimer);
    this.tickTimer = null;
    this.noteHiddenTime();
    this.set({ phase: 'saving', elapsedS: session.elapsedS() });
    let result: SessionEnd;
    try {
      result = await session.stop({ status: end.status, note: end.note ?? null, liveReps: this.state.reps });
    } finally {
      this.session = null;
    }
    const seconds = Math.round(result.durationS);
    if (result.storageError) {
      const url = URL.createObjectURL(result.file);
      this.set({ unsavedFile: { url, name: `${session.name}.${videoFileExtension(result.file.type)}` } });
      this.notify('error', `${result.storageError.message} This ${seconds} s recording is only in this page: use "Download the recording" to keep it.`);
    }
    this.set({ recordingsVersion: this.state.recordingsVersion + 1 });
    if (end.status === 'interrupted') {
      this.set({ phase: this.stream ? 'preview' : 'idle' });
      this.notify('warning', `${end.note ?? 'Recording stopped.'} The ${formatClock(seconds)} recorded up to then ${result.storageError ? 'is in this page' : 'is saved'}.`, session.id);
      return;
    }
    // A finished set: the camera and the live model are no longer needed while the full model runs.
    this.stopCamera();
    await this.analyse(session.id, session.name, result.file);
  }

  // --- analysis -------------------------------------------------------------------------------

  /** Full analysis of a stored recording (also "Analyse" from the recent list). */
  async analyseStored(recordingId: string): Promise<void> {
    if (this.state.phase === 'recording' || this.state.phase === 'saving' || this.state.phase === 'analysing') return;
    try {
      // Raw chunks never remuxed (stored by a version without the recovery below, or whose remux
      // failed there) are remuxed first, so the report's video has a duration; if that fails,
      // the raw chunks are analysed as they are (mediabunny reads them).
      const { meta } = await finalizeStoredRecording(this.deps.store, recordingId);
      if (!meta) throw new Error('That recording is no longer stored.');
      const file = await this.deps.store.getFile(recordingId);
      this.stopCamera();
      await this.analyse(recordingId, meta.name, file);
    } catch (error) {
      this.set({ analysisError: { recordingId, message: describeStorageError(error).message } });
    }
  }

  private async analyse(recordingId: string, name: string, file: Blob): Promise<void> {
    const abort = new AbortController();
    this.analysisAbort = abort;
    this.set({ phase: 'analysing', analysisError: null, analysis: { recordingId, name, fraction: 0, text: 'Starting the full analysis…' } });
    try {
      await this.deps.analyse({
        recordingId,
        name,
        file,
        signal: abort.signal,
        onProgress: (fraction, text) => this.set({ analysis: { recordingId, name, fraction, text } }),
      });
      await this.deps.store.markAnalysed(recordingId).catch(() => {});
      this.set({ phase: 'done', analysis: null, recordingsVersion: this.state.recordingsVersion + 1 });
    } catch (error) {
      const aborted = abort.signal.aborted;
      const message = aborted
        ? 'Analysis cancelled. The recording is saved: analyse it again from the list below.'
        : `The analysis failed (${error instanceof Error ? error.message : String(error)}). The recording is saved: try again from the list below.`;
      this.set({ phase: 'idle', analysis: null, analysisError: { recordingId, message } });
    } finally {
      this.analysisAbort = null;
    }
  }

  cancelAnalysis(): void {
    this.analysisAbort?.abort();
  }

  /** After the report opened or a failure: back to the camera for another set. */
  recordAnother(): void {
    this.set({ phase: 'idle', analysisError: null, reps: null, repPhase: null, elapsedS: 0 });
    void this.startCamera();
  }

  // --- events ---------------------------------------------------------------------------------

  private onTrackEnded = (): void => {
    const ended = cameraEndedError();
    if (this.state.phase === 'recording' && this.session) {
      const at = formatClock(this.session.elapsedS());
      void this.stopRecording({ status: 'interrupted', note: `The camera stopped at ${at}: it was unplugged or another app took it.` }).then(() => {
        this.stopCamera();
        this.set({ phase: 'idle', cameraError: { code: ended.code, message: ended.message, advice: ended.advice } });
      });
      return;
    }
    if (this.state.phase === 'countdown') this.clearCountdown();
    this.stopCamera();
    this.set({ phase: 'idle', countdown: null, cameraError: { code: ended.code, message: ended.message, advice: ended.advice } });
  };

  private onVisibility = (): void => {
    if (this.page.hidden()) {
      if (this.state.phase === 'recording') this.hiddenAt = this.clock.now();
      if (this.state.phase === 'countdown') this.cancelCountdown();
    } else this.noteHiddenTime();
  };

  private noteHiddenTime(): void {
    if (this.hiddenAt === null) return;
    const s = Math.round((this.clock.now() - this.hiddenAt) / 1000);
    this.hiddenAt = null;
    if (this.state.phase === 'recording' || this.state.phase === 'saving') {
      this.notify(
        'info',
        `This tab was in the background for ${s} s. Recording went on; the live skeleton and rep count paused meanwhile. The full analysis after you stop covers every frame.`,
      );
    }
  }

  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.state.phase !== 'recording' && this.state.phase !== 'saving') return;
    this.session?.flush();
    // Ask the browser to confirm leaving; what was recorded is in storage either way.
    event.preventDefault();
    event.returnValue = '';
  };

  private onPageHide = (): void => {
    this.session?.flush();
  };

  /**
   * Recordings still marked 'recording' belong to a page that is recording now (another tab) or
   * that died (crash, reload, closed). Each waits on its recording lock: the lock frees when that
   * page is gone, and a row still marked 'recording' then was cut off. Its raw chunks are then
   * remuxed into one seekable file (H.264 -> MP4), as stopping would have done, while the lock is
   * still held, so that two tabs do not both do it.
   */
  private async recoverInterrupted(): Promise<void> {
    try {
      const open = (await this.deps.store.list()).filter((r) => r.status === 'recording');
      const cutOff = async (id: string) => {
        const r = await this.deps.store.markCutOff(id);
        if (!r) return;
        await finalizeStoredRecording(this.deps.store, id);
        if (this.disposed) return;
        this.notify('warning', `"${r.name}" was cut off when the page closed while recording. The part saved up to then is kept below.`, r.id);
        this.set({ recordingsVersion: this.state.recordingsVersion + 1 });
      };
      for (const r of open) {
        if (!whenRecordingLockFree(r.id, () => cutOff(r.id), this.lifetime.signal)) {
          // No Web Locks: fall back to the time of the last stored chunk.
          const stale = await this.deps.store.recoverInterrupted({ staleMs: 10_000 });
          for (const s of stale) await finalizeStoredRecording(this.deps.store, s.id);
          if (this.disposed) return;
          for (const s of stale) this.notify('warning', `"${s.name}" was cut off when the page closed while recording. The part saved up to then is kept below.`, s.id);
          if (stale.length) this.set({ recordingsVersion: this.state.recordingsVersion + 1 });
          break;
        }
      }
    } catch (error) {
      this.notify('error', describeStorageError(error).message);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.lifetime.abort();
    this.clearCountdown();
    if (this.tickTimer) this.clock.clearInterval(this.tickTimer);
    if (this.session) void this.stopRecording({ status: 'interrupted', note: 'You left the Record tab while recording.' });
    this.analysisAbort?.abort();
    this.stopCamera();
    this.estimator?.dispose();
    this.estimator = null;
    if (this.state.unsavedFile) URL.revokeObjectURL(this.state.unsavedFile.url);
    for (const unsubscribe of this.unsubscribePage) unsubscribe();
    this.listeners.clear();
    this.poseListeners.clear();
  }
}

export function cameraErrorState(error: CameraError): LiveState['cameraError'] {
  return { code: error.code, message: error.message, advice: error.advice };
}
