/**
 * Uploaded (or recorded) video -> every frame -> BlazePose -> PoseTrack -> core analyze().
 *
 * Decode and pose are pipelined: while the pose worker runs on frame n, this thread already
 * decodes, rotates and scales frame n+1, so the worker never waits for the decoder and the whole
 * pipeline runs close to the raw model speed (bench/upload_bench.ts measures the ratio).
 *
 * A backgrounded tab: the worker and WebCodecs keep running in Chromium, so analysis goes on.
 * If the browser throttles it to a stop anyway, progress says "paused" and the loop simply picks
 * up where it was when the tab is shown again; the File stays in the caller's hands throughout.
 */
import { analyze } from '../core/analyze';
import type { Analysis, DepthTarget, PoseFrame, PoseTrack } from '../core/types';
import type { PoseEstimator, PoseModelName } from '../pose/types';
import { trackModelName } from '../pose/model_registry';
import { openVideo, type DecodedFrame, type OpenVideoOptions, type VideoProbe } from '../video/open_video';
import { errors, isVideoInputError } from '../video/video_input_error';
import { acquirePoseEstimator, POSE_RUNTIME } from './pose_provider';
import { MIN_POSE_COVERAGE, framesWithPose } from './pose_coverage';
import { chooseLifterFrames, type PeopleFound } from './person_choice';
import { withPeopleMapped } from './person_frames';
import { ProgressMeter, type ProgressSnapshot } from './progress';

export type AnalysisPhase = 'probing' | 'loading-model' | 'analysing' | 'paused' | 'analysing-movement' | 'done';

export interface AnalysisProgress extends ProgressSnapshot {
  phase: AnalysisPhase;
  /** True while the page is hidden (another tab in front). */
  hidden: boolean;
  probe: VideoProbe | null;
  /** True while the clip waits for another clip's analysis to free the shared pose estimator. */
  waitingForEstimator?: boolean;
}

export interface AnalyzeVideoOptions {
  /** Shown in messages and stored as track.source.name. Default: the File's name, else "video". */
  name?: string;
  model?: PoseModelName;
  onProgress?: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
  /** Use this estimator instead of the shared worker one (tests, bench). It is reset, not disposed. */
  estimator?: PoseEstimator;
  /** Fewer frames with a pose than this share -> "no person" error. Default MIN_POSE_COVERAGE. */
  minPoseCoverage?: number;
  maxLongSide?: number;
  pixelFormat?: OpenVideoOptions['pixelFormat'];
  /** The depth the lifter aims for (AnalyzeOptions.depthTarget; default 'parallel'). */
  depthTarget?: DepthTarget;
}

export interface PipelineStats {
  frames: number;
  /** Wall time of the frame loop (decode + pose), ms. */
  loopMs: number;
  /** Sum of the pose round trips as seen from this thread, ms. */
  poseMs: number;
  /** Time the loop waited for the decoder after pose had finished, ms (0 when fully pipelined). */
  decodeWaitMs: number;
  /** Time this thread spent rotating/scaling/copying decoded frames, ms (overlaps pose). */
  prepMs: number;
  framesPerSecond: number;
  /** Model + warm-up time before the first frame, ms. */
  setupMs: number;
}

export interface AnalyzeVideoResult {
  track: PoseTrack;
  analysis: Analysis | null;
  /** Why analysis is null when the core failed (the track is still good). */
  analysisError: string | null;
  backend: string;
  backendReason: string;
  probe: VideoProbe;
  stats: PipelineStats;
  /** Several people were tracked: all of them, for pointing at another one (track.people says whom the track follows). */
  people?: PeopleFound;
}

/**
 * The core's analyze() on a finished track. A failure in the core leaves the track (and the
 * video) usable: the error is returned, not thrown.
 */
export async function runCoreAnalysis(track: PoseTrack, depthTarget?: DepthTarget): Promise<{ analysis: Analysis | null; error: string | null }> {
  try {
    return { analysis: analyze(track, { depthTarget }), error: null };
  } catch (error) {
    return { analysis: null, error: error instanceof Error ? error.message : String(error) };
  }
}

const now = () => performance.now();

