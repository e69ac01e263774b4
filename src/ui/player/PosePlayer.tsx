/**
 * The analysed video with its skeleton drawn on top, frame by frame: the one player of the app
 * (results page, report, side-by-side review).
 *
 * requestVideoFrameCallback reports the timestamp (mediaTime) of each frame the compositor shows,
 * so the overlay draws the PoseTrack frame of exactly that video frame, during playback, after a
 * seek and while stepping. Where the callback is missing (older Firefox) a requestAnimationFrame
 * loop on currentTime stands in. Besides the skeleton it writes metric values beside their
 * joints, can light up the joints of one metric (the flag the user clicked) and mirror the
 * picture. It only draws: the Analysis' numbers are shown as they are.
 */
import { useCallback, useEffect, useImperativeHandle, useRef, type CSSProperties, type Ref } from 'react';
import type { Analysis, MetricKey, PoseTrack } from '../../core/types';
import { frameIndexAt } from '../../core/series';
import { metricKeypoints } from '../report/labels';
import { drawSkeleton } from '../../render/draw_skeleton';
import { frameIndexAtTime } from '../../render/frame_at_time';
import { overlayLabels, type OverlayHighlight } from '../../render/overlay_labels';
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

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function PosePlayer(props: PosePlayerProps) {
  const { url, track, ref, videoRef } = props;
  const videoEl = useRef<FrameCallbackVideo | null>(null);
  const canvasEl = useRef<HTMLCanvasElement | null>(null);
  const latest = useRef(props);
  latest.current = props;
  /** Redraws at the last drawn time (after a change of highlight, labels or mirroring). */
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

    let lastKey = '';
    let lastT = 0;
    const drawAt = (t: number, force = false) => {
      const p = latest.current;
      lastT = t;
      p.onTime?.(t);
      const index = frameIndexAtTime(track.frames, t);
      const analysisIndex = p.analysis ? frameIndexAt(p.analysis.series, t) : -1;
      const key = `${index}|${analysisIndex}|${p.highlight?.metric}|${p.highlight?.side}|${p.mirrored}|${p.angles?.join()}`;
      if (!force && key === lastKey) return;
      lastKey = key;
      const frame = index >= 0 ? track.frames[index]! : null;
      drawSkeleton(ctx, frame?.keypoints ?? null, {
        width: canvas.width,
        height: canvas.height,
        mirrored: p.mirrored,
        highlight: p.highlight ? metricKeypoints(p.highlight.metric, p.highlight.side) : [],
        labels: overlayLabels(p.analysis, t, p.angles ?? [], p.highlight),
      });
      canvas.dataset.frameIndex = String(index);
      canvas.dataset.hasPose = String(frame !== null && frame.keypoints !== null);
    };
    redraw.current = () => drawAt(lastT, true);

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
      video.removeEventListener('seeked', onSeeked);
      video.removeEventListener('loadeddata', onSeeked);
      if (hasFrameCallback) video.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
    };
  }, [track, url]);

  // The frame callback only fires for new frames: a paused video still shows a new highlight.
  const anglesKey = props.angles?.join() ?? '';
  useEffect(() => redraw.current(), [props.analysis, props.highlight?.metric, props.highlight?.side, props.mirrored, anglesKey]);

  const setVideo = useCallback(
    (element: HTMLVideoElement | null) => {
      videoEl.current = element;
      if (typeof videoRef === 'function') videoRef(element);
      else if (videoRef) (videoRef as { current: HTMLVideoElement | null }).current = element;
    },
    [videoRef],
  );

  const { width, height } = track.source;
  const ratio = (width / height).toFixed(4);
  return (
    <div
      className={`pose-player ${props.className ?? ''}`}
      style={{
        aspectRatio: `${width} / ${height}`,
        ['--ar' as string]: ratio,
        width: props.maxHeight ? `min(100%, calc(${props.maxHeight} * ${ratio}))` : undefined,
        ...props.style,
      } as CSSProperties}
      data-testid={props.testId}
    >
      <video
        ref={setVideo}
        src={url}
        controls={props.controls ?? true}
        playsInline
        muted
        preload="auto"
        aria-label={props.label}
        data-testid={props.videoTestId}
        style={props.mirrored ? { transform: 'scaleX(-1)' } : undefined}
      />
      <canvas ref={canvasEl} className="pose-overlay" width={width} height={height} aria-hidden="true" data-testid={props.canvasTestId} />
    </div>
  );
}
