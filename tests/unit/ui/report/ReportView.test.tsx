// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { makeSampleAnalysis, makeSampleTrack } from '../../../support/sample_analysis';
import type { LoadedVideoLike } from '../../../../src/ui/report/loaded_video_like';
import { parseCsv } from '../../../../src/export';

// uPlot needs a real canvas; happy-dom has none. Record what each chart was asked to draw instead.
const plots: { series: unknown[]; data: unknown[][] }[] = [];
vi.mock('uplot', () => {
  class FakePlot {
    over = document.createElement('div');
    cursor = { left: 10, idx: 0 };
    width = 300;
    height = 170;
    constructor(options: { series: unknown[] }, data: unknown[][], target: HTMLElement) {
      plots.push({ series: options.series, data });
      target.appendChild(this.over);
    }
    valToPos(v: number) {
      return v * 10;
    }
    posToVal(p: number) {
      return p / 10;
    }
    setSize() {}
    destroy() {}
  }
  return { default: FakePlot };
});
vi.mock('uplot/dist/uPlot.min.css', () => ({}));

const { ReportView } = await import('../../../../src/ui/report/ReportView');

/** Opens a fold as a click on its summary would (happy-dom does not toggle <details> itself). */
function openFold(id: string): void {
  const details = document.querySelector(`details[data-fold="${id}"]`) as HTMLDetailsElement;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
}

function loadedVideo(): LoadedVideoLike {
  return {
    id: 'v1',
    name: 'sample-side.mp4',
    file: new Blob([]),
    url: 'blob:sample',
    track: makeSampleTrack(),
    analysis: makeSampleAnalysis(),
    backend: 'wasm',
    model: 'lite',
  };
}

beforeEach(() => {
  plots.length = 0;
  HTMLMediaElement.prototype.pause = vi.fn();
});
afterEach(cleanup);

