/**
 * Both whole videos on one clock, moved by the time offset: A shows clock time t, B shows
 * t - offsetS (its own clock), so the two cameras show the same moment. Driven like the review
 * player: one clock, both videos seeked frame-locked (review/coalesced_seek.ts), the clock waits
 * while either is still seeking, so the two never drift apart. Where only one camera was
 * filming, the other holds its first or last frame.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadedVideo } from '../app/loaded_videos';
import { PosePlayer } from '../player/PosePlayer';
import { createCoalescedSeeker, type CoalescedSeeker } from '../review/coalesced_seek';
import { formatSeconds, overlayMetricsFor } from '../report/labels';

export interface SyncedPairProps {
  a: LoadedVideo;
  b: LoadedVideo;
  /** tA = tB + offsetS. */
  offsetS: number;
  labelA: string;
  labelB: string;
}

const SPEEDS = [0.1, 0.25, 0.5, 0.75, 1] as const;

const duration = (v: LoadedVideo) => v.track.source.durationS || (v.track.frames.at(-1)?.t ?? 0);

export function SyncedPair({ a, b, offsetS, labelA, labelB }: SyncedPairProps) {
  // The clock runs in A's seconds over the time either camera filmed.
  const from = Math.min(0, offsetS);
  const to = Math.max(duration(a), offsetS + duration(b));
  const [clock, setClock] = useState(Math.max(0, offsetS));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(0.5);
  const clockRef = useRef(clock);
  const videoA = useRef<HTMLVideoElement | null>(null);
  const videoB = useRef<HTMLVideoElement | null>(null);
  const seekers = useRef(new Map<HTMLVideoElement, CoalescedSeeker>());
  const seek = (video: HTMLVideoElement | null, t: number, d: number) => {
    if (!video) return;
    let s = seekers.current.get(video);
    if (!s) {
      s = createCoalescedSeeker(video);
      seekers.current.set(video, s);
    }
    s.seek(Math.min(d, Math.max(0, t)));
  };
  useEffect(() => () => seekers.current.forEach((s) => s.dispose()), []);

  const apply = useCallback(
    (c: number) => {
      const clamped = Math.min(to, Math.max(from, c));
      clockRef.current = clamped;
      seek(videoA.current, clamped, duration(a));
      seek(videoB.current, clamped - offsetS, duration(b));
      setClock(clamped);
    },
    [from, to, offsetS, a, b],
  );

  useEffect(() => {
    apply(clockRef.current);
  }, [apply]);

  useEffect(() => {
    const onLoaded = () => apply(clockRef.current);
    const elements = [videoA.current, videoB.current].filter((v): v is HTMLVideoElement => v !== null);
    for (const e of elements) {
      e.pause();
      e.addEventListener('loadedmetadata', onLoaded);
    }
    return () => elements.forEach((e) => e.removeEventListener('loadedmetadata', onLoaded));
  }, [apply, a.url, b.url]);

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    if (clockRef.current >= to - 1e-6) apply(from);
    const tick = (now: number) => {
      if ([videoA.current, videoB.current].some((v) => v?.seeking)) {
        raf = requestAnimationFrame(tick);
        return;
      }
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      const next = clockRef.current + dt * speed;
      if (next >= to) {
        apply(to);
        setPlaying(false);
        return;
      }
      apply(next);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, apply, from, to, speed]);

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
        <button type="button" onClick={() => setPlaying((x) => !x)} data-testid="synced-play" aria-label={playing ? 'Pause both' : 'Play both'}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={() => step(-1)} aria-label="One frame back">
          ◀ frame
        </button>
        <button type="button" onClick={() => step(1)} aria-label="One frame forward">
          frame ▶
        </button>
        <label className="speed">
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))} data-testid="synced-speed">
            {SPEEDS.map((x) => (
              <option key={x} value={x}>
                {x}x
              </option>
            ))}
          </select>
        </label>
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
