/**
 * Uploaded (or recorded) video -> every frame -> BlazePose -> PoseTrack -> core analyze().
 *
 * The page only probes the file. Decoding, drawing and the model run in pose workers
 * (video_pose_worker.ts), each on a contiguous part of the clip (video_parts.ts): every core gets
 * a share of the frames, and the main thread does nothing per frame but collect keypoints. The
 * parts are stitched in order and each seam is checked (the later part's warm-up frames against
 * the earlier part's); where a seam shows the two parts following different people, the earlier
 * part's worker carries on through the rest of the clip instead, so the track is the one a single
 * worker would have made.
 *
 * A backgrounded tab: the workers and WebCodecs keep running in Chromium, so analysis goes on.
 * If the browser throttles it to a stop anyway, progress says "paused" and the work simply picks
 * up where it was when the tab is shown again; the File stays in the caller's hands throughout.
 */
import { analyze } from '../core/analyze';
import type { Analysis, DepthTarget, PoseTrack } from '../core/types';
import type { PoseModelName } from '../pose/types';
import { packedFrames, packPoses } from '../core/packed_track';
import { trackModelName } from '../pose/model_registry';
import { assertAllFramesRead, probeVideo, type VideoProbe } from '../video/open_video';
import { errors, isVideoInputError } from '../video/video_input_error';
import { keyFramesNear } from '../video/key_frames';
import { MIN_POSE_COVERAGE, framesWithPose } from './pose_coverage';
import { ProgressMeter, type ProgressSnapshot } from './progress';
import { acquireVideoPoseWorkers, uploadPoseConfig, type UploadPoseConfig, type VideoPoseWorkerClient } from './video_pose_pool';
import type { PoseRangeStats } from './video_pose_worker';
import { DEFAULT_SPLIT, alignSeamsToKeyFrames, checkSeam, ownFrames, splitIntoParts, type SeamCheck, type SplitOptions, type VideoPart } from './video_parts';
import { chooseLifterFrames, type PeopleFound } from './person_choice';
import { joinPeopleParts } from './person_parts';
import type { PoseFrameWithPeople } from '../pose/person_types';

export { toSourcePixels } from './source_pixels';

export type AnalysisPhase = 'probing' | 'loading-model' | 'analysing' | 'paused' | 'analysing-movement' | 'done';

export interface AnalysisProgress extends ProgressSnapshot {
  phase: AnalysisPhase;
  /** True while the page is hidden (another tab in front). */
  hidden: boolean;
  probe: VideoProbe | null;
  /** True while the clip waits for another clip's analysis to free the shared pose workers. */
  waitingForEstimator?: boolean;
}

export interface AnalyzeVideoOptions {
  /** Shown in messages and stored as track.source.name. Default: the File's name, else "video". */
  name?: string;
  model?: PoseModelName;
  onProgress?: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
  /** Fewer frames with a pose than this share -> "no person" error. Default MIN_POSE_COVERAGE. */
  minPoseCoverage?: number;
  maxLongSide?: number;
  /** Workers and wasm threads (bench, tests). Default: uploadPoseConfig(). */
  pose?: Partial<UploadPoseConfig>;
  /** How parts are cut (tests, bench): each field given overrides DEFAULT_SPLIT's. */
  split?: Partial<SplitOptions>;
  /** The depth the lifter aims for (AnalyzeOptions.depthTarget; default 'parallel'). */
  depthTarget?: DepthTarget;
}

