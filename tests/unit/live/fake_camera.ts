/** Fakes for the live engine's ports: camera frames fired by hand, a clock moved by hand, a camera. */
import type { CameraFrames, LivePreview } from '../../../src/live/camera_frames';
import type { CameraPort, Clock, PagePort } from '../../../src/live/live_engine';

/** Camera frames the test fires one by one; grab() hands out a closable stand-in bitmap. */
export function fakeFrames(width = 640, height = 480) {
  let listener: ((at: number, presented: number | undefined) => void) | null = null;
  let grabs = 0;
  const frames: CameraFrames = {
    onFrame: (cb) => {
      listener = cb;
    },
    stop: () => {
      listener = null;
    },
    size: () => ({ width, height }),
    grab: async () => {
      grabs++;
      return { width, height, close() {} } as unknown as ImageBitmap;
    },
  };
  return {
    frames,
    /** Presents frame number `presented` at `atMs`. */
    frame(atMs: number, presented?: number) {
      listener?.(atMs, presented);
    },
    get listening() {
      return listener !== null;
    },
    get grabs() {
      return grabs;
    },
  };
}

export function fakePreview(width = 640, height = 480) {
  const cam = fakeFrames(width, height);
  const shown: (MediaStream | null)[] = [];
  const preview: LivePreview = {
    show: async (stream) => void shown.push(stream),
    frames: cam.frames,
  };
  return { preview, cam, shown };
}

/** A clock the test moves; intervals fire as time passes. */
export function fakeClock(start = 1000) {
  let t = start;
  let nextId = 1;
  const timers = new Map<number, { fn: () => void; every: number; due: number }>();
  const clock: Clock = {
    now: () => t,
    setInterval: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { fn, every: ms, due: t + ms });
      return id;
    },
    clearInterval: (id) => void timers.delete(id as number),
  };
  return {
    clock,
    /** Moves time on by ms, firing every interval that falls due, in order. */
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, x]) => x.due <= end).sort((a, b) => a[1].due - b[1].due)[0];
        if (!next) break;
        const [, timer] = next;
        t = timer.due;
        timer.due += timer.every;
        timer.fn();
      }
      t = end;
    },
    get now() {
      return t;
    },
  };
}

/** A camera with one video track whose 'ended' the test can fire (unplugged). */
export function fakeCamera(options: { fail?: { name: string } } = {}) {
  const tracks: (EventTarget & { stopped: boolean })[] = [];
  const port: CameraPort = {
    unavailableReason: () => null,
    open: async () => {
      if (options.fail) throw Object.assign(new Error(options.fail.name), { name: options.fail.name });
      const track = Object.assign(new EventTarget(), { stopped: false, getSettings: () => ({ width: 640, height: 480, deviceId: 'cam-1' }), stop: () => void (track.stopped = true) });
      tracks.push(track);
      return { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
    },
    list: async () => [{ deviceId: 'cam-1', label: 'Fake camera' }],
    stop: (stream) => stream.getTracks().forEach((t) => t.stop()),
  };
  return {
    port,
    tracks,
    unplug() {
      tracks.at(-1)?.dispatchEvent(new Event('ended'));
    },
  };
}

/** The page's lifecycle, switched by hand. */
export function fakePage() {
  let hidden = false;
  const visibility = new Set<() => void>();
  const page: PagePort = {
    hidden: () => hidden,
    onVisibilityChange: (l) => {
      visibility.add(l);
      return () => visibility.delete(l);
    },
    onBeforeUnload: () => () => {},
    onPageHide: () => () => {},
  };
  return {
    page,
    setHidden(value: boolean) {
      hidden = value;
      for (const l of visibility) l();
    },
  };
}
