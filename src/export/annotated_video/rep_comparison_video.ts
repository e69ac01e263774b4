/**
 * The side-by-side review of two reps as one video: both panels driven by the review's phase
 * clock (src/core/phase_alignment.ts), so they reach the bottom together, each with its skeleton,
 * values and flags. The clock runs at 1x real time of the slower phase, at the higher of the two
 * frame rates; each panel shows its source frame at the clock's time (the last frame that started
 * at or before it, as the player does).
 */
import { ALL_FORMATS, BlobSource, Input, VideoSampleSink, type VideoSample } from 'mediabunny';
import { createPhaseTimeline } from '../../core/phase_alignment';
import type { Analysis, PoseTrack, Rep } from '../../core/types';
import { overlayMetricsFor } from '../../ui/report/labels';
import { drawAnnotatedFrame, type ExportProgress, type ExportedVideo } from './annotated_video';
import { VideoExportError, chooseVideoOutput, createVideoWriter, evenSize, type VideoContainer } from './video_encoder_output';

export interface ComparisonPanel {
  file: Blob;
  track: PoseTrack;
  analysis: Analysis | null;
  rep: Rep;
  /** Written under the panel ("rep 1 · monday.mp4"). */
  label: string;
  mirrored?: boolean;
}

export interface RepComparisonOptions {
  a: ComparisonPanel;
  b: ComparisonPanel;
  prefer?: VideoContainer;
  /** Panel height in pixels at most (default 720). */
  maxPanelHeight?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

const GAP_PX = 8;

export async function exportRepComparisonVideo(options: RepComparisonOptions): Promise<ExportedVideo> {
  const { a, b, signal } = options;
  const panels = [a, b];
  const timeline = createPhaseTimeline([a.rep, b.rep]);
  const fps = Math.max(a.track.source.fps || 0, b.track.source.fps || 0) || 30;
  const frameS = 1 / fps;
  const frameCount = Math.floor(timeline.durationS * fps + 1e-9) + 1;
  const clocks = Array.from({ length: frameCount }, (_, k) => Math.min(k * frameS, timeline.durationS));

  const panelH = Math.min(options.maxPanelHeight ?? 720, Math.max(a.track.source.height, b.track.source.height));
  const scales = panels.map((p) => panelH / p.track.source.height);
  const widths = panels.map((p, i) => Math.round(p.track.source.width * scales[i]!));
  const captionH = Math.round(Math.max(18, panelH / 18) * 1.6);
  const size = evenSize(widths[0]! + GAP_PX + widths[1]!, panelH + captionH);

  const inputs = panels.map((p) => new Input({ source: new BlobSource(p.file), formats: ALL_FORMATS }));
  let writer: Awaited<ReturnType<typeof createVideoWriter>> | null = null;
  try {
    const tracks = await Promise.all(inputs.map((input) => input.getPrimaryVideoTrack()));
    if (!tracks[0] || !tracks[1]) throw new VideoExportError('failed', 'One of the two files has no video track.');
    const choice = await chooseVideoOutput(size.width, size.height, fps, options.prefer);
    writer = await createVideoWriter(choice);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new VideoExportError('failed', 'This browser cannot draw video frames (no 2D canvas).');
    const metrics = panels.map((p) => (p.analysis ? overlayMetricsFor(p.analysis.measurability, 2) : []));
    const iterators = tracks.map((track, i) => new VideoSampleSink(track!).samplesAtTimestamps(clocks.map((c) => timeline.repTimeAt(i, c))));
    const fontPx = Math.round(captionH / 1.8);
    for (let k = 0; k < frameCount; k++) {
      if (signal?.aborted) throw new VideoExportError('cancelled', 'The video export was cancelled.');
      const results = await Promise.all(iterators.map((it) => it.next()));
      const samples = results.map((r) => (r.done ? null : r.value)) as (VideoSample | null)[];
      try {
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, size.width, size.height);
        const phase = timeline.phaseAt(clocks[k]!);
        panels.forEach((panel, i) => {
          const x = i === 0 ? 0 : widths[0]! + GAP_PX;
          const t = timeline.repTimeAt(i, clocks[k]!);
          drawAnnotatedFrame(ctx, samples[i] ?? null, { track: panel.track, analysis: panel.analysis, metrics: metrics[i]!, t, scale: scales[i]!, x, mirrored: panel.mirrored });
          ctx.save();
          ctx.fillStyle = '#ffffff';
          ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
          ctx.textBaseline = 'middle';
          const caption = `${panel.label} · ${phase.name} · ${t.toFixed(2)} s`;
          ctx.fillText(caption, x + 6, panelH + captionH / 2, widths[i]! - 12);
          ctx.restore();
        });
      } finally {
        samples.forEach((s) => s?.close());
      }
      await writer.addFrame(canvas, k * frameS, frameS);
      options.onProgress?.({ framesDone: k + 1, framesTotal: frameCount });
    }
    await Promise.all(iterators.map((it) => it.return?.(undefined)));
    const blob = await writer.finish();
    return { blob, choice, frames: frameCount, durationS: frameCount * frameS, width: size.width, height: size.height };
  } catch (error) {
    await writer?.cancel().catch(() => undefined);
    if (error instanceof VideoExportError) throw error;
    throw new VideoExportError('failed', `The comparison video could not be made: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    inputs.forEach((input) => input.dispose());
  }
}
