/**
 * An evidence frame: the video at one moment, cropped to the lifter (lifter_crop.ts), with the
 * skeleton on top and the metric's joints lit. Frames are grabbed one at a time by a hidden
 * <video> of the same file; clicking the thumbnail plays the report's video from that moment.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { MetricKey, PoseTrack, Side } from '../../core/types';
import { drawSkeleton } from '../../render/draw_skeleton';
import { frameAtTime } from '../../render/frame_at_time';
import { lifterCrop, type CropRect } from '../player/lifter_crop';
import { metricKeypoints } from './labels';

/** Thumbnail size on screen, CSS pixels (portrait, like a standing lifter). */
export const THUMB_CSS = { width: 120, height: 160 } as const;

let grabQueue: Promise<void> = Promise.resolve();

/** Seeks a hidden video to t and hands the frame to `draw`, queued so only one decoder runs. */
function grabFrame(url: string, t: number, draw: (video: HTMLVideoElement | null) => void): Promise<void> {
  const job = grabQueue.then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof document === 'undefined') return resolve();
        const video = document.createElement('video');
        video.muted = true;
        video.preload = 'auto';
        video.playsInline = true;
        let done = false;
        const finish = (drawn: boolean) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          if (!drawn) draw(null);
          video.removeAttribute('src');
          video.load();
          resolve();
        };
        const timer = setTimeout(() => finish(false), 8000);
        video.addEventListener('loadeddata', () => {
          video.currentTime = Math.max(0, Math.min(t, (video.duration || t) - 0.001));
        });
        video.addEventListener('seeked', () => {
          draw(video);
          finish(true);
        });
        video.addEventListener('error', () => finish(false));
        video.src = url;
      }),
  );
  grabQueue = job.catch(() => undefined);
  return job;
}

/** Draws the crop of the frame (mirrored when asked), leaving a dark background where the crop leaves the picture. */
function drawCroppedFrame(ctx: CanvasRenderingContext2D, video: HTMLVideoElement, crop: CropRect, source: { width: number; height: number }, mirrored: boolean): void {
  const { width } = ctx.canvas;
  const scale = width / crop.width;
  ctx.save();
  if (mirrored) {
    ctx.translate(width, 0);
    ctx.scale(-1, 1);
  }
  // The whole picture placed so the crop fills the canvas; the canvas clips the rest.
  ctx.drawImage(video, -crop.x * scale, -crop.y * scale, source.width * scale, source.height * scale);
  ctx.restore();
}

export interface EvidenceThumbnailProps {
  url: string;
  track: PoseTrack;
  t: number;
  metric: MetricKey | null;
  side: Side | null;
  mirrored: boolean;
  /** Accessible name of the button ("Play rep 3 from 5.40 s: left heel lifts"). */
  label: string;
  onPlay: () => void;
  testId?: string;
}

export function EvidenceThumbnail({ url, track, t, metric, side, mirrored, label, onPlay, testId }: EvidenceThumbnailProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const dpr = typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1;
  const w = Math.round(THUMB_CSS.width * dpr);
  const h = Math.round(THUMB_CSS.height * dpr);
  const crop = useMemo(
    () => lifterCrop(track.frames, track.source, { aspect: THUMB_CSS.width / THUMB_CSS.height, from: t - 0.5, to: t + 0.5, labelRoom: 0.1 }).at(t),
    [track, t],
  );

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // No cancellation: a grab always ends with frame and skeleton together; a newer grab for the
    // same canvas simply draws over it.
    void grabFrame(url, t, (video) => {
      const ctx = element.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#222';
      ctx.fillRect(0, 0, element.width, element.height);
      if (video) {
        try {
          drawCroppedFrame(ctx, video, crop, track.source, mirrored);
        } catch {
          // A frame that cannot be drawn leaves the skeleton on a dark background.
        }
      }
      // drawSkeleton clears its canvas first: draw it on a layer, then onto the frame.
      const layer = document.createElement('canvas');
      layer.width = element.width;
      layer.height = element.height;
      const layerCtx = layer.getContext('2d');
      if (layerCtx) {
        const frame = frameAtTime(track.frames, t);
        drawSkeleton(layerCtx, frame?.keypoints ?? null, {
          width: layer.width,
          height: layer.height,
          mirrored,
          view: { sourceWidth: track.source.width, crop },
          highlight: metric ? metricKeypoints(metric, side) : [],
        });
        ctx.drawImage(layer, 0, 0);
      }
      element.dataset.drawn = 'true';
    });
  }, [url, t, track, crop, mirrored, metric, side]);

  return (
    <button type="button" className="evidence-thumb" onClick={onPlay} aria-label={label} data-testid={testId}>
      <canvas ref={canvas} width={w} height={h} style={{ width: THUMB_CSS.width, height: THUMB_CSS.height }} />
      <span className="evidence-play" aria-hidden="true">
        ▶
      </span>
    </button>
  );
}
