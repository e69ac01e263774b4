/**
 * Side-by-side review of two reps, played time-normalised by phase: one shared clock
 * (src/core/phase_alignment.ts) drives both <video>s, so both reach the bottom together.
 * Play/pause, 0.1x-1x, arrow keys step one frame, one scrub bar drawn as the rep's phases,
 * mirror toggle, skeleton and angles on both, and a table of both reps' numbers and their
 * differences. Each panel follows and crops to its lifter (lifter_crop.ts) with the labels beside
 * the body; a video recorded with this app's camera is shown mirrored, as its live preview was.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPhaseTimeline, frameStepClockS } from '../../core/phase_alignment';
import type { MetricKey } from '../../core/types';
import { METRIC_COLUMNS } from '../../export/metric_columns';
import { METRIC_LABELS, NOT_MEASURABLE, formatMetric, formatSeconds, overlayMetricsFor } from '../report/labels';
import type { LoadedVideoLike } from '../report/loaded_video_like';
import { repMeasureShown } from '../report/measure_text';
import { lifterCrop, type LifterCrop } from '../player/lifter_crop';
import { PosePlayer } from '../player/PosePlayer';
import { useLockedPlayback } from '../player/use_locked_playback';
import { PlaybackButtons } from '../player/PlaybackButtons';
import { barPosition, phaseBands, phaseWords } from './phase_scrub';
import { ComparisonVideoButton } from '../export_video/ComparisonVideoButton';
import { defaultPair, repOptions, suggestedPairs, type RepOption, type RepRef } from './rep_choices';
import '../report/report.css';

export interface RepReviewProps {
  videos: LoadedVideoLike[];
  initialVideoId?: string;
  initialA?: RepRef;
  initialB?: RepRef;
}

/**
 * Each panel's shape (width / height): square, so two sit side by side and a standing lifter fills
 * about three quarters of the height with room beside the body for the labels (0.35 of the lifter's height
 * each side: an 11 px label such as "L Heel lift 10 % foot" on a 400 px panel).
 */
export const REVIEW_PANEL_ASPECT = 1;
const LABEL_ROOM = 0.35;
/**
 * On a phone two panels are about 180 px wide: labels beside the body would not fit, so the panels
 * show the lifter alone, cropped closer (portrait), and the numbers are in the table under them.
 */
const NARROW_QUERY = '(max-width: 560px)';

function useNarrowScreen(): boolean {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
  const [narrow, setNarrow] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setNarrow(query.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, [query?.media]);
  return narrow;
}

/** On a phone, without labels, the panels are portrait (3:4): a standing lifter fills more of them. */
const NARROW_PANEL_ASPECT = 3 / 4;

/** The crop that follows one rep's lifter (sized for the whole rep), with room for labels beside the body or without. */
function repCrop(option: RepOption, withLabels: boolean): LifterCrop {
  const { track } = option.video;
  return lifterCrop(track.frames, track.source, {
    aspect: withLabels ? REVIEW_PANEL_ASPECT : NARROW_PANEL_ASPECT,
    from: option.repData.start,
    to: option.repData.end,
    labelRoom: withLabels ? LABEL_ROOM : 0.05,
  });
}

function refKey(ref: RepRef): string {
  return `${ref.videoId}#${ref.rep}`;
}

interface DiffRow {
  key: string;
  metric: MetricKey;
  side: 'left' | 'right' | null;
  label: string;
  a: number | null;
  b: number | null;
  /** The numbers in a lifter's words. */
  plainA: string | null;
  plainB: string | null;
}

function diffRows(a: RepOption, b: RepOption): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const column of METRIC_COLUMNS) {
    const sides: ('left' | 'right' | null)[] = column.sided ? ['left', 'right'] : [null];
    for (const side of sides) {
      // The same reader as the report's rep cards: a number only where that video's view supports it.
      const sa = a.video.analysis ? repMeasureShown(a.video.analysis, a.repData, column.key, side) : null;
      const sb = b.video.analysis ? repMeasureShown(b.video.analysis, b.repData, column.key, side) : null;
      const va = sa?.measure?.value ?? null;
      const vb = sb?.measure?.value ?? null;
      if (va === null && vb === null) continue;
      rows.push({ key: `${column.key}-${side ?? 'x'}`, metric: column.key, side, label: `${METRIC_LABELS[column.key].label}${side ? ` (${side})` : ''}`, a: va, b: vb, plainA: sa?.plain ?? null, plainB: sb?.plain ?? null });
    }
  }
  return rows;
}

