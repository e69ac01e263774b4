/**
 * The analysed video with its skeleton drawn on top, frame by frame.
 *
 * requestVideoFrameCallback reports the timestamp (mediaTime) of each frame the compositor shows,
 * so the overlay draws the PoseTrack frame of exactly that video frame, during playback, after a
 * seek and while stepping. Where the callback is missing (older Firefox) a requestAnimationFrame
 * loop on currentTime stands in.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { PoseTrack } from '../../core/types';
import { drawSkeleton } from './draw_skeleton';
import { frameIndexAtTime } from './frame_at_time';

export interface PosePlayerHandle {
  /** Seek to t seconds (and pause, so the frame stays on screen). */
  seek(t: number): void;
  video(): HTMLVideoElement | null;
}

export interface PosePlayerProps {
  url: string;
  track: PoseTrack;
  label: string;
  ref?: Ref<PosePlayerHandle>;
  onTimeChange?: (t: number) => void;
}

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function PosePlayer({ url, track, label, ref, onTimeChange }: PosePlayerProps) {
  const videoRef = useRef<FrameCallbackVideo>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onTimeChangeRef = useRef(onTimeChange);
  onTimeChangeRef.current = onTimeChange;

  useImperativeHandle(ref, () => ({
    seek(t: number) {
      const video = videoRef.current;
      if (!video) return;
      video.pause();
      video.currentTime = Math.max(0, t);
    },
    video: () => videoRef.current,
  }));

  useEffect(() => {
    const video = videoRef.current;
    const canvas = canvasRef.current;
    if (!video || !canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const { width, height } = track.source;
    canvas.width = width;
    canvas.height = height;

    let lastIndex = -2;
    const drawAt = (t: number) => {
      const index = frameIndexAtTime(track.frames, t);
      onTimeChangeRef.current?.(t);
      if (index === lastIndex) return;
      lastIndex = index;
      drawSkeleton(ctx, index >= 0 ? track.frames[index] : null, { scaleX: 1, scaleY: 1 });
      canvas.dataset.frameIndex = String(index);
      canvas.dataset.hasPose = String(index >= 0 && track.frames[index].keypoints !== null);
    };

    let cancelled = false;
    let handle = 0;
    const onSeeked = () => drawAt(video.currentTime);
    video.addEventListener('seeked', onSeeked);
    video.addEventListener('loadeddata', onSeeked);

    if (video.requestVideoFrameCallback) {
      const onFrame = (_now: number, meta: { mediaTime: number }) => {
        if (cancelled) return;
        drawAt(meta.mediaTime);
        handle = video.requestVideoFrameCallback!(onFrame);
      };
      handle = video.requestVideoFrameCallback(onFrame);
    } else {
      const loop = () => {
        if (cancelled) return;
        drawAt(video.currentTime);
        handle = requestAnimationFrame(loop);
      };
      handle = requestAnimationFrame(loop);
    }
    if (video.readyState >= 2) drawAt(video.currentTime);

    return () => {
      cancelled = true;
      video.removeEventListener('seeked', onSeeked);
      video.removeEventListener('loadeddata', onSeeked);
      if (video.cancelVideoFrameCallback) video.cancelVideoFrameCallback(handle);
      else cancelAnimationFrame(handle);
    };
  }, [track, url]);

  const { width, height } = track.source;
  return (
    <figure className="pose-player" style={{ aspectRatio: `${width} / ${height}`, ['--ar' as string]: String(width / height) }}>
      <video
        ref={videoRef}
        src={url}
        controls
        playsInline
        muted
        preload="auto"
        aria-label={`${label}, with the detected skeleton drawn over it`}
        data-testid="analysed-video"
      />
      <canvas ref={canvasRef} className="pose-overlay" aria-hidden="true" data-testid="skeleton-canvas" />
    </figure>
  );
}
