/**
 * The analysed video with the skeleton, the metric values and the rep's flags burned in, encoded
 * in the browser (WebCodecs through mediabunny). Every source frame is decoded in presentation
 * order with its own timestamp and duration and written with the same ones, so the export has the
 * source's frame count and timing; the drawing is the player's own (src/render).
 *
 * No audio: the app never plays or keeps the sound of a set.
 */
import { ALL_FORMATS, BlobSource, Input, VideoSampleSink, type VideoSample } from 'mediabunny';
import { metricKeypoints } from '../../core/metrics/registry';
import type { Analysis, MetricKey, PoseTrack } from '../../core/types';
import { drawSkeleton } from '../../render/draw_skeleton';
import { frameAtTime } from '../../render/frame_at_time';
import { overlayLabels } from '../../render/overlay_labels';
import { drawRepAnnotation, repAnnotationAt } from '../../render/rep_annotation';
import { overlayMetricsFor } from '../../ui/report/labels';
import { VideoExportError, chooseVideoOutput, createVideoWriter, evenSize, type VideoContainer, type VideoOutputChoice } from './video_encoder_output';

export interface ExportProgress {
  framesDone: number;
  framesTotal: number;
}

export interface AnnotatedVideoOptions {
  file: Blob;
  track: PoseTrack;
  analysis: Analysis | null;
  /** Metrics written beside the joints (default: the two the view measures best, as in the player). */
  metrics?: readonly MetricKey[];
  /** Try this container first (default MP4). */
  prefer?: VideoContainer;
  /** Frames larger than this on the long side are scaled down (default 1920). */
  maxLongSide?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportedVideo {
  blob: Blob;
  choice: VideoOutputChoice;
  frames: number;
  /** End of the last frame, seconds. */
  durationS: number;
  width: number;
  height: number;
}

type Ctx2D = OffscreenCanvasRenderingContext2D;

/** Draws one source frame, then the skeleton, labels and rep banner at its time, scaled to the canvas. */
export function drawAnnotatedFrame(ctx: Ctx2D, sample: Pick<VideoSample, 'draw'> | null, options: { track: PoseTrack; analysis: Analysis | null; metrics: readonly MetricKey[]; t: number; scale: number; x?: number; y?: number; mirrored?: boolean }): void {
  const { track, analysis, t, scale } = options;
  const { width, height } = track.source;
  const x0 = options.x ?? 0;
  const y0 = options.y ?? 0;
  ctx.save();
  ctx.translate(x0, y0);
  ctx.scale(scale, scale);
  if (options.mirrored) {
    ctx.translate(width, 0);
    ctx.scale(-1, 1);
  }
  if (sample) sample.draw(ctx, 0, 0, width, height);
  if (options.mirrored) {
    // Undo the flip for the overlay: drawSkeleton mirrors the keypoints itself and keeps text readable.
    ctx.scale(-1, 1);
    ctx.translate(-width, 0);
  }
  const annotation = repAnnotationAt(analysis, t);
  const frame = frameAtTime(track.frames, t);
  drawSkeleton(ctx, frame?.keypoints ?? null, {
    width,
    height,
    clear: false,
    mirrored: options.mirrored,
    highlight: annotation.highlight ? metricKeypoints(annotation.highlight.metric, annotation.highlight.side) : [],
    labels: overlayLabels(analysis, t, options.metrics, annotation.highlight),
    // As in the player: labels in columns beside the body, joined to their joints, not over it.
    labelLayout: 'beside-body',
  });
  drawRepAnnotation(ctx, annotation, width, height);
  ctx.restore();
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VideoExportError('cancelled', 'The video export was cancelled.');
}

export async function exportAnnotatedVideo(options: AnnotatedVideoOptions): Promise<ExportedVideo> {
  const { track, analysis, signal } = options;
  const input = new Input({ source: new BlobSource(options.file), formats: ALL_FORMATS });
  let writer: Awaited<ReturnType<typeof createVideoWriter>> | null = null;
  try {
    const videoTrack = await input.getPrimaryVideoTrack();
    if (!videoTrack) throw new VideoExportError('failed', 'The file has no video track to export.');
    const { width: srcW, height: srcH, fps } = track.source;
    const scale = Math.min(1, (options.maxLongSide ?? 1920) / Math.max(srcW, srcH));
    const size = evenSize(Math.round(srcW * scale), Math.round(srcH * scale));
    const choice = await chooseVideoOutput(size.width, size.height, fps || 30, options.prefer);
    throwIfCancelled(signal);
    writer = await createVideoWriter(choice);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new VideoExportError('failed', 'This browser cannot draw video frames (no 2D canvas).');
    const metrics = options.metrics ?? (analysis ? overlayMetricsFor(analysis.measurability, 2) : []);
    const framesTotal = track.frames.length;
    const fallbackDurationS = 1 / (fps || 30);
    let frames = 0;
    let endS = 0;
    for await (const sample of new VideoSampleSink(videoTrack).samples()) {
      try {
        throwIfCancelled(signal);
        // Pre-roll frames an edit list hides (negative end time) are not part of the video, as in the analysis.
        if (sample.timestamp + sample.duration <= 0) continue;
        const t = sample.timestamp;
        const durationS = sample.duration > 0 ? sample.duration : fallbackDurationS;
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, size.width, size.height);
        drawAnnotatedFrame(ctx, sample, { track, analysis, metrics, t, scale });
        await writer.addFrame(canvas, t, durationS);
        frames += 1;
        endS = t + durationS;
        options.onProgress?.({ framesDone: frames, framesTotal: Math.max(framesTotal, frames) });
      } finally {
        sample.close();
      }
    }
    throwIfCancelled(signal);
    const blob = await writer.finish();
    return { blob, choice, frames, durationS: endS, width: size.width, height: size.height };
  } catch (error) {
    await writer?.cancel().catch(() => undefined);
    if (error instanceof VideoExportError) throw error;
    throw new VideoExportError('failed', `The annotated video could not be made: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    input.dispose();
  }
}
