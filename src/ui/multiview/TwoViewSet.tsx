/**
 * Two cameras, one set: pick two analysed videos of the same set (front and side, or the left
 * and the right side), see the time offset found from the motion and how sure it is, nudge it
 * frame by frame, read the fused report (one verdict with the things to work on and the frame each
 * camera saw them on, each finding naming its view, each metric from the view that measures it) and play the same rep from both cameras side by side in the
 * review player (phase-aligned). All numbers come from src/core/multiview; this only shows them.
 */
import { Suspense, lazy, useId, useMemo, useRef, useState } from 'react';
import { combineViews, type ViewInput } from '../../core/multiview/combine_views';
import { fuseViews, type FusedEntry, type FusedValue } from '../../core/multiview/fuse';
import { motionSignals } from '../../core/multiview/motion_signals';
import { LOW_CONFIDENCE, alignSignals, alignmentAt, nudgeAlignment, type TimeAlignment } from '../../core/multiview/time_alignment';
import type { MetricKey, Side } from '../../core/types';
import type { LoadedVideo } from '../app/loaded_videos';
import { METRIC_LABELS, NOT_MEASURABLE, formatMetric, formatPercent } from '../report/labels';
import { VerdictItemCard } from '../report/VerdictSection';
import { SyncedPair } from './SyncedPair';
import '../report/report.css';
import './multiview.css';

const RepReview = lazy(() => import('../review/RepReview'));

export interface TwoViewSetProps {
  videos: LoadedVideo[];
}

type Analysed = LoadedVideo & { analysis: NonNullable<LoadedVideo['analysis']> };

