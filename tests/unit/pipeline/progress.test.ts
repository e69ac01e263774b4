import { describe, expect, it } from 'vitest';
import { ProgressMeter, formatSecondsLeft } from '../../../src/pipeline/progress';

describe('ProgressMeter', () => {
  it('knows nothing about speed before two frames', () => {
    const meter = new ProgressMeter(100);
    expect(meter.snapshot()).toMatchObject({ framesDone: 0, framesTotal: 100, fps: null, secondsLeft: null, fraction: 0 });
    meter.frameDone(0);
    expect(meter.snapshot().fps).toBeNull();
  });

  it('measures frames per second and time left at a steady 25 fps', () => {
    const meter = new ProgressMeter(100);
    for (let i = 0; i < 11; i++) meter.frameDone(i * 40);
    const s = meter.snapshot();
    expect(s.framesDone).toBe(11);
    expect(s.fps).toBeCloseTo(25, 6);
    expect(s.secondsLeft).toBeCloseTo(89 / 25, 6);
    expect(s.fraction).toBeCloseTo(0.11, 6);
  });

  it('follows a slow-down within its window (a backgrounded tab)', () => {
    const meter = new ProgressMeter(1000, 10);
    let t = 0;
    for (let i = 0; i < 50; i++) meter.frameDone((t += 40));
    for (let i = 0; i < 11; i++) meter.frameDone((t += 400));
    expect(meter.snapshot().fps).toBeCloseTo(2.5, 6);
  });

  it('never reports more done than total, even when the header undercounted', () => {
    const meter = new ProgressMeter(2);
    meter.frameDone(0);
    meter.frameDone(10);
    meter.frameDone(20);
    const s = meter.snapshot();
    expect(s.framesTotal).toBe(3);
    expect(s.fraction).toBe(1);
    expect(s.secondsLeft).toBe(0);
  });
});

describe('formatSecondsLeft', () => {
  it('prints minutes and seconds', () => {
    expect(formatSecondsLeft(65.4)).toBe('1:05');
    expect(formatSecondsLeft(7)).toBe('0:07');
    expect(formatSecondsLeft(null)).toBe('—');
    expect(formatSecondsLeft(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