export async function analyzeVideoFile(file: Blob, options: AnalyzeVideoOptions = {}): Promise<AnalyzeVideoResult> {
  const name = options.name ?? (typeof File !== 'undefined' && file instanceof File ? file.name : 'video');
  const model = options.model ?? 'lite';
  const signal = options.signal;
  const report = options.onProgress ?? (() => undefined);
  const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const throwIfAborted = () => {
    if (signal?.aborted) throw errors.cancelled();
  };

  const idle: ProgressSnapshot = { framesDone: 0, framesTotal: 0, fps: null, secondsLeft: null, fraction: 0 };
  report({ ...idle, phase: 'probing', hidden: isHidden(), probe: null });
  throwIfAborted();

  const setupStart = now();
  const opened = await openVideo(file, name, { signal, maxLongSide: options.maxLongSide, pixelFormat: options.pixelFormat });
  const probe = opened.probe;
  const frames: PoseFrame[] = [];
  const meter = new ProgressMeter(probe.frameCount);
  let phase: AnalysisPhase = 'loading-model';
  let waitingForEstimator = false;
  const emit = () => report({ ...meter.snapshot(), phase, hidden: isHidden(), probe, ...(waitingForEstimator ? { waitingForEstimator } : {}) });
  let lastFrameAt = now();
  let watchdog: ReturnType<typeof setInterval> | undefined;
  let releaseEstimator: (() => void) | undefined;
  const onVisibility = () => emit();

  try {
    emit();
    let estimator: PoseEstimator;
    if (options.estimator) {
      estimator = options.estimator;
    } else {
      const lease = await acquirePoseEstimator(model, {
        onWait: () => {
          waitingForEstimator = true;
          emit();
        },
      });
      estimator = lease.estimator;
      releaseEstimator = lease.release;
      if (waitingForEstimator) {
        waitingForEstimator = false;
        emit();
      }
    }
    throwIfAborted();
    // The worker client's reset() is async (typed void on PoseEstimator): wait for it, so a failure surfaces here.
    await (estimator.reset() as unknown as Promise<void> | undefined);
    const setupMs = now() - setupStart;

    phase = 'analysing';
    emit();
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
    // Hidden and no frame for 2 s: the browser has throttled us; say so instead of looking stuck.
    watchdog = setInterval(() => {
      if (phase === 'analysing' && isHidden() && now() - lastFrameAt > 2000) {
        phase = 'paused';
        emit();
      }
    }, 1000);

    const loopStart = now();
    let poseMs = 0;
    let decodeWaitMs = 0;
    let prepMs = 0;
    const iterator = opened.frames();
    // A decode error may arrive while the loop awaits the pose worker; it is handled when the loop
    // awaits `pending`, so mark it handled now to keep the browser from reporting it as unhandled.
    const nextFrame = () => {
      const p = iterator.next();
      p.catch(() => undefined);
      return p;
    };
    let pending: Promise<IteratorResult<DecodedFrame, void>> = nextFrame();
    try {
      while (true) {
        const waitStart = now();
        const next = await pending;
        if (frames.length > 0) decodeWaitMs += now() - waitStart;
        if (next.done) break;
        const frame = next.value;
        prepMs += frame.prepMs;
        if (signal?.aborted) {
          closeImage(frame.image);
          throw errors.cancelled();
        }
        // Start decoding frame n+1 now; it runs while the worker estimates frame n.
        pending = nextFrame();
        const poseStart = now();
        let pose: PoseFrame;
        try {
          pose = await estimator.estimate(frame.image, frame.t);
        } finally {
          closeImage(frame.image);
        }
        poseMs += now() - poseStart;
        frames.push(withPeopleMapped(pose, (p) => toSourcePixels(p, frame)));
        lastFrameAt = now();
        meter.frameDone(lastFrameAt);
        if ((phase as AnalysisPhase) === 'paused') phase = 'analysing';
        emit();
      }
    } catch (error) {
      // Do not leave a decoded frame or the decoder hanging.
      pending.then((r) => (r.done ? undefined : closeImage(r.value.image))).catch(() => undefined);
      await iterator.return(undefined).catch(() => undefined);
      throw error;
    }
    const loopMs = now() - loopStart;
    // The estimator is free for the next clip as soon as the last frame is in.
    releaseEstimator?.();
    throwIfAborted();

    const lifter = chooseLifterFrames(frames, { width: probe.displayWidth, height: probe.displayHeight, fps: probe.fps });
    const track: PoseTrack = {
      source: {
        name,
        width: probe.displayWidth,
        height: probe.displayHeight,
        fps: probe.fps,
        durationS: probe.durationS,
        frameCount: frames.length,
      },
      model: trackModelName(model),
      frames: lifter.frames,
      ...(lifter.people ? { people: lifter.people } : {}),
    };

    const withPose = framesWithPose(track);
    if (frames.length === 0 || withPose / frames.length < (options.minPoseCoverage ?? MIN_POSE_COVERAGE)) {
      throw errors.noPerson(name, withPose, frames.length);
    }

    phase = 'analysing-movement';
    emit();
    const { analysis, error: analysisError } = await runCoreAnalysis(track, options.depthTarget);
    phase = 'done';
    emit();

    const runtime = options.estimator ? '' : ` (${POSE_RUNTIME})`;
    return {
      track,
      analysis,
      analysisError,
      backend: estimator.backend,
      backendReason: `${estimator.backendReason}${runtime}`,
      probe,
      stats: {
        frames: frames.length,
        loopMs,
        poseMs,
        decodeWaitMs,
        prepMs,
        framesPerSecond: loopMs > 0 ? (frames.length * 1000) / loopMs : 0,
        setupMs,
      },
      ...(lifter.found ? { people: lifter.found } : {}),
    };
  } catch (error) {
    if (signal?.aborted && !(isVideoInputError(error) && error.code !== 'cancelled')) throw errors.cancelled();
    throw error;
  } finally {
    releaseEstimator?.();
    if (watchdog) clearInterval(watchdog);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
    opened.dispose();
  }
}

function closeImage(image: DecodedFrame['image']): void {
  if (typeof ImageBitmap !== 'undefined' && image instanceof ImageBitmap) image.close();
}

/** Keypoints come back in the (possibly scaled) frame's pixels; the track is in displayed source pixels. */
export function toSourcePixels(pose: PoseFrame, frame: Pick<DecodedFrame, 't' | 'toSourceX' | 'toSourceY'>): PoseFrame {
  const keypoints =
    pose.keypoints && (frame.toSourceX !== 1 || frame.toSourceY !== 1)
      ? pose.keypoints.map((k) => ({ ...k, x: k.x * frame.toSourceX, y: k.y * frame.toSourceY }))
      : pose.keypoints;
  // The timestamp is the file's own, whatever the estimator echoes back.
  return { ...pose, t: frame.t, keypoints };
}