const signed = (v: number, digits: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;

function defaultPair(videos: Analysed[]): [string, string] | null {
  if (videos.length < 2) return null;
  const front = videos.find((v) => v.analysis.view.kind === 'front') ?? videos[0];
  const other = videos.find((v) => v.id !== front.id && v.analysis.view.kind !== front.analysis.view.kind) ?? videos.find((v) => v.id !== front.id)!;
  return [front.id, other.id];
}

function toInput(video: Analysed): ViewInput {
  return { name: video.name, track: video.track, analysis: video.analysis };
}

function sideWord(side: Side | null): string {
  return side ? `${side} side` : '';
}

/** Picks the two videos; a new pair starts a fresh alignment (key). */
export function TwoViewSet({ videos }: TwoViewSetProps) {
  const analysed = useMemo(() => videos.filter((v): v is Analysed => v.analysis !== null), [videos]);
  const initial = defaultPair(analysed);
  const [aId, setAId] = useState(initial?.[0] ?? '');
  const [bId, setBId] = useState(initial?.[1] ?? '');
  const headingId = useId();
  // Opened on request: two videos of different sets must not be lined up unasked.
  const [open, setOpen] = useState(false);
  const a = analysed.find((v) => v.id === aId) ?? analysed.find((v) => v.id === initial?.[0]);
  const b = analysed.find((v) => v.id === bId && v.id !== a?.id) ?? analysed.find((v) => v.id === initial?.[1] && v.id !== a?.id);
  if (analysed.length < 2) return null;
  const picker = (label: string, value: string, onChange: (id: string) => void, testId: string) => (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {analysed.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name} ({v.analysis.view.kind} view)
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="panel two-view" aria-labelledby={headingId} data-testid="two-view">
      <h2 id={headingId}>Two cameras, one set</h2>
      <p className="muted small">
        Filmed the same set from two angles (two phones, or a phone and the webcam)? Pick both videos: they are lined up in time from the movement and read
        together, each metric from the camera that sees it best.
      </p>
      {open ? (
        <>
          <div className="two-view-pick">
            {picker('Camera A', a?.id ?? '', setAId, 'two-view-a')}
            {picker('Camera B', b?.id ?? '', setBId, 'two-view-b')}
          </div>
          {a && b ? <TwoViewPair key={`${a.id}|${b.id}`} a={a} b={b} /> : <p className="muted">Pick two different videos.</p>}
        </>
      ) : (
        <div>
          <button type="button" className="button" onClick={() => setOpen(true)} data-testid="two-view-open">
            Read two videos of one set together
          </button>
        </div>
      )}
    </section>
  );
}

function TwoViewPair({ a, b }: { a: Analysed; b: Analysed }) {
  const inputs = useMemo(() => [toInput(a), toInput(b)] as const, [a, b]);
  const signals = useMemo(() => [motionSignals(a.track), motionSignals(b.track)] as const, [a.track, b.track]);
  const auto = useMemo(() => alignSignals(signals[0], signals[1]), [signals]);
  const [nudge, setNudge] = useState(0);
  const [useRunnerUp, setUseRunnerUp] = useState(false);
  const fpsA = a.track.source.fps;
  const fpsB = b.track.source.fps;
  const alignment: TimeAlignment = useMemo(() => {
    if (nudge === 0 && !useRunnerUp) return auto;
    const base = useRunnerUp && auto.runnerUp ? { ...auto, offsetS: auto.runnerUp.offsetS } : auto;
    const at = alignmentAt(signals[0], signals[1], base.offsetS + nudge / fpsB);
    return { ...nudgeAlignment(base, nudge, fpsA, fpsB, at), method: 'manual', reason: null };
  }, [auto, nudge, useRunnerUp, fpsA, fpsB, signals]);
  const combined = useMemo(() => combineViews(inputs[0], inputs[1], alignment), [inputs, alignment]);
  const [twoSets, setTwoSets] = useState(false);
  const fused = useMemo(() => fuseViews(inputs[0], inputs[1], combined, twoSets ? { sameSet: false } : {}), [inputs, combined, twoSets]);
  const [pairIndex, setPairIndex] = useState(0);
  const pair = combined.repMatches[Math.min(pairIndex, combined.repMatches.length - 1)] ?? null;
  const fusedRep = pair ? fused.reps.find((r) => r.a === pair.a && r.b === pair.b) ?? null : null;
  const low = alignment.method === 'none' || (alignment.method === 'motion' && alignment.confidence < LOW_CONFIDENCE);
  const twoSides = fused.nearSide.a && fused.nearSide.b && fused.nearSide.a !== fused.nearSide.b;
  const viewName = (v: Analysed, side: Side | null) => (side && v.analysis.view.kind !== 'front' ? sideWord(side) : `${v.analysis.view.kind} view`);
  const nameA = viewName(a, fused.nearSide.a);
  const nameB = viewName(b, fused.nearSide.b);
  // An evidence frame clicked: both cameras shown paused at that moment (A's clock).
  const [seekTo, setSeekTo] = useState<{ clock: number } | null>(null);
  const pairRef = useRef<HTMLDivElement | null>(null);
  const videoOf = { a, b } as const;
  const cameraName = { a: `A: ${nameA}`, b: `B: ${nameB}` } as const;

  return (
    <div className="two-view-body">
      <div className={`two-view-offset${low ? ' low' : ''}`} role="status" data-testid="two-view-offset" data-offset-s={alignment.offsetS.toFixed(4)} data-confidence={alignment.confidence.toFixed(3)} data-method={alignment.method}>
        <p>
          <strong>Time offset:</strong>{' '}
          {alignment.method === 'none' ? (
            'not found from the movement: assumed to start together'
          ) : (
            <>
              {b.name} starts <strong>{Math.abs(alignment.offsetS).toFixed(3)} s {alignment.offsetS >= 0 ? 'after' : 'before'}</strong> {a.name} ({signed(alignment.offsetFrames.b, 1)} frames of B)
            </>
          )}{' '}
          · confidence <strong data-testid="two-view-confidence">{formatPercent(alignment.confidence)}</strong>
          {Number.isFinite(alignment.match) ? <span className="muted"> · movements match r = {alignment.match.toFixed(2)}</span> : null}
          {alignment.method === 'manual' ? <span className="muted"> · set by hand</span> : null}
        </p>
        {low && alignment.reason ? <p className="notice warning">Check the offset: {alignment.reason}.</p> : null}
        <div className="button-row" role="group" aria-label="Nudge the offset">
          <button type="button" className="button subtle" onClick={() => setNudge((n) => n - 1)} data-testid="nudge-back">
            ◀ B one frame earlier
          </button>
          <button type="button" className="button subtle" onClick={() => setNudge((n) => n + 1)} data-testid="nudge-forward">
            B one frame later ▶
          </button>
          {auto.runnerUp ? (
            <button type="button" className="button subtle" aria-pressed={useRunnerUp} onClick={() => setUseRunnerUp((u) => !u)}>
              {useRunnerUp ? 'Back to the best match' : `Try the other match (${signed(auto.runnerUp.offsetS, 2)} s)`}
            </button>
          ) : null}
          {nudge !== 0 || useRunnerUp ? (
            <button type="button" className="button subtle" onClick={() => { setNudge(0); setUseRunnerUp(false); }}>
              Reset to automatic
            </button>
          ) : null}
        </div>
      </div>

      <label className="two-view-two-sets">
        <input type="checkbox" checked={twoSets} onChange={(event) => setTwoSets(event.target.checked)} data-testid="two-view-two-sets" /> These are two different sets
        (not filmed at the same time): compare them, do not line their reps up
      </label>
      {!fused.sameSet && !twoSets && combined.repMatches.length > 0 ? (
        <p className="muted small">Read as two sets: the offset is not sure enough to pair the reps (nudge it to confirm, or tick the box above).</p>
      ) : null}

      <div className="two-view-verdict" data-testid="two-view-verdict">
        <h3>Verdict for the set</h3>
        <p className="verdict-text">{fused.verdict.text}</p>
        {fused.verdict.items.length > 0 ? (
          <>
            <h4 className="work-on-heading">{fused.verdict.items.length === 1 ? 'One thing to work on' : `${fused.verdict.items.length} things to work on`}</h4>
            <ol className="verdict-items" data-testid="two-view-verdict-items">
              {fused.verdict.items.map(({ from, item, alsoFrom }) => (
                <VerdictItemCard
                  key={`${from}:${item.id}`}
                  analysis={videoOf[from].analysis}
                  track={videoOf[from].track}
                  url={videoOf[from].url || null}
                  mirrored={videoOf[from].previewMirrored === true}
                  item={item}
                  camera={alsoFrom ? `${cameraName[from]}; also seen by ${alsoFrom.toUpperCase()}` : cameraName[from]}
                  onPlay={({ t }) => {
                    setSeekTo({ clock: from === 'a' ? t : t + alignment.offsetS });
                    pairRef.current?.scrollIntoView({ block: 'nearest' });
                  }}
                />
              ))}
            </ol>
          </>
        ) : null}
        <ul className="two-view-findings">
          {fused.findings.map((f, i) => (
            <li key={i} data-kind={f.kind}>
              <span className="view-chip">{f.views[0]} view{f.from === 'both' && f.views.length > 1 ? ' + ' + f.views[1] : ''}</span> {f.text}
              {f.note ? <span className="muted small"> ({f.note})</span> : null}
            </li>
          ))}
        </ul>
      </div>

      <h3>Both cameras in step</h3>
      <div ref={pairRef}>
        <SyncedPair key={alignment.offsetS.toFixed(4)} a={a} b={b} offsetS={alignment.offsetS} labelA={cameraName.a} labelB={cameraName.b} seekTo={seekTo} />
      </div>

      {twoSets ? null : combined.repMatches.length > 0 ? (
        <>
          <div className="button-row" role="group" aria-label="Same rep in both videos">
            {combined.repMatches.map((m, i) => (
              <button key={`${m.a}-${m.b}`} type="button" className="chip" aria-pressed={i === pairIndex} onClick={() => setPairIndex(i)} data-testid="two-view-rep">
                Rep {m.a + 1} (A) = rep {m.b + 1} (B)
              </button>
            ))}
          </div>
          {fusedRep ? <FusedRepTable measures={fusedRep.measures} nameA={nameA} nameB={nameB} /> : null}
          <h3>{twoSides ? 'Left side vs right side' : `${nameA} and ${nameB} together`}</h3>
          <Suspense fallback={<p className="muted">Loading the player…</p>}>
            {pair ? (
              <RepReview
                key={`${pair.a}-${pair.b}-${alignment.offsetS.toFixed(4)}`}
                videos={[a, b]}
                initialVideoId={a.id}
                initialA={{ videoId: a.id, rep: pair.a }}
                initialB={{ videoId: b.id, rep: pair.b }}
              />
            ) : null}
          </Suspense>
        </>
      ) : (
        <p className="notice warning">No rep was matched across the two videos at this offset (a rep must be found in both): nudge the offset, or check both videos are of the same set.</p>
      )}

      {fused.asymmetries.length > 0 ? (
        <div className="two-view-asymmetry">
          <h3>Left side vs right side</h3>
          <ul>
            {fused.asymmetries.map((x) => (
              <li key={x.metric} data-real={x.beyondVariation}>
                {METRIC_LABELS[x.metric].label}: left {formatMetric(x.metric, x.meanLeft)} ({x.leftFrom === 'a' ? a.name : b.name}), right {formatMetric(x.metric, x.meanRight)} ({x.rightFrom === 'a' ? a.name : b.name}) —{' '}
                {x.beyondVariation ? `the ${x.worseSide} side is worse, beyond rep-to-rep variation` : 'within rep-to-rep variation'}.
              </li>
            ))}
          </ul>
          <p className="muted small">{fused.asymmetries[0].caveat}</p>
        </div>
      ) : null}
    </div>
  );
}

function cell(metric: MetricKey, v: FusedValue, role: 'a' | 'b') {
  const m = v[role];
  if (!m) return <td className="not-measurable">{NOT_MEASURABLE}</td>;
  return (
    <td className={v.from === role ? 'used' : undefined}>
      {formatMetric(metric, m.value)}
      {v.from === role ? <span className="muted small"> ✓</span> : null}
    </td>
  );
}

function FusedRepTable({ measures, nameA, nameB }: { measures: Partial<Record<MetricKey, FusedEntry>>; nameA: string; nameB: string }) {
  const rows: { key: string; metric: MetricKey; label: string; v: FusedValue }[] = [];
  for (const [metric, entry] of Object.entries(measures) as [MetricKey, FusedEntry][]) {
    const label = METRIC_LABELS[metric]?.label ?? metric;
    if ('left' in entry) {
      rows.push({ key: `${metric}.left`, metric, label: `${label} (left)`, v: entry.left });
      rows.push({ key: `${metric}.right`, metric, label: `${label} (right)`, v: entry.right });
    } else rows.push({ key: metric, metric, label, v: entry });
  }
  const statusWords: Record<FusedValue['status'], string> = { agree: 'both agree', disagree: 'views disagree: check the video', 'one view': 'one view only', 'not measurable': 'not measurable from either view' };
  return (
    <div className="table-scroll">
      <table className="two-view-table" data-testid="two-view-table">
        <caption>This rep from both cameras (✓ = the value used: the view that measures it best)</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">A: {nameA}</th>
            <th scope="col">B: {nameB}</th>
            <th scope="col">Read together</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-metric={row.key} data-status={row.v.status}>
              <th scope="row">{row.label}</th>
              {cell(row.metric, row.v, 'a')}
              {cell(row.metric, row.v, 'b')}
              <td className={row.v.status === 'disagree' ? 'disagree' : row.v.status === 'not measurable' ? 'not-measurable' : undefined}>{statusWords[row.v.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default TwoViewSet;
