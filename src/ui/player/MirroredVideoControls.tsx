/**
 * Play/pause, position and time for a video shown mirrored. The browser's own controls are part of
 * the <video> element, so the transform that mirrors the picture mirrors them too: the time would
 * read backwards and the position bar would run right to left. A mirrored player hides them and
 * shows these instead, unmirrored, over the bottom of the picture.
 */
import { useEffect, useState, type RefObject } from 'react';

interface VideoState {
  t: number;
  duration: number;
  paused: boolean;
}

const EVENTS = ['timeupdate', 'play', 'pause', 'loadedmetadata', 'durationchange', 'seeked', 'ended'] as const;

function clock(seconds: number): string {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(1).padStart(4, '0')}`;
}

export function MirroredVideoControls({ videoRef, testId }: { videoRef: RefObject<HTMLVideoElement | null>; testId?: string }) {
  const [state, setState] = useState<VideoState>({ t: 0, duration: 0, paused: true });
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const update = () => setState({ t: video.currentTime, duration: Number.isFinite(video.duration) ? video.duration : 0, paused: video.paused });
    for (const e of EVENTS) video.addEventListener(e, update);
    update();
    return () => {
      for (const e of EVENTS) video.removeEventListener(e, update);
    };
  }, [videoRef]);

  const video = () => videoRef.current;
  return (
    <div className="mirrored-controls" data-testid={testId}>
      <button
        type="button"
        aria-label={state.paused ? 'Play' : 'Pause'}
        onClick={() => {
          const v = video();
          if (!v) return;
          if (v.paused) void v.play().catch(() => undefined);
          else v.pause();
        }}
      >
        {state.paused ? '▶' : '❚❚'}
      </button>
      <input
        type="range"
        min={0}
        max={state.duration || 0}
        step={0.01}
        value={Math.min(state.t, state.duration || 0)}
        aria-label="Position in the video"
        aria-valuetext={`${clock(state.t)} of ${clock(state.duration)}`}
        onChange={(event) => {
          const v = video();
          if (v) v.currentTime = Number(event.target.value);
        }}
      />
      <span className="mirrored-time" aria-hidden="true">
        {clock(state.t)} / {clock(state.duration)}
      </span>
    </div>
  );
}