describe('ReportView', () => {
  it('puts the verdict first: one sentence and the things to work on, each with side, how sure, view and the work it points to', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    const report = screen.getByTestId('report');
    // The verdict is the first section of the report, before the video and the folds.
    const order = [...report.querySelectorAll('[data-testid="verdict"], [data-testid="report-video"], details[data-fold]')].map((el) => el.getAttribute('data-testid') ?? el.getAttribute('data-fold'));
    expect(order[0]).toBe('verdict');
    expect(screen.getByTestId('verdict-sentence').textContent).toBe('3 reps, good depth; the left heel lifts on rep 3, more than the right; one more thing to work on below.');
    const items = [...document.querySelectorAll('.verdict-item')];
    expect(items.map((li) => li.getAttribute('data-item'))).toEqual(['heel-lift-left', 'forward-lean']);
    const first = items[0] as HTMLElement;
    expect(first.textContent).toContain('Left side');
    expect(first.textContent).toMatch(/Fairly sure \(75 %\)/);
    expect(first.textContent).toContain('seen from the side');
    // Its number in words, from rep 3's measure (the sample's left heel at the bottom of rep 3: 0.12 foot lengths).
    expect(first.querySelector('[data-measure="2:heelLift:left"]')!.textContent).toMatch(/^left heel up about [\d.]+ cm \(12 % foot\)$/);
    expect(first.textContent).toMatch(/Work on \(Ankle\): .*ankle mobility work may help/);
    expect(first.querySelector('canvas')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/not a diagnosis.*severe pain.*physiotherapist or doctor/s);
    // What this side view could not check is said beside the verdict.
    expect(screen.getByTestId('not-checked').textContent).toBe('Not checked from this view: Knee valgus needs a front view; butt wink needs a clear side view of the lower back.');
  });

  it('says "looks fine" plainly when nothing stands out', () => {
    const video = loadedVideo();
    for (const rep of video.analysis!.reps) rep.flags = [];
    video.analysis!.findings = [];
    render(<ReportView video={video} allVideos={[video]} />);
    expect(screen.getByTestId('verdict').getAttribute('data-status')).toBe('fine');
    expect(screen.getByTestId('verdict-sentence').textContent).toBe('3 reps, good depth: looks fine for what a side view can show.');
    expect(screen.getByTestId('looks-fine').textContent).toMatch(/^Looks fine\./);
    expect(document.querySelectorAll('.verdict-item')).toHaveLength(0);
  });

  it('plays the video from an item\'s evidence frame when its thumbnail is clicked', () => {
    const video = loadedVideo();
    const play = vi.fn(() => Promise.resolve());
    HTMLMediaElement.prototype.play = play;
    render(<ReportView video={video} allVideos={[video]} />);
    fireEvent.click(screen.getAllByTestId('evidence-thumb')[0]!);
    const element = screen.getByLabelText('Video of sample-side.mp4') as HTMLVideoElement;
    expect(element.currentTime).toBeCloseTo(video.analysis!.reps[2]!.bottom, 5);
    expect(play).toHaveBeenCalled();
    expect(screen.getByTestId('seek-announcement').textContent).toMatch(/Left heel lifts: playing from .*heel lift highlighted/);
  });

  it('folds the details: rep by rep, left and right, findings, charts, measurability, review, technical details', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    const folds = [...document.querySelectorAll('details[data-fold]')] as HTMLDetailsElement[];
    expect(folds.map((d) => d.getAttribute('data-fold'))).toEqual(['reps', 'left-right', 'findings', 'charts', 'measurable', 'review', 'technical']);
    expect(folds.every((d) => !d.open)).toBe(true);
    // Model and backend live in the technical fold, not beside the verdict.
    expect(screen.getByTestId('verdict').textContent).not.toMatch(/wasm|BlazePose|synthetic/);
    expect(document.querySelector('details[data-fold="technical"]')!.textContent).toMatch(/BlazePose lite.*wasm/s);
  });

  it('rep cards: every measurable metric with its meaning; not measurable as such, never as 0', () => {
    const video = loadedVideo();
    // Rep 2 lost its heel keypoints: its heel lift is null on the right.
    video.analysis!.reps[1]!.measures.heelLift = { left: { value: 0.07, confidence: 0.9, t: 4.7, view: 'side' }, right: null };
    render(<ReportView video={video} allVideos={[video]} />);
    const cards = [...document.querySelectorAll('.rep-card')];
    expect(cards).toHaveLength(3);
    const metrics = [...cards[0]!.querySelectorAll('[data-metric]')].map((el) => el.getAttribute('data-metric'));
    // Knee valgus: the side view cannot measure it at all, so it is named once under the cards.
    expect(metrics).not.toContain('kneeValgusDeg');
    expect(screen.getByTestId('reps-not-measurable').textContent).toContain('Knee valgus');
    const heel = cards[1]!.querySelector('[data-metric="heelLift"]')!;
    expect(heel.querySelector('[data-measure="1:heelLift:left"]')!.textContent).toMatch(/^L heel up about [\d.]+ cm \(7 % foot\)$/);
    expect(heel.querySelector('[data-measure="1:heelLift:right"]')!.textContent).toBe('R not measurable');
    expect(heel.textContent).not.toMatch(/R 0/);
    // Words that already state the number are shown alone.
    expect(cards[0]!.querySelector('[data-measure="0:kneeFlexionDeg:right"]')!.textContent).toBe('R knee bent 120°');
    expect(cards[0]!.querySelector('[data-measure="0:thighAngleDeg:"]')!.textContent).toBe('thighs 5° below parallel');
  });

  it('never shows a number the view cannot support, even if a measure holds one', () => {
    const video = loadedVideo();
    // A valgus number from a side-view rep: the registry says a side view cannot measure valgus.
    video.analysis!.measurability.kneeValgusDeg = { measurable: true, reason: null, confidence: 0.5, view: 'side' };
    video.analysis!.reps[0]!.measures.kneeValgusDeg = { left: { value: 12, confidence: 0.9, t: 2, view: 'side' }, right: null };
    render(<ReportView video={video} allVideos={[video]} />);
    expect(document.querySelector('[data-measure="0:kneeValgusDeg:left"]')!.textContent).toBe('L not measurable');
  });

  it('seeks the video to a flag\'s evidence time and pauses when the flag is clicked', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    const flag = video.analysis!.reps[2]!.flags[0]!;
    const chip = document.querySelector(`.flag-chip[data-fault="heel_lift"][data-t="${flag.t}"]`) as HTMLButtonElement;
    expect(chip).toBeTruthy();
    fireEvent.click(chip);
    const element = screen.getByLabelText('Video of sample-side.mp4') as HTMLVideoElement;
    expect(element.currentTime).toBeCloseTo(flag.t, 5);
    expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled();
    expect(screen.getByTestId('seek-announcement').textContent).toMatch(/Rep 3, heel lifts, left, moderate.*heel lift highlighted/);
  });

  it('seeks to a rep\'s bottom when the rep number is clicked', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show rep 2 at its bottom' }));
    const element = screen.getByLabelText('Video of sample-side.mp4') as HTMLVideoElement;
    expect(element.currentTime).toBeCloseTo(video.analysis!.reps[1]!.bottom, 5);
  });

  it('lists all findings from the ankle up, with guidance, and what the view cannot tell apart', () => {
    const video = loadedVideo();
    // Put the torso finding first in the Analysis: the list must still start at the ankle.
    video.analysis!.findings.reverse();
    video.analysis!.findings.push({ id: 'valgus-nm', kind: 'not_measurable', text: 'Knee valgus: not measurable from this side view.', severity: 'mild', chain: ['knee'], side: null, evidence: [], confidence: 1 });
    render(<ReportView video={video} allVideos={[video]} />);
    const items = [...document.querySelectorAll('.finding')].map((li) => li.getAttribute('data-finding'));
    expect(items).toEqual(['heel-lift-left', 'forward-lean']);
    expect(document.querySelector('[data-finding="valgus-nm"]')).toBeNull();
    expect(screen.getByTestId('cannot-tell').textContent).toContain('Knee valgus: not measurable');
  });

  it('left and right: each rep\'s numbers from the rep measures, and whether the difference is beyond variation', () => {
    const video = loadedVideo();
    // The asymmetry's own per-rep lists disagree with the rep measures: the panel shows the measures.
    video.analysis!.asymmetries[0]!.left = [null, null, null];
    render(<ReportView video={video} allVideos={[video]} />);
    const row = document.querySelector('.asymmetry-panel tr[data-metric="heelLift"]')!;
    expect([...row.querySelectorAll('[data-measure$=":heelLift:left"] .measure-number')].map((el) => el.textContent)).toEqual(['2 % foot', '7 % foot', '12 % foot']);
    expect(row.textContent).toContain('symmetry index 105 %');
    expect(row.textContent).toContain('Yes, left side worse');
    const knee = document.querySelector('.asymmetry-panel tr[data-metric="kneeFlexionDeg"]')!;
    expect(knee.textContent).toContain('within keypoint noise, model bias or rep-to-rep variation');
    // Body diagram: left ankle marked (flags and the real asymmetry); right ankle not.
    expect(document.querySelector('[data-joint="ankle-left"]')).toBeTruthy();
    expect(document.querySelector('[data-joint="ankle-right"]')).toBeNull();
    expect(document.querySelector('[data-joint="torso-centre"]')).toBeTruthy();
    // The scroll region is reachable by keyboard and named.
    const scroll = row.closest('.table-scroll') as HTMLElement;
    expect(scroll.tabIndex).toBe(0);
    expect(scroll.getAttribute('aria-label')).toBeTruthy();
  });

  it('charts (built once their fold opens) only measurable metrics, per side, with gaps kept as null', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    expect(document.querySelectorAll('.metric-chart')).toHaveLength(0);
    openFold('charts');
    const charted = [...document.querySelectorAll('.metric-chart')].map((el) => el.getAttribute('data-metric'));
    expect(charted).toContain('kneeFlexionDeg');
    expect(charted).not.toContain('kneeValgusDeg');
    expect(charted).not.toContain('buttWink');
    const heel = plots.find((p) => (p.series as { label?: string }[]).some((s) => s.label === 'left') && (p.data[1] as number[]).length === video.analysis!.series.t.length);
    expect(heel).toBeTruthy();
    // Small multiples: one point per rep.
    expect(document.querySelectorAll('.rep-peaks-chart').length).toBeGreaterThan(0);
    const peaks = plots.filter((p) => p.data[0]!.length === 3);
    expect(peaks.length).toBeGreaterThan(0);
    expect(peaks[0]!.data[0]).toEqual([1, 2, 3]);
  });

  it('moves the video a frame with the arrow keys on a chart', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    openFold('charts');
    const element = screen.getByLabelText('Video of sample-side.mp4') as HTMLVideoElement;
    fireEvent.click(screen.getByRole('button', { name: 'Show rep 1 at its bottom' }));
    const chart = document.querySelector('.metric-chart[data-metric="kneeFlexionDeg"] [role="img"]') as HTMLElement;
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(element.currentTime).toBeCloseTo(video.analysis!.reps[0]!.bottom + 1 / 30, 6);
  });

  it('exports the per-rep CSV as a download that parses back', async () => {
    const video = loadedVideo();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:export';
    });
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    render(<ReportView video={video} allVideos={[video]} />);
    fireEvent.click(document.querySelector('[data-export="reps-csv"]')!);
    expect(downloads).toEqual(['sample-side.reps.csv']);
    const rows = parseCsv(await blobs[0]!.text());
    expect(rows).toHaveLength(4);
    fireEvent.click(document.querySelector('[data-export="analysis-json"]')!);
    expect(JSON.parse(await blobs[1]!.text()).analysis.reps).toHaveLength(3);
    create.mockRestore();
    click.mockRestore();
  });

  it('starts fresh when another video is shown: no highlight or announcement carried over', () => {
    const first = loadedVideo();
    const second = { ...loadedVideo(), id: 'v2', name: 'other.mp4' };
    const { rerender } = render(<ReportView video={first} allVideos={[first, second]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show rep 2 at its bottom' }));
    expect(screen.getByTestId('seek-announcement').textContent).not.toBe('');
    rerender(<ReportView video={second} allVideos={[first, second]} />);
    expect(screen.getByTestId('seek-announcement').textContent).toBe('');
    expect(screen.getByLabelText('Video of other.mp4')).toBeTruthy();
  });

  it('renders a clip with no rep found: says so, and the review has nothing to compare', () => {
    const video = loadedVideo();
    video.analysis = { ...video.analysis!, reps: [], asymmetries: [], findings: [] };
    render(<ReportView video={video} allVideos={[video]} />);
    expect(screen.getByTestId('rep-count').textContent).toBe('0');
    expect(screen.getByTestId('verdict').getAttribute('data-status')).toBe('no_reps');
    expect(screen.getByText('No complete rep was found in this clip.')).toBeTruthy();
    openFold('review');
    // The review is loaded lazily: allow for a busy machine.
    return screen.findByText('No analysed reps to compare yet.', {}, { timeout: 15_000 });
  });

  it('says so when the video has not been analysed, and still shows the video with its skeleton overlay and its facts', () => {
    const video = { ...loadedVideo(), analysis: null };
    render(<ReportView video={video} allVideos={[video]} />);
    expect(screen.getByText('Not analysed yet.')).toBeTruthy();
    const element = screen.getByLabelText('Video of sample-side.mp4') as HTMLVideoElement;
    expect(element.tagName).toBe('VIDEO');
    expect(screen.getByTestId('skeleton-canvas')).toBeTruthy();
    expect((document.querySelector('details[data-fold="technical"]') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId('frames-with-pose').textContent).toBe(String(video.track.frames.length));
  });

  it('shows one video only: the player with the skeleton overlay', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    expect(document.querySelectorAll('video').length).toBe(1);
    expect(screen.getByTestId('analysed-video')).toBe(screen.getByLabelText('Video of sample-side.mp4'));
  });

  it('shows a camera recording mirrored, as its live preview was, and an upload as filmed; the toggle flips it', () => {
    const upload = loadedVideo();
    const { unmount } = render(<ReportView video={upload} allVideos={[upload]} />);
    expect(screen.getByTestId('report-video').getAttribute('data-mirrored')).toBe('false');
    unmount();
    const recording = { ...loadedVideo(), id: 'rec', previewMirrored: true };
    render(<ReportView video={recording} allVideos={[recording]} />);
    expect(screen.getByTestId('report-video').getAttribute('data-mirrored')).toBe('true');
    expect((screen.getByTestId('analysed-video') as HTMLVideoElement).style.transform).toBe('scaleX(-1)');
    fireEvent.click(screen.getByTestId('report-mirror'));
    expect(screen.getByTestId('report-video').getAttribute('data-mirrored')).toBe('false');
  });
});
