import { describe, expect, it } from 'vitest';
import { createCoalescedSeeker } from '../../../../src/ui/player/coalesced_seek';

/** A video stand-in whose seeks take until `land()` is called, like a real decoder. */
function slowVideo() {
  const listeners = new Set<() => void>();
  let time = 0;
  const video = {
    seeking: false,
    seeks: [] as number[],
    get currentTime() {
      return time;
    },
    set currentTime(t: number) {
      time = t;
      video.seeking = true;
      video.seeks.push(t);
    },
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    land() {
      video.seeking = false;
      for (const fn of [...listeners]) fn();
    },
  };
  return video;
}

describe('createCoalescedSeeker', () => {
  it('does not abort a pending seek, and goes to the newest target when it lands', () => {
    const video = slowVideo();
    const seeker = createCoalescedSeeker(video as unknown as HTMLVideoElement);
    seeker.seek(1);
    seeker.seek(1.1);
    seeker.seek(1.2);
    expect(video.seeks).toEqual([1]);
    video.land();
    expect(video.seeks).toEqual([1, 1.2]);
    video.land();
    expect(video.seeks).toEqual([1, 1.2]);
    expect(video.currentTime).toBe(1.2);
  });

  it('does not seek to where the video already is', () => {
    const video = slowVideo();
    const seeker = createCoalescedSeeker(video as unknown as HTMLVideoElement);
    seeker.seek(0);
    expect(video.seeks).toEqual([]);
    seeker.dispose();
  });
});
