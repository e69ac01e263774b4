/**
 * The report for one analysed video: summary, per-rep table with click-to-seek, left/right
 * panel with a body diagram, findings along the kinetic chain, charts, worst-frame
 * thumbnails, export and print. Reads the Analysis; computes no geometry.
 */
import { Suspense, lazy, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Finding, MetricKey } from '../../core/types';
import { createTimeStore } from '../charts/time_store';
import type { LoadedVideoLike } from './loaded_video_like';
import { PosePlayer, type OverlayHighlight } from '../player/PosePlayer';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { ReportSummary } from './ReportSummary';
import { RepTable, repSeekRequest, type SeekRequest } from './RepTable';
import { AsymmetryPanel } from './AsymmetryPanel';
import { FindingsList } from './FindingsList';
import { ChartsSection } from './ChartsSection';
import { FaultThumbnails } from './FaultThumbnails';
import { ExportButtons } from './ExportButtons';
import { AnnotatedVideoButton } from '../export_video/AnnotatedVideoButton';
import { METRIC_LABELS, formatSeconds, overlayMetricsFor } from './labels';
import './report.css';

const RepReview = lazy(() => import('../review/RepReview'));

const FAULT_METRIC: Record<string, MetricKey> = {
  knee_valgus: 'kneeValgusDeg',
  heel_lift: 'heelLift',
  forward_lean: 'trunkTibiaDeg',
  butt_wink: 'buttWink',
  shallow_depth: 'thighAngleDeg',
  hip_shift: 'hipShift',
};

export interface ReportViewProps {
  video: LoadedVideoLike;
  allVideos: LoadedVideoLike[];
  /** Also told about every seek. */
  onSeek?: (t: number) => void;
  /** Shown first beside the video (the results page puts the video's facts there). */
  intro?: ReactNode;
  /** Move keyboard focus to the title when a video is shown (the results page does). */
  focusTitle?: boolean;
}

/** A fresh report per video: highlight, announcement and review state do not carry over. */
export function ReportView(props: ReportViewProps) {
  return <ReportForVideo key={props.video.id} {...props} />;
}

function ReportForVideo({ video, allVideos, onSeek, intro, focusTitle }: ReportViewProps) {
  const analysis = video.analysis;
  const videoEl = useRef<HTMLVideoElement | null>(null);
  const time = useMemo(() => createTimeStore(0), []);
  const [highlight, setHighlight] = useState<OverlayHighlight | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [reviewOpen, setReviewOpen] = useState(false);
  const onSeekRef = useRef(onSeek);
  onSeekRef.current = onSeek;
  // Stable, so it runs once per shown video (the report is keyed by video), not on every render.
  const titleRef = useCallback(
    (element: HTMLHeadingElement | null) => {
      if (element && focusTitle) element.focus({ preventScroll: true });
    },
    [],
  );

  /** Pause the one video at t (seconds) and move the charts' cursor there. */
  const seekTime = useCallback(
    (t: number) => {
      const element = videoEl.current;
      if (element) {
        element.pause();
        element.currentTime = t;
      }
      time.set(t);
      onSeekRef.current?.(t);
    },
    [time],
  );

  /** A flag, rep or thumbnail clicked: seek there, light up its metric, and say what happened. */
  const seek = useCallback(
    (request: SeekRequest) => {
      seekTime(request.t);
      const element = videoEl.current;
      if (element && typeof element.scrollIntoView === 'function' && window.matchMedia?.('(max-width: 820px)').matches) {
        element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      }
      setHighlight({ metric: request.metric, side: request.side });
      setAnnouncement(`${request.description}: video paused at ${formatSeconds(request.t)}, ${METRIC_LABELS[request.metric].label.toLowerCase()} highlighted`);
    },
    [seekTime],
  );

  // A session reopened from the history whose video was not kept has no URL: numbers only.
  const player = video.url ? (
    <aside className="report-video" aria-label="Video with skeleton">
      <PosePlayer
        url={video.url}
        track={video.track}
        analysis={analysis}
        highlight={highlight}
        angles={!analysis || highlight ? [] : overlayMetricsFor(analysis.measurability, 1)}
        label={`Video of ${video.name}`}
        videoRef={videoEl}
        onTime={time.set}
        testId="report-video"
        videoTestId="analysed-video"
        canvasTestId="skeleton-canvas"
      />
      <p className="muted small" aria-live="polite" data-testid="seek-announcement">
        {announcement}
      </p>
      {highlight && (
        <button type="button" className="link-button no-print" onClick={() => setHighlight(null)}>
          Clear highlight
        </button>
      )}
    </aside>
  ) : (
    <aside className="report-video" aria-label="Video not kept">
      <p className="muted" data-testid="video-not-kept">
        The video of this set was not kept on this device; the numbers below are as they were analysed.
      </p>
    </aside>
  );

  const onSeekEvidence = (finding: Finding, index: number) => {
    const evidence = finding.evidence[index]!;
    const metric = (evidence.fault && FAULT_METRIC[evidence.fault]) || 'kneeFlexionDeg';
    const side = evidence.side === 'left' || evidence.side === 'right' ? evidence.side : null;
    seek({ t: evidence.t, metric, side, description: finding.text });
  };

  const onSelectRep = (repIndex: number) => {
    const rep = analysis?.reps.find((r) => r.index === repIndex);
    if (rep) seek(repSeekRequest(rep));
  };

  return (
    <article className="report" aria-label={`${analysis ? 'Report for' : 'Video'} ${video.name}`} data-testid="report">
      <header className="report-header">
        <h1 className="report-title" ref={titleRef} tabIndex={-1}>
          {analysis ? 'Report' : 'Video'} <span className="muted">· {video.name}</span>
        </h1>
      </header>
      <div className="report-layout">
        {player}
        <div className="report-body">
          {intro}
          {analysis ? (
            <ErrorBoundary what="report">
              <ReportSummary analysis={analysis} />
              <RepTable analysis={analysis} onSeek={seek} />
              <FindingsList analysis={analysis} onSeekEvidence={onSeekEvidence} />
              <AsymmetryPanel analysis={analysis} />
              {video.url ? <FaultThumbnails analysis={analysis} url={video.url} track={video.track} onSeek={seek} /> : null}
              <ChartsSection analysis={analysis} time={time} onSeek={seekTime} onSelectRep={onSelectRep} />
              <ExportButtons analysis={analysis} sourceName={video.name} />
              {video.url ? <AnnotatedVideoButton video={video} /> : null}
            </ErrorBoundary>
          ) : (
            <p aria-live="polite">Not analysed yet.</p>
          )}
        </div>
      </div>
      {analysis && video.url && (
        <section className="report-section no-print" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare two reps</h2>
          <p className="muted small">Side by side, both reps reach the bottom together.</p>
          <button type="button" aria-expanded={reviewOpen} onClick={() => setReviewOpen((open) => !open)} data-testid="open-review">
            {reviewOpen ? 'Close side-by-side review' : 'Open side-by-side review'}
          </button>
          {reviewOpen && (
            <Suspense fallback={<p>Loading review…</p>}>
              <RepReview videos={allVideos.some((v) => v.url) ? allVideos.filter((v) => v.url) : [video]} initialVideoId={video.id} />
            </Suspense>
          )}
        </section>
      )}
    </article>
  );
}

export default ReportView;
