/**
 * Side-by-side review of two reps, played time-normalised by phase: one shared clock
 * (src/core/phase_alignment.ts) drives both <video>s, so both reach the bottom together.
 * Play/pause, 0.1x-1x, arrow keys step one frame, one scrub bar, mirror toggle, skeleton
 * and angles on both, and a table of both reps' peaks and their differences.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPhaseTimeline, frameStepClockS } from '../../core/phase_alignment';
import { repNumber } from '../../core/series';
import type { MetricKey } from '../../core/types';
import { METRIC_COLUMNS } from '../../export/metric_columns';
import { METRIC_LABELS, NOT_MEASURABLE, formatMetric, formatSeconds, overlayMetricsFor } from '../report/labels';
import type { LoadedVideoLike } from '../report/loaded_video_like';
import { PosePlayer } from '../player/PosePlayer';
import { ComparisonVideoButton } from '../export_video/ComparisonVideoButton';
import { defaultPair, repOptions, suggestedPairs, type RepOption, type RepRef } from './rep_choices';
import { createCoalescedSeeker, type CoalescedSeeker } from './coalesced_seek';
import '../report/report.css';

export interface RepReviewProps {
  videos: LoadedVideoLike[];
  initialVideoId?: string;
  initialA?: RepRef;
  initialB?: RepRef;
}

export const REVIEW_SPEEDS = [0.1, 0.25, 0.5, 0.75, 1] as const;

function refKey(ref: RepRef): string {
  return `${ref.videoId}#${ref.rep}`;
}

interface DiffRow {
  key: string;
  metric: MetricKey;
  label: string;
  a: number | null;
  b: number | null;
}

function diffRows(a: RepOption, b: RepOption): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const column of METRIC_COLUMNS) {
    const sides: ('left' | 'right' | null)[] = column.sided ? ['left', 'right'] : [null];
    for (const side of sides) {
      const measurableA = a.video.analysis?.measurability[column.key]?.measurable ?? false;
      const measurableB = b.video.analysis?.measurability[column.key]?.measurable ?? false;
      const va = measurableA ? repNumber(a.repData, column.key, side) : null;
      const vb = measurableB ? repNumber(b.repData, column.key, side) : null;
      if (va === null && vb === null) continue;
      rows.push({ key: `${column.key}-${side ?? 'x'}`, metric: column.key, label: `${METRIC_LABELS[column.key].label}${side ? ` (${side})` : ''}`, a: va, b: vb });
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
  const [clock, setClock] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(0.5);
  const [mirrorB, setMirrorB] = useState(false);
  const videoA = useRef<HTMLVideoElement | null>(null);
  const videoB = useRef<HTMLVideoElement | null>(null);
  const clockRef = useRef(0);
  const seekers = useRef<Map<HTMLVideoElement, CoalescedSeeker>>(new Map());
  const seekVideo = (video: HTMLVideoElement | null, t: number) => {
    if (!video) return;
    let seeker = seekers.current.get(video);
    if (!seeker) {
      seeker = createCoalescedSeeker(video);
      seekers.current.set(video, seeker);
    }
    seeker.seek(t);
  };
  useEffect(() => () => seekers.current.forEach((seeker) => seeker.dispose()), []);

  const a = options.find((option) => aRef && refKey(option) === refKey(aRef)) ?? null;
  const b = options.find((option) => bRef && refKey(option) === refKey(bRef)) ?? null;
  const timeline = useMemo(() => (a && b ? createPhaseTimeline([a.repData, b.repData]) : null), [a?.repData, b?.repData]);

  const applyClock = useCallback(
    (c: number) => {
      if (!timeline) return;
      const clamped = Math.min(timeline.durationS, Math.max(0, c));
      clockRef.current = clamped;
      const ta = timeline.repTimeAt(0, clamped);
      const tb = timeline.repTimeAt(1, clamped);
      seekVideo(videoA.current, ta);
      seekVideo(videoB.current, tb);
      setClock(clamped);
    },
    [timeline],
  );

  // A new pair starts at the rep's start, paused.
  useEffect(() => {
    setPlaying(false);
    applyClock(0);
  }, [applyClock]);

  // Videos load after mount: put them at the clock's time once they can seek.
  const onLoaded = useCallback(() => applyClock(clockRef.current), [applyClock]);
  useEffect(() => {
    const elements = [videoA.current, videoB.current].filter((v): v is HTMLVideoElement => v !== null);
    for (const element of elements) {
      element.pause();
      element.addEventListener('loadedmetadata', onLoaded);
    }
    return () => elements.forEach((element) => element.removeEventListener('loadedmetadata', onLoaded));
  }, [onLoaded, a?.video.url, b?.video.url]);

  useEffect(() => {
    if (!playing || !timeline) return;
    let raf = 0;
    let last = performance.now();
    if (clockRef.current >= timeline.durationS - 1e-6) applyClock(0);
    const tick = (now: number) => {
      // Frame-locked: the clock only moves on once both videos show the frame it last asked
      // for, so the two panels never drift apart. The time spent waiting is kept, so the
      // clock still runs at the chosen speed; a slow decoder shows fewer frames, not a slower rep.
      const pending = [videoA.current, videoB.current].some((video) => video?.seeking);
      if (pending) {
        raf = requestAnimationFrame(tick);
        return;
      }
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      const next = clockRef.current + dt * speed;
      if (next >= timeline.durationS) {
        applyClock(timeline.durationS);
        setPlaying(false);
        return;
      }
      applyClock(next);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, timeline, speed, applyClock]);

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

  const phase = timeline?.phaseAt(clock);
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
                  angles={overlayMetricsFor(option.video.analysis?.measurability)}
                  mirrored={index === 1 && mirrorB}
                  controls={false}
                  label={`${index === 0 ? 'Left' : 'Right'} panel: ${option.label}`}
                  videoRef={index === 0 ? videoA : videoB}
                  maxHeight="60vh"
                  testId={`review-video-${index === 0 ? 'a' : 'b'}`}
                />
                <figcaption>
                  {option.label} · {formatSeconds(timeline.repTimeAt(index, clock))}
                </figcaption>
              </figure>
            ))}
          </div>
          <div className="review-controls" role="group" aria-label="Playback">
            <button type="button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? 'Pause both' : 'Play both'} data-testid="review-play">
              {playing ? '❚❚ Pause' : '▶ Play'}
            </button>
            <button type="button" onClick={() => step(-1)} aria-label="One frame back">
              ◀ frame
            </button>
            <button type="button" onClick={() => step(1)} aria-label="One frame forward">
              frame ▶
            </button>
            <label className="speed">
              Speed
              <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))} data-testid="review-speed">
                {REVIEW_SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}x
                  </option>
                ))}
              </select>
            </label>
            <label className="mirror">
              <input type="checkbox" checked={mirrorB} onChange={(event) => setMirrorB(event.target.checked)} data-testid="review-mirror" /> Mirror right panel
            </label>
          </div>
          <ComparisonVideoButton a={{ video: a.video, rep: a.repData, label: a.label }} b={{ video: b.video, rep: b.repData, label: b.label }} mirrorB={mirrorB} />
          <div className="review-scrub">
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
              aria-valuetext={phase ? `${phase.name}, ${Math.round(phase.progress * 100)} percent` : undefined}
              data-testid="review-scrub"
            />
            <div className="phase-marks" aria-hidden="true">
              {(['start', 'bottom', 'up', 'end'] as const).map((name, i) => (
                <span key={name} style={{ left: `${(timeline.eventClockS[i]! / timeline.durationS) * 100}%` }}>
                  {name}
                </span>
              ))}
            </div>
            <p className="muted small" aria-live="off">
              Phase: <strong>{phase?.name}</strong> · arrow keys step one frame, space plays or pauses.
            </p>
          </div>
          <div className="table-scroll">
            <table className="review-table">
              <caption>Peaks of both reps and the difference (right minus left panel)</caption>
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
                    <td className={row.a === null ? 'not-measurable' : undefined}>{formatMetric(row.metric, row.a)}</td>
                    <td className={row.b === null ? 'not-measurable' : undefined}>{formatMetric(row.metric, row.b)}</td>
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
