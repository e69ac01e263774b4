/**
 * Live set-up checks: the front door of src/core/live. Feed it every pose the live loop gets;
 * it answers, in words, what to fix before recording (framing, distance, camera level) and what
 * the current view can measure.
 *
 * One frame's verdict flickers (a keypoint dips under the visibility cut-off for a frame), so
 * SetupMonitor votes over a short window, and judges distance and camera level only on frames
 * where the lifter stands tall, keeping the last such verdict while they squat.
 */
import type { PoseFrame, ViewKind } from '../types';
import { type CheckVerdict, checkBodyInFrame, checkDistance, checkFeetInFrame } from './body_framing';
import { checkCameraLevel, isStanding } from './camera_level';
import { type FrameSize, indexKeypoints } from './live_keypoints';
import { type ViewAdvice, adviceForView, estimateLiveView } from './live_view';

export type SetupCheckId = 'person' | 'body' | 'feet' | 'distance' | 'level';

export interface SetupCheck {
  id: SetupCheckId;
  /** null = not known yet (e.g. distance before the lifter has stood tall in view). */
  ok: boolean | null;
  code: string;
  message: string;
}

export interface FrameSetup {
  person: CheckVerdict;
  body: CheckVerdict | null;
  feet: CheckVerdict | null;
  /** Only on frames where the lifter stands tall. */
  distance: (CheckVerdict & { statureOfFrame: number | null }) | null;
  level: (CheckVerdict & { rollDeg: number | null }) | null;
  standing: boolean;
  view: { kind: ViewKind; yawDeg: number } | null;
}

const NO_PERSON: CheckVerdict = { ok: false, code: 'no_person', message: 'Step into the picture: no one is in view.' };

/** The checks for one frame (source pixels, unmirrored). */
export function checkSetupFrame(frame: PoseFrame, size: FrameSize): FrameSetup {
  const index = indexKeypoints(frame);
  if (!index) return { person: NO_PERSON, body: null, feet: null, distance: null, level: null, standing: false, view: null };
  const standing = isStanding(index);
  return {
    person: { ok: true, code: 'ok', message: 'Someone is in view.' },
    body: checkBodyInFrame(index, size),
    feet: checkFeetInFrame(index, size),
    distance: standing ? checkDistance(index, size) : null,
    level: standing ? checkCameraLevel(index) : null,
    standing,
    view: estimateLiveView(index),
  };
}

export interface SetupStatus {
  /** Every check passes: go ahead and record. */
  ready: boolean;
  checks: SetupCheck[];
  /** The first thing to fix, or what the view measures when all is well. */
  headline: string;
  view: ViewAdvice | null;
  yawDeg: number | null;
}

export interface SetupMonitorConfig {
  /** Frames to vote over (about half a second at the live rate). */
  windowFrames: number;
}

export const DEFAULT_SETUP_MONITOR_CONFIG: SetupMonitorConfig = { windowFrames: 12 };

const PENDING: Record<'distance' | 'level', SetupCheck> = {
  distance: { id: 'distance', ok: null, code: 'pending', message: 'Stand tall in view to check your distance.' },
  level: { id: 'level', ok: null, code: 'pending', message: 'Stand tall in view to check the camera is level.' },
};

export class SetupMonitor {
  private readonly config: SetupMonitorConfig;
  private window: FrameSetup[] = [];
  private lastDistance: SetupCheck = PENDING.distance;
  private lastLevel: SetupCheck = PENDING.level;

  constructor(config: Partial<SetupMonitorConfig> = {}) {
    this.config = { ...DEFAULT_SETUP_MONITOR_CONFIG, ...config };
  }

  reset(): void {
    this.window = [];
    this.lastDistance = PENDING.distance;
    this.lastLevel = PENDING.level;
  }

  push(frame: PoseFrame, size: FrameSize): SetupStatus {
    const setup = checkSetupFrame(frame, size);
    this.window.push(setup);
    if (this.window.length > this.config.windowFrames) this.window.shift();
    if (setup.distance) this.lastDistance = { id: 'distance', ...pick(setup.distance) };
    if (setup.level) this.lastLevel = { id: 'level', ...pick(setup.level) };
    if (!setup.person.ok) {
      // Nobody in view: what was measured of the last person no longer holds.
      this.lastDistance = PENDING.distance;
      this.lastLevel = PENDING.level;
    }
    return this.status();
  }

  status(): SetupStatus {
    const checks: SetupCheck[] = [
      this.vote('person', (s) => s.person),
      this.vote('body', (s) => s.body),
      this.vote('feet', (s) => s.feet),
      this.lastDistance,
      this.lastLevel,
    ];
    const ready = checks.every((c) => c.ok === true);
    const views = this.window.map((s) => s.view).filter((v): v is NonNullable<typeof v> => v !== null);
    let view: ViewAdvice | null = null;
    let yawDeg: number | null = null;
    if (views.length > 0) {
      const counts = new Map<ViewKind, number>();
      for (const v of views) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
      const kind = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      view = adviceForView(kind);
      yawDeg = views.reduce((sum, v) => sum + v.yawDeg, 0) / views.length;
    }
    const firstProblem = checks.find((c) => c.ok === false) ?? checks.find((c) => c.ok === null);
    const headline = firstProblem ? firstProblem.message : view ? `Ready. ${view.measures}` : 'Ready.';
    return { ready, checks, headline, view, yawDeg };
  }

  /** Majority over the window; the message is the most recent failing one. */
  private vote(id: SetupCheckId, get: (s: FrameSetup) => CheckVerdict | null): SetupCheck {
    let ok = 0;
    let judged = 0;
    let lastFailure: CheckVerdict | null = null;
    for (const s of this.window) {
      const v = get(s) ?? (id !== 'person' && !s.person.ok ? s.person : null);
      if (!v) continue;
      judged++;
      if (v.ok) ok++;
      else lastFailure = v;
    }
    if (judged === 0) return { id, ok: null, code: 'pending', message: 'Waiting for the camera.' };
    if (ok * 2 > judged) return { id, ok: true, code: 'ok', message: okMessage(id) };
    return { id, ok: false, code: lastFailure!.code, message: lastFailure!.message };
  }
}

function pick(v: CheckVerdict): Omit<SetupCheck, 'id'> {
  return { ok: v.ok, code: v.code, message: v.message };
}

function okMessage(id: SetupCheckId): string {
  switch (id) {
    case 'person':
      return 'Someone is in view.';
    case 'body':
      return 'Whole body in the picture.';
    case 'feet':
      return 'Both feet in the picture.';
    default:
      return 'OK.';
  }
}
