/**
 * The Record tab: webcam preview with the live skeleton, set-up checks in words, countdown,
 * recording (stored second by second), live rep count, then the full analysis of the recording
 * with the full model, after which the app opens the report (onAnalysed).
 *
 * The preview is mirrored with CSS only, as people expect of a selfie view; the pixels that go to
 * the model and to the recording are the camera's own, unmirrored, so left and right stay the
 * lifter's own.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPoseWorkerClient } from '../../pose/pose_worker_client';
import { analyzeVideoFile, type AnalysisProgress } from '../../pipeline/analyze_video';
import type { DepthTarget } from '../../core/types';
import { DepthTargetChoice } from '../upload/DepthTargetChoice';
import { RecordingStore } from '../../store/recordings_db';
import { toLoadedVideo, type LoadedVideo } from '../app/loaded_videos';
import { RecentRecordings } from '../recordings/RecentRecordings';
import { videoPreview } from '../../live/camera_frames';
import { LiveEngine, type LiveState } from '../../live/live_engine';
import { loadLiveRepCounter } from '../../live/live_rep_counter';
import { liveOverlayDrawer } from './live_overlay';
import { liveHoldNewest, liveWasmThreads, liveWorkers } from '../../live/live_config';
import { createLivePoseEstimator } from '../../live/live_pose_pool';
import './live.css';

export interface LiveRecorderProps {
  onAnalysed?: (video: LoadedVideo) => void;
  /**
   * Whether the Record tab is shown. The app keeps the recorder mounted on other tabs so a
   * recording (and its analysis) carries on; hidden, it releases a camera that is only
   * previewing and ignores the keyboard.
   */
  active?: boolean;
  /** The depth the reps are judged against, and how the lifter changes it here. */
  depthTarget?: DepthTarget;
  onDepthTargetChange?: (target: DepthTarget) => void;
}

let sharedStore: RecordingStore | null = null;
function recordingStore(): RecordingStore {
  sharedStore ??= new RecordingStore();
  return sharedStore;
}

function progressText(p: AnalysisProgress): string {
  switch (p.phase) {
    case 'probing':
      return 'Reading the recording…';
    case 'loading-model':
      return p.waitingForEstimator ? 'Waiting for the other analysis to finish…' : 'Loading the full pose model…';
    case 'paused':
      return 'Paused while the tab is in the background…';
    case 'analysing-movement':
      return 'Measuring the movement…';
    case 'done':
      return 'Done.';
    default: {
      const fps = p.fps ? `, ${p.fps.toFixed(1)} frames/s` : '';
      const left = p.secondsLeft !== null && p.secondsLeft !== undefined ? `, about ${Math.ceil(p.secondsLeft)} s left` : '';
      return `Full analysis: frame ${p.framesDone} of ${p.framesTotal}${fps}${left}`;
    }
  }
}

const COUNTDOWN_CHOICES = [3, 5, 10];

function useLiveEngine(onAnalysed: LiveRecorderProps['onAnalysed'], depthTarget: DepthTarget | undefined): LiveEngine | null {
  const [controller, setController] = useState<LiveEngine | null>(null);
  const onAnalysedRef = useRef(onAnalysed);
  onAnalysedRef.current = onAnalysed;
  const depthRef = useRef(depthTarget);
  depthRef.current = depthTarget;
  useEffect(() => {
    const c = new LiveEngine({
      store: recordingStore(),
      createEstimator: () => createLivePoseEstimator(() => createPoseWorkerClient({ model: 'lite', wasmThreads: liveWasmThreads() }), liveWorkers()),
      loadRepCounter: loadLiveRepCounter,
      holdNewestFrame: liveHoldNewest,
      analyse: async ({ file, name, signal, onProgress }) => {
        const result = await analyzeVideoFile(file, {
          name,
          model: 'full',
          depthTarget: depthRef.current,
          signal,
          onProgress: (p) => onProgress(p.fraction ?? 0, progressText(p)),
        });
        onAnalysedRef.current?.(toLoadedVideo(file, name, result, { previewMirrored: true }));
      },
    });
    setController(c);
    return () => c.dispose();
  }, []);
  return controller;
}

