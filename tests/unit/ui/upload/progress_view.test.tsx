// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AnalysisProgressView } from '../../../../src/ui/upload/AnalysisProgressView';
import { ErrorNotice } from '../../../../src/ui/app/ErrorNotice';
import type { AnalysisProgress } from '../../../../src/pipeline/analyze_video';

afterEach(cleanup);

const progress = (over: Partial<AnalysisProgress>): AnalysisProgress => ({
  phase: 'analysing',
  framesDone: 60,
  framesTotal: 187,
  fps: 24.5,
  secondsLeft: 5.2,
  fraction: 60 / 187,
  hidden: false,
  probe: null,
  ...over,
});

describe('AnalysisProgressView', () => {
  it('shows frames done / total, speed and time left, and exposes them to assistive tech', () => {
    render(<AnalysisProgressView name="squat.mp4" progress={progress({})} onCancel={() => undefined} />);
    const bar = screen.getByRole('progressbar', { name: 'Frames analysed' });
    expect(bar.getAttribute('aria-valuenow')).toBe('60');
    expect(bar.getAttribute('aria-valuemax')).toBe('187');
    expect(bar.getAttribute('aria-valuetext')).toBe('60 of 187 frames');
    expect(screen.getByTestId('progress-frames').textContent).toBe('60 / 187');
    expect(screen.getByTestId('progress-fps').textContent).toBe('24.5 fps');
    expect(screen.getByTestId('progress-time-left').textContent).toBe('0:05');
  });

  it('says when the browser paused it in a background tab, and cancels on request', () => {
    const onCancel = vi.fn();
    render(<AnalysisProgressView name="squat.mp4" progress={progress({ phase: 'paused', hidden: true })} onCancel={onCancel} />);
    expect(screen.getByTestId('analysis-phase').textContent).toMatch(/Paused by the browser/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('says it waits for the other analysis while the shared pose model is busy, and loads the model otherwise', () => {
    const { rerender } = render(<AnalysisProgressView name="squat.mp4" progress={progress({ phase: 'loading-model', waitingForEstimator: true })} onCancel={() => undefined} />);
    expect(screen.getByTestId('analysis-phase').textContent).toBe('Waiting for the other analysis to finish…');
    rerender(<AnalysisProgressView name="squat.mp4" progress={progress({ phase: 'loading-model' })} onCancel={() => undefined} />);
    expect(screen.getByTestId('analysis-phase').textContent).toBe('Loading the pose model…');
  });

  it('shows dashes, not zeros or NaN, before the first frame', () => {
    render(<AnalysisProgressView name="squat.mp4" progress={null} onCancel={() => undefined} />);
    expect(screen.getByTestId('progress-fps').textContent).toBe('—');
    expect(screen.getByTestId('progress-time-left').textContent).toBe('—');
  });
});

describe('ErrorNotice', () => {
  it('is an alert with the message and what to do, focused so it is read out', () => {
    const onDismiss = vi.fn();
    render(<ErrorNotice problem={{ title: 'That file is empty', message: '"a.mp4" is empty (0 bytes).', hint: 'Pick it again.', code: 'empty_file' }} onDismiss={onDismiss} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('"a.mp4" is empty');
    expect(alert.textContent).toContain('What to do: Pick it again.');
    expect(document.activeElement).toBe(alert);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
