// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RepReview } from '../../../../src/ui/review/RepReview';
import { suggestedPairs } from '../../../../src/ui/review/rep_choices';
import { createPhaseTimeline } from '../../../../src/core/phase_alignment';
import type { LoadedVideoLike } from '../../../../src/ui/report/loaded_video_like';
import { makeSampleAnalysis, makeSampleTrack } from '../../../support/sample_analysis';

function loadedVideo(id = 'v1', name = 'sample-side.mp4'): LoadedVideoLike {
  return { id, name, file: new Blob([]), url: `blob:${id}`, track: makeSampleTrack(), analysis: makeSampleAnalysis(), backend: 'wasm', model: 'lite' };
}

function videos() {
  const a = screen.getByLabelText(/^Left panel: /) as HTMLVideoElement;
  const b = screen.getByLabelText(/^Right panel: /) as HTMLVideoElement;
  return { a, b };
}

beforeEach(() => {
  HTMLMediaElement.prototype.pause = vi.fn();
});
afterEach(cleanup);

describe('suggestedPairs', () => {
  it('offers first vs last and best vs worst of one set, and a pair across two videos', () => {
    const one = loadedVideo('v1', 'front.mp4');
    const two = loadedVideo('v2', 'side.mp4');
    const pairs = suggestedPairs([one, two], 'v1');
    expect(pairs.map((p) => p.id)).toEqual(['first-last', 'best-worst', 'video-v2']);
    expect(pairs[0]!.a).toEqual({ videoId: 'v1', rep: 0 });
    expect(pairs[0]!.b).toEqual({ videoId: 'v1', rep: 2 });
    // Rep 1 has no flags (best); rep 3 has a moderate + a mild flag (worst).
    expect(pairs[1]!.a.rep).toBe(0);
    expect(pairs[1]!.b.rep).toBe(2);
    expect(pairs[2]!.b.videoId).toBe('v2');
  });
});

describe('RepReview', () => {
  it('scrubbing to the bottom puts both videos at their own rep\'s bottom', () => {
    const video = loadedVideo();
    render(<RepReview videos={[video]} initialVideoId="v1" />);
    const reps = video.analysis!.reps;
    const timeline = createPhaseTimeline([reps[0]!, reps[2]!]);
    fireEvent.change(screen.getByTestId('review-scrub'), { target: { value: String(timeline.eventClockS[1]) } });
    const { a, b } = videos();
    expect(a.currentTime).toBeCloseTo(reps[0]!.bottom, 6);
    expect(b.currentTime).toBeCloseTo(reps[2]!.bottom, 6);
    expect(screen.getByTestId('rep-review').getAttribute('data-phase')).toBe('bottom');
  });

  it('starts both videos at their rep start and steps one frame with the arrow keys', () => {
    const video = loadedVideo();
    render(<RepReview videos={[video]} initialVideoId="v1" />);
    const reps = video.analysis!.reps;
    const { a, b } = videos();
    expect(a.currentTime).toBeCloseTo(reps[0]!.start, 6);
    expect(b.currentTime).toBeCloseTo(reps[2]!.start, 6);
    const review = screen.getByTestId('rep-review');
    fireEvent.keyDown(review, { key: 'ArrowRight' });
    const stepA = a.currentTime - reps[0]!.start;
    const stepB = b.currentTime - reps[2]!.start;
    expect(stepA).toBeGreaterThan(0);
    expect(stepB).toBeGreaterThan(0);
    // Neither video moves more than one of its frames (30 fps).
    expect(Math.max(stepA, stepB)).toBeLessThanOrEqual(1 / 30 + 1e-9);
    fireEvent.keyDown(review, { key: 'ArrowLeft' });
    expect(a.currentTime).toBeCloseTo(reps[0]!.start, 6);
  });

  it('plays both from one clock so they stay in the same phase', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    try {
      const video = loadedVideo();
      render(<RepReview videos={[video]} initialVideoId="v1" />);
      fireEvent.change(screen.getByTestId('review-speed'), { target: { value: '1' } });
      fireEvent.click(screen.getByTestId('review-play'));
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
      const reps = video.analysis!.reps;
      const timeline = createPhaseTimeline([reps[0]!, reps[2]!]);
      const clock = Number(screen.getByTestId('rep-review').getAttribute('data-clock'));
      expect(clock).toBeGreaterThan(0.5);
      const { a, b } = videos();
      expect(a.currentTime).toBeCloseTo(timeline.repTimeAt(0, clock), 3);
      expect(b.currentTime).toBeCloseTo(timeline.repTimeAt(1, clock), 3);
      expect(timeline.clockAt(0, a.currentTime)).toBeCloseTo(timeline.clockAt(1, b.currentTime), 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('compares both reps\' peaks with the difference, and not-measurable stays so', () => {
    const video = loadedVideo();
    render(<RepReview videos={[video]} initialVideoId="v1" />);
    const heel = document.querySelector('tr[data-metric="heelLift-left"]')!;
    // Rep 1 left heel 2 % of foot, rep 3 12 %: +10.
    expect(heel.textContent).toContain('2 % foot');
    expect(heel.textContent).toContain('12 % foot');
    expect(heel.textContent).toContain('+10 % foot');
    expect(document.querySelector('tr[data-metric="kneeValgusDeg-left"]')).toBeNull();
    // Right heel: 2 % in both reps; no "+" on a zero difference.
    const right = document.querySelector('tr[data-metric="heelLift-right"]')!;
    expect(right.lastElementChild!.textContent).toBe('0 % foot');
  });

  it('mirrors the right panel when asked', () => {
    const video = loadedVideo();
    render(<RepReview videos={[video]} initialVideoId="v1" />);
    const { b } = videos();
    expect(b.style.transform).toBe('');
    fireEvent.click(screen.getByTestId('review-mirror'));
    expect(videos().b.style.transform).toBe('scaleX(-1)');
  });

  it('switches to best vs worst from the suggested pairs', () => {
    const video = loadedVideo();
    render(<RepReview videos={[video]} initialVideoId="v1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Best vs worst' }));
    expect(screen.getByRole('button', { name: 'Best vs worst' }).getAttribute('aria-pressed')).toBe('true');
  });
});
