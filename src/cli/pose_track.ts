/**
 * Video file -> PoseTrack in Node: ffprobe (size, rotation, fps) + ffmpeg (every frame, exact
 * time) + the same BlazePose module the browser uses (src/pose, wasm backend).
 * Used by `npm run analyze` and by scripts/extract_tracks.ts.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { PoseFrame, PoseTrack } from '../core/types';
import { trackModelName } from '../pose/model_registry';
import { chooseLifterFrames, type PeopleFound } from '../pipeline/person_choice';
import { createNodePoseEstimator } from '../pose/node';
import type { PoseEstimator, PoseModelName } from '../pose/types';
import { CliError, EXIT } from './cli_error';
import { decodeFrames } from './frame_decoder';
import { probeVideo, type VideoInfo } from './video_probe';

export interface ExtractProgress {
  done: number;
  /** Expected total from the container; may be off by a frame or two, or null. */
  total: number | null;
  fps: number;
}

export interface ExtractOptions {
  model: PoseModelName;
  onProgress?: (p: ExtractProgress) => void;
  /** Reuse a loaded estimator (extraction of many clips); it is reset() before the clip. */
  estimator?: PoseEstimator;
  /** Called once the video is probed, before decoding. */
  onInfo?: (info: VideoInfo) => void;
  /** An ffmpeg filter that keeps the frame size, e.g. "hflip" (see DecodeOptions). */
  videoFilter?: string;
}

export interface ExtractResult {
  track: PoseTrack;
  info: VideoInfo;
  backend: string;
  backendReason: string;
  /** ffmpeg's complaints about the data (corrupt or truncated), if any. */
  decodeErrors: string[];
  /** Several people were tracked: all of them (track.people says whom the track follows). */
  people?: PeopleFound;
}

/** Checks the file before ffmpeg sees it, so the common mistakes get plain messages. */
export function checkInputFile(file: string): void {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file} is a folder, not a video file.`, EXIT.badInput);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file} does not exist (check the path).`, EXIT.badInput);
  }
  if (size === 0) throw new CliError(`${file} is empty (0 bytes): the copy or the recording did not finish.`, EXIT.badInput);
}

export async function extractPoseTrack(file: string, options: ExtractOptions): Promise<ExtractResult> {
  checkInputFile(file);
  const label = path.basename(file);
  const info = await probeVideo(file, label);
  options.onInfo?.(info);
  const estimator = options.estimator ?? (await createNodePoseEstimator({ model: options.model }));
  estimator.reset();
  const frames: PoseFrame[] = [];
  const started = performance.now();
  try {
    const result = await decodeFrames(file, info, async (f) => {
      frames.push(await estimator.estimate({ data: f.data, width: f.width, height: f.height }, f.t));
      const elapsed = (performance.now() - started) / 1000;
      options.onProgress?.({ done: frames.length, total: info.frameCountHint, fps: frames.length / Math.max(elapsed, 1e-6) });
    }, { videoFilter: options.videoFilter });
    if (result.frames === 0) {
      throw new CliError(`${label}: no frame could be decoded (truncated or corrupt video?).`, EXIT.badInput);
    }
    // A file cut short keeps its header's frame count: far fewer frames than promised is a truncation.
    if (info.frameCountHint && result.frames < 0.9 * info.frameCountHint && result.errors.length > 0) {
      throw new CliError(
        `${label} looks truncated: decoded ${result.frames} of ${info.frameCountHint} frames (${result.errors[0]}).`,
        EXIT.badInput,
      );
    }
    const last = frames[frames.length - 1];
    const lifter = chooseLifterFrames(frames, info);
    const track: PoseTrack = {
      source: {
        name: label,
        width: info.width,
        height: info.height,
        fps: info.fps,
        // The container's duration, or the last frame's time plus one frame when it has none.
        durationS: Number.isFinite(info.durationS) ? info.durationS : last.t + 1 / info.fps,
        frameCount: frames.length,
      },
      model: trackModelName(options.model),
      frames: lifter.frames,
      ...(lifter.people ? { people: lifter.people } : {}),
    };
    return {
      track,
      info,
      backend: estimator.backend,
      backendReason: estimator.backendReason,
      decodeErrors: result.errors,
      ...(lifter.found ? { people: lifter.found } : {}),
    };
  } finally {
    if (!options.estimator) estimator.dispose();
  }
}

/** Share of frames with a person, 0..1. */
export function poseCoverage(track: PoseTrack): number {
  return track.frames.length ? track.frames.filter((f) => f.keypoints).length / track.frames.length : 0;
}

/**
 * Longest stretch of consecutive frames with a person, in seconds (frame count / fps).
 * BlazePose's detector now and then "finds" a person in a single frame of a test pattern or a
 * busy background; a real lifter is tracked over many frames in a row. One squat rep takes well
 * over a second, so less than MIN_PERSON_RUN_S in a row cannot be analysed and is reported as
 * "no person".
 */
export function longestPersonRunS(track: PoseTrack): number {
  let best = 0;
  let run = 0;
  for (const f of track.frames) {
    run = f.keypoints ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best / track.source.fps;
}

export const MIN_PERSON_RUN_S = 0.5;

function r(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * A copy of the track rounded for storage: x/y to 0.1 px, scores to 3 decimals, t to 0.1 ms,
 * keypoints3D to 1 mm. Far below BlazePose's own error (several pixels), a fraction of the size.
 */
export function roundTrack(track: PoseTrack): PoseTrack {
  return {
    ...track,
    frames: track.frames.map((f) => ({
      t: r(f.t, 4),
      keypoints: f.keypoints ? f.keypoints.map((k) => ({ name: k.name, x: r(k.x, 1), y: r(k.y, 1), score: r(k.score, 3) })) : null,
      ...(f.keypoints3D !== undefined
        ? {
            keypoints3D: f.keypoints3D
              ? f.keypoints3D.map((k) => ({ name: k.name, x: r(k.x, 3), y: r(k.y, 3), z: r(k.z, 3), score: r(k.score, 3) }))
              : null,
          }
        : {}),
    })),
  };
}
