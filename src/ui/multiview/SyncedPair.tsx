/**
 * Both whole videos on one clock, moved by the time offset: A shows clock time t, B shows
 * t - offsetS (its own clock), so the two cameras show the same moment. Driven like the review
 * player, by one frame-locked clock (player/use_locked_playback.ts): the clock waits while either
 * video is still seeking, so the two never drift apart. Where only one camera was
 * filming, the other holds its first or last frame.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadedVideo } from '../app/loaded_videos';
import { PosePlayer } from '../player/PosePlayer';
import { useLockedPlayback } from '../player/use_locked_playback';
import { PlaybackButtons } from '../player/PlaybackButtons';
import { formatSeconds, overlayMetricsFor } from '../report/labels';

export interface SyncedPairProps {
  a: LoadedVideo;
  b: LoadedVideo;
  /** tA = tB + offsetS. */
  offsetS: number;
  labelA: string;
  labelB: string;
  /** Show this moment (A's clock) paused; a new object each request, so the same time can be asked twice. */
  seekTo?: { clock: number } | null;
}

const duration = (v: LoadedVideo) => v.track.source.durationS || (v.track.frames.at(-1)?.t ?? 0);

export function SyncedPair({ a, b, offsetS, labelA, labelB, seekTo }: SyncedPairProps) {
  // The clock runs in A's seconds over the time either camera filmed.
  const from = Math.min(0, offsetS);
  const to = Math.max(duration(a), offsetS + duration(b));
  const [speed, setSpeed] = useState(0.5);
  const videoA = useRef<HTMLVideoElement | null>(null);
  const videoB = useRef<HTMLVideoElement | null>(null);
  // B shows the clock minus the offset; each holds its first or last frame outside what it filmed.
  const videoTimes = useCallback(
    (c: number) => [Math.min(duration(a), Math.max(0, c)), Math.min(duration(b), Math.max(0, c - offsetS))],
    [a, b, offsetS],
  );
  const { clock, clockRef, playing, setPlaying, applyClock: apply } = useLockedPlayback({
    from,
    to,
    videoTimes,
    videos: [videoA, videoB],
    speed,
    sources: [a.url, b.url],
    initial: Math.max(0, offsetS),
  });

  useEffect(() => {
    apply(clockRef.current);
  }, [apply]);

  useEffect(() => {
    if (!seekTo) return;
    setPlaying(false);
    apply(seekTo.clock);
  }, [seekTo, apply, setPlaying]);

  const step = (direction: 1 | -1) => {
    setPlaying(false);
    apply(clockRef.current + direction / Math.max(a.track.source.fps, b.track.source.fps));
  };

  return (
    <div className="synced-pair" data-testid="synced-pair" data-offset-s={offsetS.toFixed(4)}>
      <div className="review-videos">
        {[
          { v: a, ref: videoA, label: labelA, t: clock, id: 'a' },
          { v: b, ref: videoB, label: labelB, t: clock - offsetS, id: 'b' },
        ].map((p) => (
          <figure key={p.id} className="review-panel" data-panel={p.id}>
            <PosePlayer
              url={p.v.url}
              track={p.v.track}
              analysis={p.v.analysis}
              angles={overlayMetricsFor(p.v.analysis?.measurability)}
              controls={false}
              label={`${p.label}: ${p.v.name}`}
              videoRef={p.ref}
              maxHeight="50vh"
              testId={`synced-video-${p.id}`}
            />
            <figcaption>
              {p.label} · {p.t < 0 || p.t > duration(p.v) ? 'not filming yet / any more' : formatSeconds(p.t)}
            </figcaption>
          </figure>
        ))}
      </div>
      <div className="review-controls" role="group" aria-label="Play both cameras">
        <PlaybackButtons playing={playing} onTogglePlay={() => setPlaying((x) => !x)} onStep={step} speed={speed} onSpeed={setSpeed} playTestId="synced-play" speedTestId="synced-speed" />
        <input
          type="range"
          min={from}
          max={to}
          step="any"
          value={clock}
          onChange={(event) => {
            setPlaying(false);
            apply(Number(event.target.value));
          }}
          aria-label="Position in both videos"
          data-testid="synced-scrub"
        />
      </div>
    </div>
  );
}