export interface PipelineStats {
  frames: number;
  /** Wall time from the parts starting to the last frame in, ms. */
  loopMs: number;
  /** Time in the model, summed over the workers, ms. */
  poseMs: number;
  /** Time the workers waited for their decoders, summed, ms (0 when decoding keeps ahead). */
  decodeWaitMs: number;
  /** Time the workers spent drawing frames upright and scaled and reading their pixels, summed, ms. */
  prepMs: number;
  /** Time this (the page's) thread spent on frames: collecting keypoints and progress, ms. */
  mainThreadMs: number;
  framesPerSecond: number;
  /** From the call to the first part starting: probe, and loading the workers the first time, ms. */
  setupMs: number;
  /** Workers that shared the clip (fewer than configured when the clip is too short to share). */
  workers: number;
  /** wasm threads per worker (undefined on other backends). */
  wasmThreads?: number;
  /** One per seam between parts, in order. */
  seams: SeamCheck[];
  /** Frames posed more than once (warm-up frames, and any redone after a failed seam). */
  extraFrames: number;
  /** Parts redone because their seam showed a different person (0 normally). */
  redoneParts: number;
  /** When each part's worker finished, ms after the frame loop started (before any redo). */
  partEndsMs: number[];
  /** Seams moved so that their part's warm-up starts on a key frame (video_parts.ts alignSeamsToKeyFrames). */
  seamsAtKeyFrames: number;
  /** The most tfjs tensors alive in a worker after its part (the same from clip to clip unless they leak). */
  tensorsAfter: number;
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
  const config: UploadPoseConfig = { ...uploadPoseConfig(), ...options.pose };
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
  const probe = await probeVideo(file, name);
  throwIfAborted();
  const meter = new ProgressMeter(probe.frameCount);
  let phase: AnalysisPhase = 'loading-model';
  let waitingForEstimator = false;
  let mainThreadMs = 0;
  let lastEmit = 0;
  const emit = () => {
    lastEmit = now();
    report({ ...meter.snapshot(), phase, hidden: isHidden(), probe, ...(waitingForEstimator ? { waitingForEstimator } : {}) });
  };
  let lastFrameAt = now();
  let watchdog: ReturnType<typeof setInterval> | undefined;
  let releaseWorkers: (() => void) | undefined;
  let workers: VideoPoseWorkerClient[] = [];
  const onVisibility = () => emit();
  const onAbort = () => workers.forEach((w) => w.cancel());

