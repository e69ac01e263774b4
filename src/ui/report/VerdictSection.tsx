/**
 * The verdict, first on the report: the set in one sentence, then at most three things to work
 * on, each with its evidence frame (click: the video plays from there), the side, how sure, the
 * view it was seen from, its number in words and the work it points to along the kinetic chain.
 * When nothing stands out it says "looks fine" plainly, and what this view could not check.
 * Everything comes from analysis.verdict (src/core/findings/verdict.ts); numbers through
 * measure_text.ts, the reader the rep cards use too.
 */
import { buildVerdict } from '../../core/findings/verdict';
import type { Analysis, PoseTrack, Verdict, VerdictItem } from '../../core/types';
import { EvidenceThumbnail } from './EvidenceThumbnail';
import { CHAIN_LABELS, capitalise, formatSeconds } from './labels';
import { confidenceWords, fromView, repMeasureShown } from './measure_text';
import { MeasureValue } from './RepCards';

/** The Analysis' verdict; built from its parts for files written before the verdict existed. */
export function verdictOf(analysis: Analysis): Verdict {
  return analysis.verdict ?? buildVerdict(analysis);
}

export interface PlayRequest {
  t: number;
  item: VerdictItem;
}

function sideWords(side: VerdictItem['side']): string | null {
  if (side === 'left') return 'Left side';
  if (side === 'right') return 'Right side';
  if (side === 'both') return 'Both sides';
  return null;
}

/** "Worst on rep 3: left heel up about 3 cm (12 % foot)", from the rep measures the item points at. */
function ItemNumbers({ analysis, item }: { analysis: Analysis; item: VerdictItem }) {
  const numbers = item.numbers ?? (item.metric && item.evidence.rep !== null ? [{ rep: item.evidence.rep, metric: item.metric, side: item.evidence.side ?? null }] : []);
  const shown = numbers.filter((n) => analysis.reps[n.rep] && repMeasureShown(analysis, analysis.reps[n.rep]!, n.metric, n.side).measure);
  // No number to show (depth judged from the hip height from the front): the finding says it in words.
  if (!shown.length) return <p className="item-number">{item.text}</p>;
  const reps = [...new Set(shown.map((n) => n.rep))];
  return (
    <p className="item-number">
      {item.kind === 'asymmetry' ? 'Most apart on' : 'Worst on'} rep {reps.map((r) => r + 1).join(' and ')}:{' '}
      {shown.map((n, i) => (
        <span key={`${n.rep}:${n.metric}:${n.side}`}>
          {i > 0 ? '; ' : ''}
          <MeasureValue analysis={analysis} rep={analysis.reps[n.rep]!} metric={n.metric} side={n.side} prefix={n.side ?? undefined} />
        </span>
      ))}
    </p>
  );
}

export interface VerdictItemCardProps {
  analysis: Analysis;
  track: PoseTrack;
  url: string | null;
  mirrored: boolean;
  item: VerdictItem;
  onPlay: (request: PlayRequest) => void;
  /** Which camera it was seen by, for a set read from two (TwoViewSet). */
  camera?: string;
}

