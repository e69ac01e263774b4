import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SetupMonitor, checkSetupFrame } from '../../../src/core/live/setup_checks';
import { MAX_ROLL_DEG } from '../../../src/core/live/camera_level';
import { MAX_STATURE_OF_FRAME, MIN_STATURE_OF_FRAME } from '../../../src/core/live/body_framing';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../../../src/core/types';
import { type StickFigureSpec, stickFigure } from './stick_figure';

const size = { width: 640, height: 480 };

function settle(spec: StickFigureSpec, frames = 12) {
  const monitor = new SetupMonitor();
  let status = monitor.status();
  for (let i = 0; i < frames; i++) status = monitor.push(stickFigure({ ...spec, t: i / 30 }), size);
  return status;
}

function check(status: ReturnType<typeof settle>, id: string) {
  return status.checks.find((c) => c.id === id)!;
}

describe('live set-up checks', () => {
  it('says ready for a lifter standing front-on, whole and level, at a good distance', () => {
    const status = settle({ statureOfFrame: 0.7 });
    expect(status.checks.map((c) => [c.id, c.ok])).toEqual([
      ['person', true],
      ['body', true],
      ['feet', true],
      ['distance', true],
      ['level', true],
    ]);
    expect(status.ready).toBe(true);
    expect(status.view?.kind).toBe('front');
    expect(status.headline).toMatch(/^Ready\. Front view/);
    expect(status.view?.toMeasureMore).toBe('Turn side-on to measure depth and torso angle.');
  });

  it('tells the lifter to step back when the feet are out of the bottom of the picture', () => {
    const status = settle({ statureOfFrame: 0.7, floorOfFrame: 1.04 });
    expect(check(status, 'feet')).toMatchObject({ ok: false, code: 'feet_out_bottom' });
    expect(check(status, 'feet').message).toMatch(/step back.*feet are out of the picture/i);
    expect(check(status, 'body').ok).toBe(true);
    expect(status.ready).toBe(false);
    expect(status.headline).toBe(check(status, 'feet').message);
  });

  it('notices a head out of the top of the picture', () => {
    const status = settle({ statureOfFrame: 0.8, floorOfFrame: 0.7 });
    expect(check(status, 'body')).toMatchObject({ ok: false, code: 'head_out' });
  });

  it('notices a lifter cut off at the side', () => {
    const status = settle({ statureOfFrame: 0.6, centreOfFrame: 0.99 });
    expect(check(status, 'body').ok).toBe(false);
    expect(check(status, 'body').code).toMatch(/_side$/);
  });

  it('asks to step closer below the distance band and back above it', () => {
    const far = settle({ statureOfFrame: MIN_STATURE_OF_FRAME - 0.1 });
    expect(check(far, 'distance')).toMatchObject({ ok: false, code: 'too_far' });
    expect(check(far, 'distance').message).toMatch(/^Step closer: you fill only 35 %/);
    const close = settle({ statureOfFrame: MAX_STATURE_OF_FRAME + 0.04, floorOfFrame: 0.98 });
    expect(check(close, 'distance')).toMatchObject({ ok: false, code: 'too_close' });
  });

  it('flags a rolled camera beyond the limit and accepts a small roll', () => {
    const tilted = settle({ rollDeg: MAX_ROLL_DEG + 5 });
    expect(check(tilted, 'level')).toMatchObject({ ok: false, code: 'camera_tilted' });
    expect(check(tilted, 'level').message).toContain('about 10°');
    expect(check(settle({ rollDeg: -(MAX_ROLL_DEG + 5) }), 'level').ok).toBe(false);
    expect(check(settle({ rollDeg: MAX_ROLL_DEG - 2 }), 'level').ok).toBe(true);
  });

  it('tells the view apart and says what to turn for', () => {
    const side = settle({ yawDeg: 90 });
    expect(side.view?.kind).toBe('side');
    expect(side.view?.toMeasureMore).toBe('Face the camera to measure knee valgus.');
    expect(side.yawDeg!).toBeGreaterThan(80);
    const oblique = settle({ yawDeg: 45 });
    expect(oblique.view?.kind).toBe('oblique');
    expect(oblique.view?.toMeasureMore).toBe('Turn side-on to measure depth and torso angle; face the camera to measure knee valgus.');
    expect(Math.abs(oblique.yawDeg! - 45)).toBeLessThan(8);
  });

  it('judges distance and level only while standing, keeping the last standing verdict through a squat', () => {
    expect(checkSetupFrame(stickFigure({ squat: true }), size).standing).toBe(false);
    expect(checkSetupFrame(stickFigure({ squat: true }), size).distance).toBeNull();
    expect(checkSetupFrame(stickFigure({}), size).standing).toBe(true);
    const monitor = new SetupMonitor();
    for (let i = 0; i < 12; i++) monitor.push(stickFigure({ statureOfFrame: 0.3 }), size);
    let status = monitor.status();
    expect(check(status, 'distance').code).toBe('too_far');
    // Squatting makes the lifter look shorter; that must not change the distance verdict.
    for (let i = 0; i < 12; i++) status = monitor.push(stickFigure({ statureOfFrame: 0.3, squat: true }), size);
    expect(check(status, 'distance').code).toBe('too_far');
  });

  it('has distance and level pending until the lifter has stood tall', () => {
    const monitor = new SetupMonitor();
    let status = monitor.status();
    for (let i = 0; i < 12; i++) status = monitor.push(stickFigure({ squat: true }), size);
    expect(check(status, 'distance').ok).toBeNull();
    expect(status.ready).toBe(false);
  });

  it('says no one is in view when the pose is empty', () => {
    const status = settle({}, 0);
    expect(status.ready).toBe(false);
    const monitor = new SetupMonitor();
    for (let i = 0; i < 12; i++) monitor.push({ t: i, keypoints: null }, size);
    const empty = monitor.status();
    expect(check(empty, 'person')).toMatchObject({ ok: false, code: 'no_person' });
    expect(empty.headline).toMatch(/no one is in view/);
  });

  it('does not flicker on one bad frame among good ones', () => {
    const monitor = new SetupMonitor();
    for (let i = 0; i < 11; i++) monitor.push(stickFigure({}), size);
    const status = monitor.push(stickFigure({ floorOfFrame: 1.05 }), size);
    expect(check(status, 'feet').ok).toBe(true);
  });

  it('calls the feet hidden when every foot keypoint is barely seen', () => {
    const scores = { left_ankle: 0.1, left_heel: 0.1, left_foot_index: 0.1, right_ankle: 0.1, right_heel: 0.1, right_foot_index: 0.1 };
    const status = settle({ scores });
    expect(check(status, 'feet')).toMatchObject({ ok: false, code: 'feet_hidden' });
    expect(check(status, 'feet').message).toMatch(/cannot see your feet/);
  });

  it('never throws and always speaks on arbitrary keypoints', () => {
    const num = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Infinity), fc.double({ min: -100, max: 800, noNaN: true }));
    const kp = fc.record({ name: fc.constantFrom(...BLAZEPOSE_KEYPOINT_NAMES), x: num, y: num, score: num });
    fc.assert(
      fc.property(fc.array(fc.option(fc.array(kp, { maxLength: 40 }), { nil: null }), { maxLength: 20 }), (frames) => {
        const monitor = new SetupMonitor();
        for (const keypoints of frames) {
          const status = monitor.push({ t: 0, keypoints }, size);
          expect(typeof status.headline).toBe('string');
          expect(status.headline.length).toBeGreaterThan(0);
          expect(status.headline).not.toMatch(/NaN|undefined|Infinity/);
          if (status.yawDeg !== null) expect(Number.isFinite(status.yawDeg)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('side-on occlusion', () => {
  it('accepts a side view where the far shoulder, hip, knee and foot are barely seen', () => {
    const far = { right_shoulder: 0.2, right_hip: 0.2, right_knee: 0.2, right_ankle: 0.2, right_heel: 0.2, right_foot_index: 0.2, right_elbow: 0.2 };
    const monitor = new SetupMonitor();
    let status = monitor.status();
    for (let i = 0; i < 12; i++) status = monitor.push(stickFigure({ yawDeg: 90, scores: far }), { width: 640, height: 480 });
    expect(status.checks.find((c) => c.id === 'body')?.ok).toBe(true);
    expect(status.checks.find((c) => c.id === 'feet')?.ok).toBe(true);
  });

  it('still asks when both knees are hidden', () => {
    const monitor = new SetupMonitor();
    let status = monitor.status();
    for (let i = 0; i < 12; i++) status = monitor.push(stickFigure({ scores: { left_knee: 0.1, right_knee: 0.1 } }), { width: 640, height: 480 });
    expect(status.checks.find((c) => c.id === 'body')).toMatchObject({ ok: false, code: 'body_hidden' });
    expect(status.checks.find((c) => c.id === 'body')?.message).toContain('knees');
  });
});

describe('view advice follows the recorded analysis measurability table', () => {
  it('lists what each view measures and never promises valgus side-on', async () => {
    const { adviceForView } = await import('../../../src/core/live/live_view');
    expect(adviceForView('side').measures).toMatch(/depth.*torso angle/);
    expect(adviceForView('side').measures).not.toContain('valgus');
    expect(adviceForView('front').measures).toContain('knee valgus');
    expect(adviceForView('front').measures).not.toContain('torso angle');
    expect(adviceForView('oblique').measures).toContain('less precisely');
    expect(adviceForView('oblique').measures).not.toContain('valgus');
  });
});