const EMPTY_SUBSCRIBE = () => () => {};

export function LiveRecorder({ onAnalysed, active = true, depthTarget, onDepthTargetChange }: LiveRecorderProps) {
  const controller = useLiveEngine(onAnalysed, depthTarget);
  const state = useSyncExternalStore(controller?.subscribe ?? EMPTY_SUBSCRIBE, () => controller?.getSnapshot() ?? null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [countdownS, setCountdownS] = useState(3);

  useEffect(() => {
    if (!controller || !videoRef.current || !canvasRef.current) return;
    controller.attach(videoPreview(videoRef.current));
    const unsubscribe = controller.subscribePose(liveOverlayDrawer(canvasRef.current));
    return () => {
      unsubscribe();
      controller.attach(null);
    };
  }, [controller]);

  // Left the tab without recording: nobody is looking at the preview, so let the camera go
  // (its light goes off). A recording in progress keeps it; the user stops it, or it stops when
  // it is finished, and then the camera is released by the controller or by this effect.
  const phase = state?.phase;
  useEffect(() => {
    if (active || !controller) return;
    if (phase === 'countdown') controller.cancelCountdown();
    if (phase === 'countdown' || phase === 'preview' || phase === 'starting') controller.stopCamera();
  }, [active, controller, phase]);

  useEffect(() => {
    if (!controller || !state || !active) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (state.phase === 'recording' && (event.key === ' ' || event.key === 'Escape')) {
        event.preventDefault();
        void controller.stopRecording();
      } else if (state.phase === 'countdown' && (event.key === 'Escape' || event.key === ' ')) {
        event.preventDefault();
        controller.cancelCountdown();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [controller, state?.phase, active]);

  if (!controller || !state) return <p className="muted">Starting…</p>;
  const cameraOn = state.phase === 'preview' || state.phase === 'countdown' || state.phase === 'recording' || state.phase === 'starting';

  return (
    <div className="live-recorder" data-testid="live-recorder" data-phase={state.phase}>
      <section className="panel live-main" aria-labelledby="live-title">
        <div className="live-head">
          <h2 id="live-title">Record a set</h2>
          <p className="muted small">
            Put the camera at hip height, 2–4 m away. Side-on shows depth and torso angle; facing the camera shows knee valgus.
          </p>
        </div>

        {state.cameraError ? <CameraErrorNotice error={state.cameraError} onRetry={() => void controller.startCamera()} /> : null}

        <LiveControls state={state} controller={controller} countdownS={countdownS} setCountdownS={setCountdownS} />
        {depthTarget && onDepthTargetChange ? <DepthTargetChoice value={depthTarget} onChange={onDepthTargetChange} disabled={state.phase === 'recording'} /> : null}

        <div className="live-stage-wrap">
          <div
            className={`live-stage${cameraOn ? '' : ' off'}`}
            data-testid="live-stage"
            style={
              state.frameSize
                ? {
                    aspectRatio: `${state.frameSize.width} / ${state.frameSize.height}`,
                    // A portrait camera must not push the controls off a laptop screen.
                    maxWidth: `calc(75vh * ${state.frameSize.width / state.frameSize.height})`,
                  }
                : undefined
            }
          >
            {/* Mirrored for the lifter (CSS); the model and the recording get unmirrored pixels. */}
            <div className="live-mirror">
              <video ref={videoRef} muted playsInline autoPlay aria-label="Camera preview" data-testid="live-video" />
              <canvas ref={canvasRef} className="live-overlay" data-testid="live-overlay" aria-hidden="true" />
            </div>
            {!cameraOn ? <p className="live-stage-placeholder">Camera off</p> : null}
            {state.phase === 'countdown' ? (
              <div className="live-countdown" role="timer" aria-live="assertive" data-testid="live-countdown">
                {state.countdown}
              </div>
            ) : null}
            {state.phase === 'recording' ? (
              <div className="live-rec" data-testid="live-rec">
                <span className="rec-dot" aria-hidden="true" /> REC {formatClock(state.elapsedS)}
              </div>
            ) : null}
            {state.phase === 'recording' || state.reps !== null ? (
              <div className="live-reps" aria-live="polite" data-testid="live-reps" data-reps={state.reps ?? ''}>
                <span className="live-reps-n">{state.reps ?? '–'}</span>
                <span className="small">{state.reps === null ? 'live count unavailable' : state.reps === 1 ? 'rep' : 'reps'}</span>
              </div>
            ) : null}
          </div>
          <SetupPanel state={state} />
        </div>

        <LiveStats state={state} />

        {state.notices.length > 0 ? (
          <ul className="live-notices">
            {state.notices.map((n) => (
              <li key={n.id} className={`notice ${n.kind === 'info' ? '' : n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-testid="live-notice">
                <p>{n.text}</p>
                <div className="notice-actions">
                  {n.recordingId && state.phase !== 'recording' && state.phase !== 'analysing' ? (
                    <button type="button" className="button" onClick={() => void controller.analyseStored(n.recordingId!)}>
                      Analyse it
                    </button>
                  ) : null}
                  <button type="button" className="button subtle" onClick={() => controller.dismissNotice(n.id)}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}

        {state.unsavedFile ? (
          <p>
            <a className="button primary" href={state.unsavedFile.url} download={state.unsavedFile.name}>
              Download the recording
            </a>
          </p>
        ) : null}

        {state.analysis ? (
          <div className="live-analysis" data-testid="live-analysis" aria-live="polite">
            <p>
              <strong>{state.analysis.name}</strong> is saved. {state.analysis.text}
            </p>
            <progress max={1} value={state.analysis.fraction} aria-label="Analysis progress" />
            <div>
              <button type="button" className="button subtle" onClick={() => controller.cancelAnalysis()}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}

        {state.analysisError ? (
          <div className="notice error" role="alert" data-testid="live-analysis-error">
            <p>{state.analysisError.message}</p>
            <button type="button" className="button" onClick={() => void controller.analyseStored(state.analysisError!.recordingId)}>
              Try the analysis again
            </button>
          </div>
        ) : null}

        {state.phase === 'done' ? (
          <p>
            <button type="button" className="button primary" onClick={() => controller.recordAnother()}>
              Record another set
            </button>
          </p>
        ) : null}
      </section>

      <RecentRecordings
        store={recordingStore()}
        version={state.recordingsVersion}
        onAnalyse={(id) => void controller.analyseStored(id)}
        busy={state.phase === 'recording' || state.phase === 'saving' || state.phase === 'analysing' || state.phase === 'countdown'}
        activeId={state.recordingId && state.phase === 'recording' ? state.recordingId : null}
      />
    </div>
  );
}

function formatClock(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

function CameraErrorNotice({ error, onRetry }: { error: NonNullable<LiveState['cameraError']>; onRetry: () => void }) {
  return (
    <div className="notice error" role="alert" data-testid="camera-error" data-code={error.code}>
      <p className="notice-title">{error.message}</p>
      <p>{error.advice}</p>
      {error.code !== 'insecure_origin' && error.code !== 'unsupported' ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

function LiveControls({
  state,
  controller,
  countdownS,
  setCountdownS,
}: {
  state: LiveState;
  controller: LiveEngine;
  countdownS: number;
  setCountdownS: (s: number) => void;
}) {
  const locked = state.phase === 'recording' || state.phase === 'countdown' || state.phase === 'saving' || state.phase === 'analysing';
  return (
    <div className="live-controls">
      {state.devices.length > 0 ? (
        <label>
          Camera{' '}
          <select value={state.deviceId ?? ''} disabled={locked} onChange={(e) => void controller.startCamera(e.target.value)} data-testid="camera-select">
            {state.devices.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {(state.phase === 'idle' || state.phase === 'done') && state.cameraError?.code !== 'insecure_origin' && state.cameraError?.code !== 'unsupported' ? (
        <button type="button" className="button primary" onClick={() => void controller.startCamera()} data-testid="start-camera">
          Start camera
        </button>
      ) : null}
      {state.phase === 'starting' ? <span className="muted">Starting the camera…</span> : null}
      {state.phase === 'preview' ? (
        <>
          <label>
            Countdown{' '}
            <select value={countdownS} onChange={(e) => setCountdownS(Number(e.target.value))} data-testid="countdown-select">
              <option value={0}>none</option>
              {COUNTDOWN_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s} s
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button primary" onClick={() => controller.startCountdown(countdownS)} data-testid="record">
            ● Record
          </button>
          <button type="button" className="button subtle" onClick={() => controller.stopCamera()}>
            Stop camera
          </button>
          {state.setup && !state.setup.ready ? (
            <span className="muted small" data-testid="record-anyway-hint">
              Set-up not ready: you can still record, but some measures may be missing.
            </span>
          ) : null}
        </>
      ) : null}
      {state.phase === 'countdown' ? (
        <button type="button" className="button" onClick={() => controller.cancelCountdown()}>
          Cancel (Esc)
        </button>
      ) : null}
      {state.phase === 'recording' ? (
        <button type="button" className="button primary stop" onClick={() => void controller.stopRecording()} data-testid="stop">
          ■ Stop (Space or Esc)
        </button>
      ) : null}
      {state.phase === 'saving' ? <span className="muted">Saving the recording…</span> : null}
      {state.model.status === 'loading' ? <span className="muted small">Loading the live pose model…</span> : null}
      {state.model.status === 'failed' ? <span className="small notice-inline">{state.model.error}</span> : null}
    </div>
  );
}

function SetupPanel({ state }: { state: LiveState }) {
  const setup = state.setup;
  if (!setup) {
    return (
      <aside className="live-setup" aria-label="Set-up checks">
        <h3>Set-up</h3>
        <p className="muted small">{state.phase === 'preview' ? 'Looking for you…' : 'Start the camera to check your set-up.'}</p>
      </aside>
    );
  }
  return (
    <aside className="live-setup" aria-label="Set-up checks" data-testid="setup-panel" data-ready={setup.ready}>
      <h3>Set-up</h3>
      <p className={`live-headline ${setup.ready ? 'ok' : 'todo'}`} aria-live="polite" data-testid="setup-headline">
        {setup.headline}
      </p>
      <ul className="live-checks">
        {/* With nobody in view several checks give the same "step into the picture": say it once. */}
        {setup.checks.filter((c, i) => setup.checks.findIndex((d) => d.message === c.message && d.ok === c.ok) === i).map((c) => (
          <li key={c.id} data-check={c.id} data-ok={String(c.ok)}>
            <span className={`check-mark ${c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'pending'}`} aria-hidden="true">
              {c.ok === true ? '✓' : c.ok === false ? '✗' : '…'}
            </span>
            <span>{c.message}</span>
          </li>
        ))}
      </ul>
      {setup.view ? (
        <p className="small" data-testid="setup-view" data-view={setup.view.kind}>
          <strong>{setup.view.measures}</strong> {setup.view.toMeasureMore}
        </p>
      ) : null}
    </aside>
  );
}

function LiveStats({ state }: { state: LiveState }) {
  const s = state.stats;
  return (
    <p
      className="muted small live-stats"
      data-testid="live-stats"
      data-pose-fps={s ? s.poseFps.toFixed(2) : ''}
      data-camera-fps={s ? s.cameraFps.toFixed(2) : ''}
      data-dropped={s ? s.droppedShare.toFixed(4) : ''}
      data-posed={s ? s.posedFrames : 0}
      data-camera-frames={s ? s.cameraFrames : 0}
      data-latency-ms={s ? s.latencyMs.toFixed(1) : ''}
      data-pose-workers={state.poseWorkers}
    >
      {[
        s ? `Live pose ${s.poseFps.toFixed(0)} fps of ${s.cameraFps.toFixed(0)} fps camera (${Math.round(s.droppedShare * 100)} % of frames skipped to keep up)` : null,
        state.model.backend
          ? `pose model on ${state.model.backend}${state.poseWorkers > 1 ? ` (${state.poseWorkers} workers taking turns)` : ''}: ${state.model.backendReason}`
          : null,
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}

export default LiveRecorder;
