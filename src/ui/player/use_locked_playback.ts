/**
 * One clock that drives several <video>s frame-locked: each video is seeked to its own time for
 * the clock (coalesced: coalesced_seek.ts), and while playing the clock only moves on once
 * every video shows the frame it last asked for, so the panels never drift apart. The time spent
 * waiting is kept, so the clock still runs at the chosen speed; a slow decoder shows fewer
 * frames, not a slower rep. Used by the rep review (a phase-aligned clock) and the two-camera
 * player (a clock shifted by the cameras' offset).
 */
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { createCoalescedSeeker, type CoalescedSeeker } from './coalesced_seek';

export interface LockedPlaybackOptions {
  /** The clock's range (seconds). */
  from: number;
  to: number;
  /** Each video's own time for a clock time, in the order of `videos`; null while there is nothing to play. Keep it stable (useCallback). */
  videoTimes: ((clock: number) => readonly number[]) | null;
  videos: readonly MutableRefObject<HTMLVideoElement | null>[];
  /** Clock seconds per second of wall time. */
  speed: number;
  /** The videos' sources: a new source is put at the clock's time once it can seek. */
  sources: readonly (string | undefined)[];
  /** Where the clock starts. */
  initial?: number;
}

export interface LockedPlayback {
  clock: number;
  /** The clock without waiting for a render (for steps from the current position). */
  clockRef: MutableRefObject<number>;
  playing: boolean;
  setPlaying: (playing: boolean | ((playing: boolean) => boolean)) => void;
  /** Move the clock (clamped to its range) and seek every video there. */
  applyClock: (clock: number) => void;
}

export function useLockedPlayback({ from, to, videoTimes, videos, speed, sources, initial = from }: LockedPlaybackOptions): LockedPlayback {
  const [clock, setClock] = useState(initial);
  const [playing, setPlaying] = useState(false);
  const clockRef = useRef(initial);
  const seekers = useRef(new Map<HTMLVideoElement, CoalescedSeeker>());
  useEffect(() => () => seekers.current.forEach((seeker) => seeker.dispose()), []);
  const videosRef = useRef(videos);
  videosRef.current = videos;

  const applyClock = useCallback(
    (c: number) => {
      if (!videoTimes) return;
      const clamped = Math.min(to, Math.max(from, c));
      clockRef.current = clamped;
      const times = videoTimes(clamped);
      videosRef.current.forEach((ref, i) => {
        const video = ref.current;
        const t = times[i];
        if (!video || t === undefined) return;
        let seeker = seekers.current.get(video);
        if (!seeker) {
          seeker = createCoalescedSeeker(video);
          seekers.current.set(video, seeker);
        }
        seeker.seek(t);
      });
      setClock(clamped);
    },
    [from, to, videoTimes],
  );

  // Videos load after mount: put them at the clock's time once they can seek.
  useEffect(() => {
    const onLoaded = () => applyClock(clockRef.current);
    const elements = videosRef.current.map((ref) => ref.current).filter((v): v is HTMLVideoElement => v !== null);
    for (const element of elements) {
      element.pause();
      element.addEventListener('loadedmetadata', onLoaded);
    }
    return () => elements.forEach((element) => element.removeEventListener('loadedmetadata', onLoaded));
  }, [applyClock, ...sources]);

  useEffect(() => {
    if (!playing || !videoTimes) return;
    let raf = 0;
    let last = performance.now();
    if (clockRef.current >= to - 1e-6) applyClock(from);
    const tick = (now: number) => {
      if (videosRef.current.some((ref) => ref.current?.seeking)) {
        raf = requestAnimationFrame(tick);
        return;
      }
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      const next = clockRef.current + dt * speed;
      if (next >= to) {
        applyClock(to);
        setPlaying(false);
        return;
      }
      applyClock(next);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, applyClock, videoTimes, from, to, speed]);

  return { clock, clockRef, playing, setPlaying, applyClock };
}
