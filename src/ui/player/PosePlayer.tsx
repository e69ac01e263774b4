/**
 * The analysed video with its skeleton drawn on top, frame by frame: the one player of the app
 * (results page, report, side-by-side review).
 *
 * requestVideoFrameCallback reports the timestamp (mediaTime) of each frame the compositor shows,
 * so the overlay draws the PoseTrack frame of exactly that video frame, during playback, after a
 * seek and while stepping. Where the callback is missing (older Firefox) a requestAnimationFrame
 * loop on currentTime stands in. Besides the skeleton it writes metric values beside their
 * joints, can light up the joints of one metric (the flag the user clicked), mirror the
 * picture, and follow the lifter: given a crop (lifter_crop.ts) it shows only that rectangle of
 * each frame, the panel keeping the crop's aspect ratio. The overlay canvas is the size of the
 * panel on screen (times the device pixel ratio), so lines and labels stay sharp when cropped;
 * labels can sit beside the body with leader lines (label_layout.ts). It only draws: the
 * Analysis' numbers are shown as they are.
 */
import { useCallback, useEffect, useImperativeHandle, useRef, type CSSProperties, type Ref } from 'react';
import type { Analysis, MetricKey, PoseTrack } from '../../core/types';
import { frameIndexAt } from '../../core/series';
import { metricKeypoints } from '../report/labels';
import { drawSkeleton } from '../../render/draw_skeleton';
import { frameIndexAtTime } from '../../render/frame_at_time';
import { overlayLabels, type OverlayHighlight } from '../../render/overlay_labels';
import { cropLayout, type LifterCrop } from './lifter_crop';
import { MirroredVideoControls } from './MirroredVideoControls';
import './player.css';

export type { OverlayHighlight } from '../../render/overlay_labels';

export interface PosePlayerHandle {
  /** Seek to t seconds (and pause, so the frame stays on screen). */
  seek(t: number): void;
  video(): HTMLVideoElement | null;
}

export interface PosePlayerProps {
  url: string;
  track: PoseTrack;
  /** Where the metric labels' values come from; null (analysis failed) draws the skeleton only. */
  analysis?: Analysis | null;
  /** The metric whose joints are drawn thick and whose value is written first. */
  highlight?: OverlayHighlight | null;
  /** Metrics whose current values are written beside their joints (besides the highlight). */
  angles?: readonly MetricKey[];
  mirrored?: boolean;
  /** Show only this rectangle of each frame (following the lifter); null = the whole picture. */
  crop?: LifterCrop | null;
  /** Where metric labels go: beside the body with leader lines (default), or next to their joint. */
  labelLayout?: 'near-joint' | 'beside-body';
  /** Label text size, CSS pixels (default 13). */
  labelFontPx?: number;
  /** Native video controls (default on). */
  controls?: boolean;
  /** Accessible name of the video element. */
  label: string;
  ref?: Ref<PosePlayerHandle>;
  videoRef?: Ref<HTMLVideoElement>;
  /** Called with the media time of every frame drawn (playback, seek, step). */
  onTime?: (t: number) => void;
  className?: string;
  style?: CSSProperties;
  /** CSS length the video may not exceed in height, e.g. "60vh" (width follows the aspect ratio). */
  maxHeight?: string;
  /** data-testid of the wrapper, the <video> and the overlay <canvas>. */
  testId?: string;
  videoTestId?: string;
  canvasTestId?: string;
}