function formatDiff(metric: MetricKey, a: number | null, b: number | null): string {
  if (a === null || b === null) return NOT_MEASURABLE;
  const text = formatMetric(metric, b - a);
  // "+" only where the shown number is not zero ("+0 % foot" reads as a difference).
  const shownZero = /^-?0(\.0+)?(°| |$)/.test(text);
  if (shownZero) return text.replace(/^-/, '');
  return b - a > 0 ? `+${text}` : text;
}

function signedSeconds(value: number): string {
  const text = formatSeconds(value, 1);
  return value > 0.05 ? `+${text}` : text;
}

function PanelPicker(props: { label: string; options: RepOption[]; value: RepRef | null; onChange: (ref: RepRef | null) => void; testId: string }) {
  const { options, value, onChange } = props;
  return (
    <label>
      {props.label}
      <select value={value ? refKey(value) : ''} onChange={(event) => onChange(options.find((o) => refKey(o) === event.target.value) ?? null)} data-testid={props.testId}>
        {options.map((option) => (
          <option key={refKey(option)} value={refKey(option)}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RepReview(props: RepReviewProps) {
  const options = useMemo(() => repOptions(props.videos), [props.videos]);
  const pairs = useMemo(() => suggestedPairs(props.videos, props.initialVideoId), [props.videos, props.initialVideoId]);
  const fallback = useMemo(() => defaultPair(props.videos, props.initialVideoId), [props.videos, props.initialVideoId]);
  const [aRef, setARef] = useState<RepRef | null>(props.initialA ?? fallback?.a ?? null);
  const [bRef, setBRef] = useState<RepRef | null>(props.initialB ?? fallback?.b ?? null);
  const [speed, setSpeed] = useState<number>(0.5);
  const [mirrorB, setMirrorB] = useState(false);
  const videoA = useRef<HTMLVideoElement | null>(null);
  const videoB = useRef<HTMLVideoElement | null>(null);

  const a = options.find((option) => aRef && refKey(option) === refKey(aRef)) ?? null;
  const b = options.find((option) => bRef && refKey(option) === refKey(bRef)) ?? null;
  const timeline = useMemo(() => (a && b ? createPhaseTimeline([a.repData, b.repData]) : null), [a?.repData, b?.repData]);
  const narrow = useNarrowScreen();
  const cropA = useMemo(() => (a ? repCrop(a, !narrow) : null), [a?.video.track, a?.repData, narrow]);
  const cropB = useMemo(() => (b ? repCrop(b, !narrow) : null), [b?.video.track, b?.repData, narrow]);

  // One phase-aligned clock: both reps reach the bottom together.
  const videoTimes = useMemo(() => (timeline ? (c: number) => [timeline.repTimeAt(0, c), timeline.repTimeAt(1, c)] : null), [timeline]);
  const { clock, clockRef, playing, setPlaying, applyClock } = useLockedPlayback({
    from: 0,
    to: timeline?.durationS ?? 0,
    videoTimes,
    videos: [videoA, videoB],
    speed,
    sources: [a?.video.url, b?.video.url],
  });

  // A new pair starts at the rep's start, paused.
  useEffect(() => {
    setPlaying(false);
    applyClock(0);
  }, [applyClock]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!timeline || !a || !b) return;
      setPlaying(false);
      const fps = [a.video.track.source.fps, b.video.track.source.fps];
      // Step from just inside the phase we move through, so a step back across a phase boundary uses the earlier phase's frame length.
      const probe = direction > 0 ? clockRef.current : Math.max(0, clockRef.current - 1e-6);
      applyClock(clockRef.current + direction * frameStepClockS(timeline, probe, fps));
    },
    [timeline, a, b, applyClock],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'SELECT') return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      step(event.key === 'ArrowRight' ? 1 : -1);
    } else if ((event.key === ' ' || event.key === 'k') && target.tagName !== 'BUTTON') {
      event.preventDefault();
      setPlaying((p) => !p);
    } else if (event.key === 'Home' && timeline) {
      event.preventDefault();
      applyClock(0);
    } else if (event.key === 'End' && timeline) {
      event.preventDefault();
      applyClock(timeline.durationS);
    }
  };

  if (options.length === 0) {
    return (
      <section className="rep-review" aria-label="Side-by-side review">
        <p>No analysed reps to compare yet.</p>
      </section>
    );
  }

  const phase = timeline ? phaseWords(timeline, clock) : null;
  const phaseProgress = timeline?.phaseAt(clock).progress ?? 0;
  const choose = (pairId: string) => {
    const pair = pairs.find((p) => p.id === pairId);
    if (pair) {
      setARef(pair.a);
      setBRef(pair.b);
    }
  };
  const rows = a && b ? diffRows(a, b) : [];

  return (
    <section
      className="rep-review"
      aria-label="Side-by-side review"
      onKeyDown={onKeyDown}
      data-testid="rep-review"
      data-clock={clock.toFixed(4)}
      data-phase={phase?.name ?? ''}
    >
      <div className="review-pick">
        {pairs.length > 0 && (
          <div className="button-row" role="group" aria-label="Suggested pairs">
            {pairs.map((pair) => (
              <button
                key={pair.id}
                type="button"
                data-pair={pair.id}
                aria-pressed={!!aRef && !!bRef && refKey(pair.a) === refKey(aRef) && refKey(pair.b) === refKey(bRef)}
                onClick={() => choose(pair.id)}
              >
                {pair.label}
              </button>
            ))}
          </div>
        )}
        <div className="review-selects">
          <PanelPicker label="Left panel" options={options} value={aRef} onChange={setARef} testId="pick-a" />
          <PanelPicker label="Right panel" options={options} value={bRef} onChange={setBRef} testId="pick-b" />
        </div>
      </div>

      {a && b && timeline && (
        <>
          <div className="review-videos">
            {[a, b].map((option, index) => (
              <figure key={index} className="review-panel" data-panel={index === 0 ? 'a' : 'b'} data-bottom={option.repData.bottom} data-start={option.repData.start} data-fps={option.video.track.source.fps}>
                <PosePlayer
                  url={option.video.url}
                  track={option.video.track}
                  analysis={option.video.analysis}
                  angles={narrow ? [] : overlayMetricsFor(option.video.analysis?.measurability)}
                  mirrored={(option.video.previewMirrored ?? false) !== (index === 1 && mirrorB)}
                  crop={index === 0 ? cropA : cropB}
                  labelLayout="beside-body"
                  labelFontPx={11}
                  controls={false}
                  label={`${index === 0 ? 'Left' : 'Right'} panel: ${option.label}`}
                  videoRef={index === 0 ? videoA : videoB}
                  maxHeight="62vh"
                  testId={`review-video-${index === 0 ? 'a' : 'b'}`}
                />
                <figcaption>
                  {option.label} · {formatSeconds(timeline.repTimeAt(index, clock))}
                  {option.video.previewMirrored && <span className="muted"> · mirrored, as in the camera preview</span>}
                </figcaption>
              </figure>
            ))}
          </div>
          <div className="review-controls" role="group" aria-label="Playback">
            <PlaybackButtons playing={playing} onTogglePlay={() => setPlaying((p) => !p)} onStep={step} speed={speed} onSpeed={setSpeed} playTestId="review-play" speedTestId="review-speed" />
            <label className="mirror">
              <input type="checkbox" checked={mirrorB} onChange={(event) => setMirrorB(event.target.checked)} data-testid="review-mirror" /> Mirror right panel
            </label>
          </div>
          <ComparisonVideoButton
            a={{ video: a.video, rep: a.repData, label: a.label, mirrored: a.video.previewMirrored ?? false }}
            b={{ video: b.video, rep: b.repData, label: b.label, mirrored: (b.video.previewMirrored ?? false) !== mirrorB }}
          />
          <div className="review-scrub">
            <div className="scrub-bar">
              <div className="phase-bands" aria-hidden="true">
                {phaseBands(timeline).map((band) => (
                  <span
                    key={band.name}
                    className={`phase-band phase-${band.name}`}
                    data-band={band.name}
                    style={{ left: barPosition(band.from), width: `calc(${barPosition(band.to)} - ${barPosition(band.from)})` }}
                  />
                ))}
              </div>
              <input
                type="range"
                min={0}
                max={timeline.durationS}
                step="any"
                value={clock}
                onChange={(event) => {
                  setPlaying(false);
                  applyClock(Number(event.target.value));
                }}
                aria-label="Position in both reps"
                aria-valuetext={phase ? `${phase.words}, ${Math.round(phaseProgress * 100)} percent through it` : undefined}
                data-testid="review-scrub"
              />
            </div>
            <div className="phase-marks" aria-hidden="true">
              {(['start', 'bottom', 'up', 'end'] as const).map((name, i) => {
                const at = timeline.eventClockS[i]! / timeline.durationS;
                // "up" right after "bottom" (no pause at the bottom) would print over it.
                const crowded = name === 'up' && at - timeline.eventClockS[1]! / timeline.durationS < 0.08;
                return (
                  <span key={name} data-mark={name} data-clock={timeline.eventClockS[i]} style={{ left: barPosition(at) }}>
                    {crowded ? '' : name}
                  </span>
                );
              })}
            </div>
            <p className="muted small" aria-live="off">
              <span className="phase-now" data-testid="review-phase" data-phase={phase?.name ?? ''}>
                <span className={`swatch phase-${phase?.name ?? ''}`} /> <strong>{phase?.words}</strong>
              </span>{' '}
              · arrow keys step one frame, space plays or pauses.
            </p>
          </div>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Numbers of both reps (scrolls sideways if needed)">
            <table className="review-table">
              <caption>Both reps' numbers and the difference (right minus left panel)</caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Left panel</th>
                  <th scope="col">Right panel</th>
                  <th scope="col">Difference</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Tempo down / pause / up</th>
                  <td>
                    {formatSeconds(a.repData.tempo.descentS, 1)} / {formatSeconds(a.repData.tempo.bottomS, 1)} / {formatSeconds(a.repData.tempo.ascentS, 1)}
                  </td>
                  <td>
                    {formatSeconds(b.repData.tempo.descentS, 1)} / {formatSeconds(b.repData.tempo.bottomS, 1)} / {formatSeconds(b.repData.tempo.ascentS, 1)}
                  </td>
                  <td>{signedSeconds(b.repData.end - b.repData.start - (a.repData.end - a.repData.start))} in total</td>
                </tr>
                {rows.map((row) => (
                  <tr key={row.key} data-metric={row.key}>
                    <th scope="row">{row.label}</th>
                    <td className={row.a === null ? 'not-measurable' : undefined}>
                      <span className="measure-number" data-measure={`${a.videoId}:${a.rep}:${row.metric}:${row.side ?? ''}`}>
                        {formatMetric(row.metric, row.a)}
                      </span>
                      {row.plainA && <span className="review-plain">{row.plainA}</span>}
                    </td>
                    <td className={row.b === null ? 'not-measurable' : undefined}>
                      <span className="measure-number" data-measure={`${b.videoId}:${b.rep}:${row.metric}:${row.side ?? ''}`}>
                        {formatMetric(row.metric, row.b)}
                      </span>
                      {row.plainB && <span className="review-plain">{row.plainB}</span>}
                    </td>
                    <td className={row.a === null || row.b === null ? 'not-measurable' : undefined}>{formatDiff(row.metric, row.a, row.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export default RepReview;