/** One thing to work on: its evidence frame, side, how sure, view, number and work. */
export function VerdictItemCard({ analysis, track, url, mirrored, item, onPlay, camera }: VerdictItemCardProps) {
  const side = sideWords(item.side);
  const where = item.evidence.rep !== null ? `rep ${item.evidence.rep + 1} at ${formatSeconds(item.evidence.t)}` : formatSeconds(item.evidence.t);
  return (
    <li className={`verdict-item severity-${item.severity}`} data-item={item.id} data-fault={item.fault ?? ''} data-side={item.side ?? ''}>
      {/* No frame to show for a set reopened from the history without its video. */}
      {url ? (
        <EvidenceThumbnail
          url={url}
          track={track}
          t={item.evidence.t}
          metric={item.metric}
          side={item.evidence.side ?? null}
          mirrored={mirrored}
          label={`Play from ${where}: ${item.title}`}
          onPlay={() => onPlay({ t: item.evidence.t, item })}
          testId="evidence-thumb"
        />
      ) : null}
      <div className="verdict-item-body">
        <h3 className="verdict-item-title">
          {item.title} <span className={`r-badge severity-${item.severity}`}>{item.severity}</span>
          {item.fatigue && <span className="r-badge fatigue">grows over the set</span>}
        </h3>
        <p className="item-facts">
          {side && <span data-testid="item-side">{side} · </span>}
          <span data-testid="item-sure">{capitalise(confidenceWords(item.confidence))}</span> ·{' '}
          <span data-testid="item-view">
            seen {fromView(item.view)}
            {camera ? ` (${camera})` : ''}
          </span>
        </p>
        <ItemNumbers analysis={analysis} item={item} />
      </div>
      {item.guidance && (
        <p className="item-work">
          <strong>Work on</strong>
          {item.chain.length > 0 && <span className="chain"> ({item.chain.map((link) => CHAIN_LABELS[link]).join(' → ')})</span>}: {item.guidance}
        </p>
      )}
    </li>
  );
}

/**
 * "Knee valgus and hip shift need a front view; butt wink, forward lean and depth need a side or
 * 45-degree view": the faults grouped by what their reason says they need.
 */
export function notCheckedWords(notChecked: Verdict['notChecked']): string {
  const groups = new Map<string, string[]>();
  for (const n of notChecked) {
    const needs = /\bneeds? (.*)$/.exec((n.reason ?? '').split(':')[0]!.trim())?.[1] ?? '';
    groups.set(needs, [...(groups.get(needs) ?? []), n.noun]);
  }
  const list = (nouns: string[]) => (nouns.length === 1 ? nouns[0]! : `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}`);
  return [...groups]
    .map(([needs, nouns]) => (needs ? `${list(nouns)} ${nouns.length === 1 ? 'needs' : 'need'} ${needs}` : list(nouns)))
    .map((part, i) => (i === 0 ? capitalise(part) : part))
    .join('; ');
}

export function VerdictSection({ analysis, track, url, mirrored, onPlay }: { analysis: Analysis; track: PoseTrack; url: string | null; mirrored: boolean; onPlay: (request: PlayRequest) => void }) {
  const verdict = verdictOf(analysis);
  return (
    <section className="report-section verdict" aria-labelledby="verdict-heading" data-testid="verdict" data-status={verdict.status}>
      <h2 id="verdict-heading" className="verdict-heading">
        Verdict
      </h2>
      <p className="verdict-sentence" data-testid="verdict-sentence">
        {verdict.sentence}
      </p>
      {verdict.status === 'fine' && (
        <p className="looks-fine" data-testid="looks-fine">
          <strong>Looks fine.</strong> Nothing to work on in what this view can show.
        </p>
      )}
      {verdict.items.length > 0 && (
        <>
          <h3 className="work-on-heading">{verdict.items.length === 1 ? 'One thing to work on' : `${verdict.items.length} things to work on`}</h3>
          <ol className="verdict-items" data-testid="verdict-items">
            {verdict.items.map((item) => (
              <VerdictItemCard key={item.id} analysis={analysis} track={track} url={url} mirrored={mirrored} item={item} onPlay={onPlay} />
            ))}
          </ol>
        </>
      )}
      {verdict.notChecked.length > 0 && (
        <p className="not-checked small" data-testid="not-checked">
          <strong>Not checked from this view:</strong> {notCheckedWords(verdict.notChecked)}.
        </p>
      )}
      {analysis.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {analysis.warnings.map((warning) => (
            <li key={warning.code + warning.message} data-code={warning.code}>
              ⚠ {warning.message}
            </li>
          ))}
        </ul>
      )}
      <p className="professional small" role="note">
        Guidance from a video, not a diagnosis. With severe pain, or pain that lasts or keeps coming back, see a physiotherapist or doctor before training
        through it.
      </p>
    </section>
  );
}