/** Label text size on screen, CSS pixels. */
const LABEL_FONT_CSS_PX = 13;

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function PosePlayer(props: PosePlayerProps) {
  const { url, track, ref, videoRef } = props;
  const videoEl = useRef<FrameCallbackVideo | null>(null);
  const canvasEl = useRef<HTMLCanvasElement | null>(null);
  const boxEl = useRef<HTMLDivElement | null>(null);
  const stageEl = useRef<HTMLDivElement | null>(null);
  const latest = useRef(props);
  latest.current = props;
  /** Redraws at the last drawn time (after a change of highlight, labels, mirroring or size). */
  const redraw = useRef<() => void>(() => undefined);

  useImperativeHandle(ref, () => ({
    seek(t: number) {
      const video = videoEl.current;
      if (!video) return;
      video.pause();
      video.currentTime = Math.max(0, t);
    },
    video: () => videoEl.current,
  }));

  useEffect(() => {
    const video = videoEl.current;
    const canvas = canvasEl.current;
    if (!video || !canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const source = track.source;

    let lastKey = '';
    let lastT = 0;
    const drawAt = (t: number, force = false) => {
      const p = latest.current;
      lastT = t;
      p.onTime?.(t);
      const index = frameIndexAtTime(track.frames, t);
      const analysisIndex = p.analysis ? frameIndexAt(p.analysis.series, t) : -1;
      const crop = p.crop?.at(t) ?? null;
      const cropKey = crop ? `${crop.x.toFixed(1)},${crop.y.toFixed(1)},${crop.width.toFixed(1)}` : '';
      const key = `${index}|${analysisIndex}|${p.highlight?.metric}|${p.highlight?.side}|${p.mirrored}|${p.angles?.join()}|${cropKey}|${canvas.width}x${canvas.height}`;
      if (!force && key === lastKey) return;
      lastKey = key;
      const boxWidth = boxEl.current?.clientWidth ?? 0;
      const stage = stageEl.current;
      if (stage) {
        if (crop && boxWidth > 0) {
          const layout = cropLayout(crop, source, boxWidth, p.mirrored);
          stage.style.width = `${layout.width}px`;
          stage.style.height = `${layout.height}px`;
          stage.style.transform = `translate(${layout.left}px, ${layout.top}px)`;
        } else {
          stage.style.width = '';
          stage.style.height = '';
          stage.style.transform = '';
        }
      }
      const frame = index >= 0 ? track.frames[index]! : null;
      const pixelsPerCss = boxWidth > 0 ? canvas.width / boxWidth : 0;
      const drawn = drawSkeleton(ctx, frame?.keypoints ?? null, {
        width: canvas.width,
        height: canvas.height,
        mirrored: p.mirrored,
        view: { sourceWidth: source.width, crop: crop ?? { x: 0, y: 0, width: source.width, height: source.height } },
        highlight: p.highlight ? metricKeypoints(p.highlight.metric, p.highlight.side) : [],
        labels: overlayLabels(p.analysis, t, p.angles ?? [], p.highlight),
        labelLayout: p.labelLayout ?? 'beside-body',
        fontPx: pixelsPerCss > 0 ? (p.labelFontPx ?? LABEL_FONT_CSS_PX) * pixelsPerCss : undefined,
      });
      canvas.dataset.frameIndex = String(index);
      // Where the labels went, in canvas pixels (read by the e2e tests of the label layout).
      canvas.dataset.layout = JSON.stringify(drawn);
      canvas.dataset.hasPose = String(frame !== null && frame.keypoints !== null);
      if (crop) canvas.dataset.crop = `${Math.round(crop.x)},${Math.round(crop.y)},${Math.round(crop.width)},${Math.round(crop.height)}`;
      else delete canvas.dataset.crop;
    };
    redraw.current = () => drawAt(lastT, true);

    // The canvas follows the panel's size on screen (device pixels), so drawing stays sharp.
    let observer: ResizeObserver | null = null;
    const box = boxEl.current;
    if (box && typeof ResizeObserver === 'function') {
      observer = new ResizeObserver(() => {
        const dpr = window.devicePixelRatio || 1;
        const w = Math.max(1, Math.round(box.clientWidth * dpr));
        const h = Math.max(1, Math.round(box.clientHeight * dpr));
        if (canvas.width !== w || canvas.height !== h) {
          canvas.width = w;
          canvas.height = h;
        }
        drawAt(lastT, true);
      });
      observer.observe(box);
    }

    let cancelled = false;
    let handle = 0;
    const onSeeked = () => drawAt(video.currentTime);
    video.addEventListener('seeked', onSeeked);
    video.addEventListener('loadeddata', onSeeked);

    const hasFrameCallback = typeof video.requestVideoFrameCallback === 'function';
    if (hasFrameCallback) {
      const onFrame = (_now: number, meta: { mediaTime: number }) => {
        if (cancelled) return;
        drawAt(meta.mediaTime);
        handle = video.requestVideoFrameCallback!(onFrame);
      };
      handle = video.requestVideoFrameCallback!(onFrame);
    } else {
      const loop = () => {
        if (cancelled) return;
        drawAt(video.currentTime);
        handle = requestAnimationFrame(loop);
      };
      handle = requestAnimationFrame(loop);
    }
    drawAt(video.currentTime, true);

    return () => {
      cancelled = true;
      redraw.current = () => undefined;
      observer?.disconnect();
      video.removeEventListener('seeked', onSeeked);
      video.removeEventListener('loadeddata', onSeeked);
      if (hasFrameCallback) video.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
    };
  }, [track, url]);

  // The frame callback only fires for new frames: a paused video still shows a new highlight.
  const anglesKey = props.angles?.join() ?? '';
  useEffect(() => redraw.current(), [props.analysis, props.highlight?.metric, props.highlight?.side, props.mirrored, anglesKey, props.crop, props.labelLayout]);

  const setVideo = useCallback(
    (element: HTMLVideoElement | null) => {
      videoEl.current = element;
      if (typeof videoRef === 'function') videoRef(element);
      else if (videoRef) (videoRef as { current: HTMLVideoElement | null }).current = element;
    },
    [videoRef],
  );

  const { width, height } = track.source;
  const aspect = props.crop ? props.crop.aspect : width / height;
  const ratio = aspect.toFixed(4);
  return (
    <div
      ref={boxEl}
      className={`pose-player${props.crop ? ' cropped' : ''} ${props.className ?? ''}`}
      style={{
        aspectRatio: props.crop ? String(aspect) : `${width} / ${height}`,
        ['--ar' as string]: ratio,
        width: props.maxHeight ? `min(100%, calc(${props.maxHeight} * ${ratio}))` : undefined,
        ...props.style,
      } as CSSProperties}
      data-testid={props.testId}
      data-mirrored={props.mirrored ? 'true' : 'false'}
    >
      <div ref={stageEl} className="pose-stage">
        <video
          ref={setVideo}
          src={url}
          controls={(props.controls ?? true) && !props.mirrored}
          playsInline
          muted
          preload="auto"
          aria-label={props.label}
          data-testid={props.videoTestId}
          style={props.mirrored ? { transform: 'scaleX(-1)' } : undefined}
        />
      </div>
      <canvas ref={canvasEl} className="pose-overlay" width={width} height={height} aria-hidden="true" data-testid={props.canvasTestId} />
      {(props.controls ?? true) && props.mirrored ? <MirroredVideoControls videoRef={videoEl} testId={props.testId ? `${props.testId}-controls` : undefined} /> : null}
    </div>
  );
}
