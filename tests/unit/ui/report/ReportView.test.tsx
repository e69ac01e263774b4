// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
  it('summarises reps, camera view and what the view cannot measure', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    expect(screen.getByTestId('rep-count').textContent).toContain('3');
    expect(screen.getByTestId('view-kind').textContent).toContain('side');
    const notMeasurable = screen.getByTestId('not-measurable-list');
    expect(notMeasurable.textContent).toContain('Knee valgus: knee valgus needs a front view');
    expect(screen.getByText(/Filmed from the side only/)).toBeTruthy();
  });

  it('shows not-measurable metrics as such in the rep table, never as 0', () => {
    const video = loadedVideo();
    // Rep 2 lost its heel keypoints: its heel lift peak is null on the right.
    video.analysis!.reps[1]!.measures.heelLift = { left: { value: 0.07, confidence: 0.9, t: 4.7, view: 'side' }, right: null };
    render(<ReportView video={video} allVideos={[video]} />);
    const table = document.querySelector('.rep-table')!;
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    // Knee valgus: the side view cannot measure it at all, so it is named under the table, not a column of blanks or zeros.
    expect(header).not.toContain('Knee valgus');
    expect(screen.getByTestId('rep-table-not-measurable').textContent).toContain('Knee valgus');
    const heelColumn = header.indexOf('Heel lift');
    const rep2 = table.querySelectorAll('tbody tr')[1]!.children[heelColumn]!;
    expect(rep2.textContent).toContain('L 7 % foot');
    expect(rep2.textContent).toContain('R not measurable');
    expect(rep2.textContent).not.toMatch(/R 0/);
    // A measured column shows numbers from the Analysis peaks.
    const kneeColumn = header.indexOf('Knee bend');
    expect(table.querySelector('tbody tr')!.children[kneeColumn]!.textContent).toContain('R 120°');
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

  it('lists findings from the ankle up, with guidance and a line advising a professional', () => {
    const video = loadedVideo();
    // Put the torso finding first in the Analysis: the report must still start at the ankle.
    video.analysis!.findings.reverse();
    render(<ReportView video={video} allVideos={[video]} />);
    const items = [...document.querySelectorAll('.finding')].map((li) => li.getAttribute('data-finding'));
    expect(items).toEqual(['heel-lift-left', 'forward-lean']);
    expect(screen.getByText(/ankle mobility work may help/)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/not a diagnosis.*severe pain.*physiotherapist or doctor/s);
  });

  it('lists what the view cannot tell apart from the findings', () => {
    const video = loadedVideo();
    video.analysis!.findings.push({ id: 'valgus-nm', kind: 'not_measurable', text: 'Knee valgus: not measurable from this side view.', severity: 'mild', chain: ['knee'], side: null, evidence: [], confidence: 1 });
    render(<ReportView video={video} allVideos={[video]} />);
    expect(document.querySelector('[data-finding="valgus-nm"]')).toBeNull();
    expect(screen.getByTestId('cannot-tell').textContent).toContain('Knee valgus: not measurable');
  });

  it('shows both sides of each asymmetry, its symmetry index and whether it is beyond variation', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    const row = document.querySelector('.asymmetry-panel tr[data-metric="heelLift"]')!;
    expect(row.textContent).toContain('2, 7, 12');
    expect(row.textContent).toContain('105 %');
    expect(row.textContent).toContain('Yes, left side worse');
    const knee = document.querySelector('.asymmetry-panel tr[data-metric="kneeFlexionDeg"]')!;
    expect(knee.textContent).toContain('within keypoint noise, model bias or rep-to-rep variation');
    // Body diagram: left ankle marked (flags and the real asymmetry); right ankle not.
    expect(document.querySelector('[data-joint="ankle-left"]')).toBeTruthy();
    expect(document.querySelector('[data-joint="ankle-right"]')).toBeNull();
    expect(document.querySelector('[data-joint="torso-centre"]')).toBeTruthy();
  });

  it('charts only measurable metrics, per side, with gaps (null) kept as null', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
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

  it('lists the worst moment of each fault once', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    const thumbs = within(document.querySelector('.thumbnails') as HTMLElement).getAllByRole('button');
    expect(thumbs).toHaveLength(2);
    // Heel lift: the moderate flag of rep 3 beats the mild one of rep 2.
    expect(thumbs[0]!.getAttribute('aria-label')).toMatch(/Heel lifts, left, rep 3/);
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
    expect(screen.getByText('No complete rep was found in this clip.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('open-review'));
    return screen.findByText('No analysed reps to compare yet.');
  });

  it('says so when the video has not been analysed, and still shows the video with its skeleton overlay', () => {
    const video = { ...loadedVideo(), analysis: null };
    render(<ReportView video={video} allVideos={[video]} />);
    expect(screen.getByText('Not analysed yet.')).toBeTruthy();
    const element = screen.getByLabelText('Video of sample-side.mp4') as HTMLVideoElement;
    expect(element.tagName).toBe('VIDEO');
    expect(screen.getByTestId('skeleton-canvas')).toBeTruthy();
  });

  it('shows one video only: the player with the skeleton overlay', () => {
    const video = loadedVideo();
    render(<ReportView video={video} allVideos={[video]} />);
    expect(document.querySelectorAll('video').length).toBe(1);
    expect(screen.getByTestId('analysed-video')).toBe(screen.getByLabelText('Video of sample-side.mp4'));
  });
});
