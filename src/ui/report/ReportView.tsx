/**
 * The report for one analysed video. The verdict comes first (one sentence, at most three things
 * to work on with their evidence frames), beside the video with its skeleton; everything else is
 * folded below it: rep by rep, left and right, all findings, charts, what this view can measure,
 * the side-by-side review and the technical details. Reads the Analysis; computes no geometry.
 *
 * Mirroring: a video recorded with this app's camera is shown mirrored, as its live preview was
 * (LoadedVideo.previewMirrored); an uploaded file as it was filmed. The toggle under the video
 * flips the video and its evidence frames together; left and right always mean the lifter's own.
 */
import { Suspense, lazy, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { faultDef } from '../../core/flags/registry';
import type { Finding, MetricKey } from '../../core/types';
import { createTimeStore } from '../charts/time_store';
import type { LoadedVideoLike } from './loaded_video_like';
import { PosePlayer, type OverlayHighlight } from '../player/PosePlayer';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { MeasurabilityLists, SetFacts, TechnicalDetails } from './SetFacts';
import { RepCards, repSeekRequest, type SeekRequest } from './RepCards';
import { AsymmetryPanel } from './AsymmetryPanel';
import { FindingsList } from './FindingsList';
import { ChartsSection } from './ChartsSection';
import { ExportButtons } from './ExportButtons';
import { Fold } from './Fold';
import { VerdictSection, type PlayRequest } from './VerdictSection';
import { AnnotatedVideoButton } from '../export_video/AnnotatedVideoButton';
import { METRIC_LABELS, formatSeconds, overlayMetricsFor } from './labels';
import './report.css';

const RepReview = lazy(() => import('../review/RepReview'));

export interface ReportViewProps {
  video: LoadedVideoLike;
  allVideos: LoadedVideoLike[];
  /** Also told about every seek. */
  onSeek?: (t: number) => void;
  /** Shown under the verdict, before the folds (the results page puts notices about the video there). */
  intro?: ReactNode;
  /** Shown at the very end (the results page puts "Remove this video" there). */
  footer?: ReactNode;
  /** Move keyboard focus to the title when a video is shown (the results page does). */
  focusTitle?: boolean;
}

/** A fresh report per video: highlight, announcement and review state do not carry over. */
export function ReportView(props: ReportViewProps) {
  return <ReportForVideo key={props.video.id} {...props} />;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function ReportForVideo({ video, allVideos, onSeek, intro, footer, focusTitle }: ReportViewProps) {
  const analysis = video.analysis;
  const videoEl = useRef<HTMLVideoElement | null>(null);
  const time = useMemo(() => createTimeStore(0), []);
  const [highlight, setHighlight] = useState<OverlayHighlight | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [mirrored, setMirrored] = useState(video.previewMirrored ?? false);
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

  /** A flag, rep or evidence frame clicked: seek there, light up its metric, say what happened, and play when asked. */
  const seek = useCallback(
    (request: SeekRequest, play = false) => {
      seekTime(request.t);
      const element = videoEl.current;
      if (element && typeof element.scrollIntoView === 'function' && window.matchMedia?.('(max-width: 820px)').matches) {
        element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      }
      setHighlight({ metric: request.metric, side: request.side });
      const what = `${METRIC_LABELS[request.metric].label.toLowerCase()} highlighted`;
      if (play && element) {
        void element.play().catch(() => undefined);
        setAnnouncement(`${request.description}: playing from ${formatSeconds(request.t)}, ${what}`);
      } else {
        setAnnouncement(`${request.description}: video paused at ${formatSeconds(request.t)}, ${what}`);
      }
    },
    [seekTime],
  );

  const playFrom = (request: PlayRequest) => {
    const { item } = request;
    const metric: MetricKey = item.metric ?? (item.fault ? faultDef(item.fault).metric : 'kneeFlexionDeg');
    seek({ t: request.t, metric, side: item.evidence.side ?? null, description: item.title }, true);
  };

  const onSeekEvidence = (finding: Finding, index: number) => {
    const evidence = finding.evidence[index]!;
    const metric = evidence.fault ? faultDef(evidence.fault).metric : 'kneeFlexionDeg';
    const side = evidence.side === 'left' || evidence.side === 'right' ? evidence.side : null;
    seek({ t: evidence.t, metric, side, description: finding.text });
  };

  const onSelectRep = (repIndex: number) => {
    const rep = analysis?.reps.find((r) => r.index === repIndex);
    if (rep) seek(repSeekRequest(rep));
  };

  // A session reopened from the history whose video was not kept has no URL: numbers only.
  const player = video.url ? (
    <aside className="report-video" aria-label="Video with skeleton">
      <PosePlayer
        url={video.url}
        track={video.track}
        analysis={analysis}
        highlight={highlight}
        mirrored={mirrored}
        angles={!analysis || highlight ? [] : overlayMetricsFor(analysis.measurability, 1)}
        label={`Video of ${video.name}`}
        videoRef={videoEl}
        onTime={time.set}
        testId="report-video"
        videoTestId="analysed-video"
        canvasTestId="skeleton-canvas"
      />
      <div className="player-notes">
        <label className="mirror small no-print">
          <input type="checkbox" checked={mirrored} onChange={(event) => setMirrored(event.target.checked)} data-testid="report-mirror" /> Mirror the picture
          {video.previewMirrored && <span className="muted"> (on: as the camera preview showed it)</span>}
        </label>
        {highlight && (
          <button type="button" className="link-button no-print" onClick={() => setHighlight(null)}>
            Clear highlight
          </button>
        )}
      </div>
      <p className="muted small" aria-live="polite" data-testid="seek-announcement">
        {announcement}
      </p>
    </aside>
  ) : (
    <aside className="report-video" aria-label="Video not kept">
      <p className="muted" data-testid="video-not-kept">
        The video of this set was not kept on this device; the numbers below are as they were analysed.
      </p>
    </aside>
  );

  const reps = analysis?.reps ?? [];
  const flagged = reps.filter((rep) => rep.flags.length > 0).length;
  const sidedCompared = analysis?.asymmetries.filter((a) => a.beyondVariation).length ?? 0;

  return (
    <article className="report" aria-label={`${analysis ? 'Report for' : 'Video'} ${video.name}`} data-testid="report">
      <header className="report-header">
        <h1 className="report-title" ref={titleRef} tabIndex={-1}>
          {analysis ? 'Report' : 'Video'} <span className="muted">· {video.name}</span>
        </h1>
      </header>
      <div className={`report-layout${analysis ? '' : ' not-analysed'}`}>
        <div className="report-top">
          {analysis ? (
            <ErrorBoundary what="verdict">
              <VerdictSection analysis={analysis} track={video.track} url={video.url || null} mirrored={mirrored} onPlay={playFrom} />
            </ErrorBoundary>
          ) : (
            <p aria-live="polite">Not analysed yet.</p>
          )}
          <SetFacts analysis={analysis} video={video} />
          {intro}
        </div>
        {player}
        <div className="report-details">
          {analysis && (
            <ErrorBoundary what="report">
              <Fold id="reps" title="Rep by rep" hint={`${plural(reps.length, 'rep')}${flagged ? `, ${flagged} with flags` : ''}: every number with what it means`} testId="fold-reps">
                {() => <RepCards analysis={analysis} onSeek={seek} />}
              </Fold>
              <Fold id="left-right" title="Left and right" hint={sidedCompared ? `${plural(sidedCompared, 'real difference')}` : 'per rep, both sides'} testId="fold-left-right">
                {() => <AsymmetryPanel analysis={analysis} />}
              </Fold>
              <Fold id="findings" title="All findings" hint="along the chain, from the ankle up, with what may help" testId="fold-findings">
                {() => <FindingsList analysis={analysis} onSeekEvidence={onSeekEvidence} />}
              </Fold>
              <Fold id="charts" title="Charts" hint="each metric over time, each rep's peak" lazy testId="fold-charts">
                {() => <ChartsSection analysis={analysis} time={time} onSeek={seekTime} onSelectRep={onSelectRep} />}
              </Fold>
              <Fold id="measurable" title="What this view can measure" hint="and why not the rest" testId="fold-measurable">
                {() => <MeasurabilityLists analysis={analysis} />}
              </Fold>
              {video.url && (
                <Fold id="review" title="Compare two reps" hint="side by side, both reach the bottom together" className="no-print" lazy testId="open-review">
                  {() => (
                    <Suspense fallback={<p>Loading review…</p>}>
                      <RepReview videos={allVideos.some((v) => v.url) ? allVideos.filter((v) => v.url) : [video]} initialVideoId={video.id} />
                    </Suspense>
                  )}
                </Fold>
              )}
            </ErrorBoundary>
          )}
          <Fold id="technical" title="Technical details" hint="model, backend, renderer, video" defaultOpen={!analysis} testId="fold-technical">
            {() => <TechnicalDetails analysis={analysis} video={video} />}
          </Fold>
          {analysis && <ExportButtons analysis={analysis} sourceName={video.name} />}
          {analysis && video.url ? <AnnotatedVideoButton video={video} /> : null}
          {footer}
        </div>
      </div>
    </article>
  );
}

export default ReportView;
