// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { analyze } from '../../../../src/core/analyze';
import { TwoViewSet } from '../../../../src/ui/multiview/TwoViewSet';
import type { LoadedVideo } from '../../../../src/ui/app/loaded_videos';
import { syntheticTwoView } from '../../../support/synthetic_two_view';

function videosOf(): LoadedVideo[] {
  const set = syntheticTwoView(
    { reps: 3, heelLift: { left: 0.15, right: 0 }, perRep: (r) => ({ descentS: [1.2, 1.0, 1.4][r], pauseS: [0.8, 1.2, 0.6][r] }) },
    { view: 'front', fps: 30 },
    { view: 'side', yawDeg: -180, fps: 60, startS: 0.5 },
  );
  return [
    { id: 'f', name: 'front.mp4', file: new Blob([]), url: 'blob:f', track: set.a.track, analysis: analyze(set.a.track), backend: 'wasm', model: 'synthetic' },
    { id: 's', name: 'side.mp4', file: new Blob([]), url: 'blob:s', track: set.b.track, analysis: analyze(set.b.track), backend: 'wasm', model: 'synthetic' },
  ];
}

beforeEach(() => {
  HTMLMediaElement.prototype.pause = vi.fn();
});
afterEach(cleanup);

describe('TwoViewSet', () => {
  it('shows the offset found from the motion, the verdict with its view, and each metric from the better view', () => {
    render(<TwoViewSet videos={videosOf()} />);
    fireEvent.click(screen.getByTestId('two-view-open'));
    const offset = screen.getByTestId('two-view-offset');
    expect(Number(offset.getAttribute('data-offset-s'))).toBeCloseTo(0.5, 2);
    expect(offset.textContent).toMatch(/side\.mp4 starts 0\.500 s after front\.mp4 \(\+30\.0 frames of B\)/);
    const verdict = screen.getByTestId('two-view-verdict');
    expect(verdict.textContent).toMatch(/from the side view/);
    const table = screen.getByTestId('two-view-table');
    expect(table.querySelector('tr[data-metric="heelLift.left"] td.used')).not.toBeNull();
    expect(within(table).getAllByText(/not measurable/).length).toBeGreaterThan(0);
  });

  it('plays the matched rep from both cameras side by side in the review player', async () => {
    render(<TwoViewSet videos={videosOf()} />);
    fireEvent.click(screen.getByTestId('two-view-open'));
    expect(screen.getAllByTestId('two-view-rep').map((b) => b.textContent)).toEqual(['Rep 1 (A) = rep 1 (B)', 'Rep 2 (A) = rep 2 (B)', 'Rep 3 (A) = rep 3 (B)']);
    fireEvent.click(screen.getAllByTestId('two-view-rep')[1]);
    const review = await screen.findByTestId('rep-review', {}, { timeout: 10_000 });
    const panels = review.querySelectorAll('figure.review-panel');
    expect(panels).toHaveLength(2);
    // Panel a is the front video's rep 2, panel b the side video's rep 2 (its own clock).
    const videos = videosOf();
    expect(Number(panels[0].getAttribute('data-bottom'))).toBeCloseTo(videos[0].analysis!.reps[1].bottom, 6);
    expect(Number(panels[1].getAttribute('data-bottom'))).toBeCloseTo(videos[1].analysis!.reps[1].bottom, 6);
  });

  it('nudges B one frame at a time and says the offset was set by hand', () => {
    render(<TwoViewSet videos={videosOf()} />);
    fireEvent.click(screen.getByTestId('two-view-open'));
    const offset = screen.getByTestId('two-view-offset');
    const before = Number(offset.getAttribute('data-offset-s'));
    fireEvent.click(screen.getByTestId('nudge-back'));
    fireEvent.click(screen.getByTestId('nudge-back'));
    expect(Number(offset.getAttribute('data-offset-s'))).toBeCloseTo(before - 2 / 60, 3);
    expect(offset.getAttribute('data-method')).toBe('manual');
    expect(offset.textContent).toMatch(/set by hand/);
  });

  it('waits to be asked before lining two videos up', () => {
    render(<TwoViewSet videos={videosOf()} />);
    expect(screen.queryByTestId('two-view-offset')).toBeNull();
    expect(screen.getByTestId('two-view-open').textContent).toMatch(/together/);
  });

  it('shows nothing with fewer than two analysed videos', () => {
    const { container } = render(<TwoViewSet videos={videosOf().slice(0, 1)} />);
    expect(container.textContent).toBe('');
  });
});

describe('TwoViewSet with the left and the right side', () => {
  it('labels the cameras by side and compares the legs with the two-camera caveat', () => {
    const set = syntheticTwoView(
      { reps: 3, heelLift: { left: 0.12, right: 0 }, perRep: (r) => ({ descentS: [1.2, 1.0, 1.4][r], pauseS: [0.8, 1.2, 0.6][r] }) },
      { view: 'side', yawDeg: -180, fps: 30 },
      { view: 'side', fps: 30, startS: 0.7 },
    );
    const videos: LoadedVideo[] = [
      { id: 'l', name: 'left.mp4', file: new Blob([]), url: 'blob:l', track: set.a.track, analysis: analyze(set.a.track), backend: 'wasm', model: 'synthetic' },
      { id: 'r', name: 'right.mp4', file: new Blob([]), url: 'blob:r', track: set.b.track, analysis: analyze(set.b.track), backend: 'wasm', model: 'synthetic' },
    ];
    render(<TwoViewSet videos={videos} />);
    fireEvent.click(screen.getByTestId('two-view-open'));
    expect(screen.getAllByRole('heading', { name: 'Left side vs right side' }).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/A: left side/).length).toBeGreaterThan(0);
    const heel = screen.getByText(/Heel lift: left .* the left side is worse, beyond rep-to-rep variation/);
    expect(heel).toBeTruthy();
    expect(screen.getAllByText(/different camera/).length).toBeGreaterThan(0);
  });
});