  try {
    emit();
    const lease = await acquireVideoPoseWorkers(model, {
      count: config.workers,
      wasmThreads: config.wasmThreads,
      ...(config.landmarkCrop ? { landmarkCrop: config.landmarkCrop } : {}),
      onWait: () => {
        waitingForEstimator = true;
        emit();
      },
    });
    workers = lease.workers;
    releaseWorkers = lease.release;
    if (waitingForEstimator) {
      waitingForEstimator = false;
      emit();
    }
    throwIfAborted();
    const split: SplitOptions = { ...DEFAULT_SPLIT, ...options.split };
    const span = { startS: probe.startS, durationS: probe.durationS, fps: probe.fps, frameCount: probe.frameCount };
    const evenParts = splitIntoParts(span, workers.length, split);
    // Seams moved onto key frames where that saves decoding (video_parts.ts alignSeamsToKeyFrames).
    const parts =
      evenParts.length > 1 && split.keyFrameSeams !== false
        ? alignSeamsToKeyFrames(evenParts, span, await keyFramesNear(file, evenParts.slice(1).map((p) => p.warmStart)), split)
        : evenParts;
    const seamsAtKeyFrames = parts.filter((p, i) => i > 0 && p.warmStart !== evenParts[i].warmStart).length;
    throwIfAborted();
    const setupMs = now() - setupStart;

    phase = 'analysing';
    emit();
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
    signal?.addEventListener('abort', onAbort);
    // Hidden and no frame for 2 s: the browser has throttled us; say so instead of looking stuck.
    watchdog = setInterval(() => {
      if (phase === 'analysing' && isHidden() && now() - lastFrameAt > 2000) {
        phase = 'paused';
        emit();
      }
    }, 1000);

    const results: PoseFrameWithPeople[][] = parts.map(() => []);
    const partStats: PoseRangeStats[] = [];
    const collect = (part: VideoPart, into: PoseFrameWithPeople[]) => (batch: PoseFrameWithPeople[]) => {
      const start = now();
      let owned = 0;
      for (const f of batch) {
        into.push(f);
        if (f.t >= part.ownStart && f.t < part.ownEnd) owned++;
      }
      lastFrameAt = now();
      meter.framesDone(owned, lastFrameAt);
      if ((phase as AnalysisPhase) === 'paused') phase = 'analysing';
      // A few progress updates a second are plenty to read, and cheap for the UI.
      if (lastFrameAt - lastEmit >= PROGRESS_INTERVAL_MS) emit();
      mainThreadMs += now() - start;
    };

    const loopStart = now();
    const partEndsMs: number[] = parts.map(() => NaN);
    await runAll(
      parts.map((part, i) => () =>
        workers[i]
          .poseRange(file, { name, probe, range: { start: part.warmStart, end: part.ownEnd }, reset: true, maxLongSide: options.maxLongSide }, collect(part, results[i]))
          .then((stats) => {
            partStats.push(stats);
            partEndsMs[i] = now() - loopStart;
          }),
      ),
      () => workers.forEach((w) => w.cancel()),
    );
    throwIfAborted();

    const seams = parts.slice(1).map((part, k) => checkSeam(results[k], results[k + 1], part));
    let keptParts: VideoPart[] = parts;
    let keptResults: PoseFrameWithPeople[][] = results;
    let redoneParts = 0;
    const broken = seams.findIndex((seam) => !seam.samePerson);
    if (broken >= 0) {
      // The part after this seam followed someone else (or lost the person): the earlier part's
      // worker, still tracking the right person at the seam, carries on through the rest.
      const carryOn: VideoPart = { index: broken + 1, ownStart: parts[broken + 1].ownStart, ownEnd: Infinity, warmStart: parts[broken + 1].ownStart };
      for (let j = broken + 1; j < parts.length; j++) meter.discard(ownFrames(parts[j], results[j]).length);
      redoneParts = parts.length - 1 - broken;
      const rest: PoseFrameWithPeople[] = [];
      partStats.push(
        await workers[broken].poseRange(
          file,
          { name, probe, range: { start: carryOn.ownStart, end: Infinity }, reset: false, maxLongSide: options.maxLongSide },
          collect(carryOn, rest),
        ),
      );
      keptParts = [...parts.slice(0, broken + 1), carryOn];
      keptResults = [...results.slice(0, broken + 1), rest];
    }
    // Each part's own frames, in order; with several people, one numbering of them across the cuts.
    const owned = keptParts.map((part, i) => ownFrames(part, keptResults[i]));
    const frames = owned.length === 1 ? owned[0] : joinPeopleParts(owned);
    const loopMs = now() - loopStart;
    // The workers are free for the next clip as soon as the last frame is in.
    releaseWorkers?.();
    throwIfAborted();
    assertAllFramesRead(probe, frames.length, partStats.reduce((n, p) => n + p.hiddenPreRoll, 0));

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
      // Packed (two typed arrays, not 66 objects a frame): analyze() reads them directly and a
      // long clip's track costs the page a tenth of the memory (src/core/packed_track.ts).
      frames: packedFrames(packPoses(lifter.frames)),
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

    const sum = (key: Exclude<keyof PoseRangeStats, 'tensorsAfter'>) => partStats.reduce((n, p) => n + p[key], 0);
    const postedFrames = sum('frames');
    const first = workers[0];
    return {
      track,
      analysis,
      analysisError,
      backend: first.backend,
      backendReason: `${first.backendReason}${describeRuntime(parts.length, first.threads)}`,
      probe,
      stats: {
        frames: frames.length,
        loopMs,
        poseMs: sum('poseMs'),
        decodeWaitMs: sum('decodeWaitMs'),
        prepMs: sum('prepMs'),
        mainThreadMs,
        framesPerSecond: loopMs > 0 ? (frames.length * 1000) / loopMs : 0,
        setupMs,
        workers: parts.length,
        wasmThreads: first.threads,
        seams,
        extraFrames: postedFrames - frames.length,
        redoneParts,
        partEndsMs,
        seamsAtKeyFrames,
        tensorsAfter: Math.max(0, ...partStats.map((p) => p.tensorsAfter)),
      },
      ...(lifter.found ? { people: lifter.found } : {}),
    };
  } catch (error) {
    if (signal?.aborted && !(isVideoInputError(error) && error.code !== 'cancelled')) throw errors.cancelled();
    throw error;
  } finally {
    releaseWorkers?.();
    signal?.removeEventListener('abort', onAbort);
    if (watchdog) clearInterval(watchdog);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
  }
}

const PROGRESS_INTERVAL_MS = 100;

/** "in 2 Web Workers (1 wasm thread each)", for the UI's "backend and why" line. */
export function describeRuntime(workers: number, threads: number | undefined): string {
  const where = workers === 1 ? 'in a Web Worker' : `in ${workers} Web Workers, each on a part of the clip`;
  return ` (${where}${threads ? `, ${threads} wasm thread${threads === 1 ? '' : 's'} each` : ''})`;
}

/** Runs every task at once; on the first failure, stops the others and rethrows it. */
async function runAll(tasks: (() => Promise<void>)[], stopOthers: () => void): Promise<void> {
  let failed = false;
  const running = tasks.map((task) =>
    task().catch((error: unknown) => {
      if (!failed) {
        failed = true;
        stopOthers();
      }
      throw error;
    }),
  );
  const settled = await Promise.allSettled(running);
  const firstFailure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(isVideoInputError(r.reason) && r.reason.code === 'cancelled'));
  if (firstFailure) throw firstFailure.reason;
  const cancelled = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (cancelled) throw cancelled.reason;
}
