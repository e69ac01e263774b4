/** Every finding in plain language along the kinetic chain (ankle -> knee -> hip -> lower back), with guidance (the report's "All findings" fold). */
import type { Analysis, Finding } from '../../core/types';
import { CHAIN_LABELS, CHAIN_ORDER, capitalise, formatPercent, formatSeconds, sideLabel } from './labels';

function chainPosition(finding: Finding): number {
  const positions = finding.chain.map((link) => CHAIN_ORDER.indexOf(link)).filter((i) => i >= 0);
  return positions.length ? Math.min(...positions) : CHAIN_ORDER.length;
}

export function FindingsList({ analysis, onSeekEvidence }: { analysis: Analysis; onSeekEvidence: (finding: Finding, evidenceIndex: number) => void }) {
  const sorted = [...analysis.findings].sort((a, b) => chainPosition(a) - chainPosition(b));
  // Findings that only say what this view cannot see are listed apart, after the real ones.
  const findings = sorted.filter((finding) => finding.kind !== 'not_measurable');
  const cannotTell = sorted.filter((finding) => finding.kind === 'not_measurable');
  return (
    <div className="findings">
      <p className="muted small">From the ankle up: a restriction low in the chain often shows up as a compensation higher up.</p>
      {findings.length === 0 ? (
        <p>Nothing stood out in what this view can measure.</p>
      ) : (
        <ol className="finding-list">
          {findings.map((finding) => (
            <li key={finding.id} className={`finding severity-${finding.severity}`} data-finding={finding.id}>
              <div className="finding-head">
                <span className="chain">{finding.chain.map((link) => CHAIN_LABELS[link]).join(' → ')}</span>
                {finding.side && <span className="r-badge">{capitalise(sideLabel(finding.side))}</span>}
                {finding.kind !== 'ok' && <span className={`r-badge severity-${finding.severity}`}>{finding.severity}</span>}
                {finding.kind === 'ok' && <span className="r-badge ok">looks fine</span>}
                {finding.fatigue && <span className="r-badge fatigue">grows over the set</span>}
              </div>
              <p className="finding-text">{finding.text}</p>
              {finding.guidance && (
                <p className="guidance">
                  <strong>What may help:</strong> {finding.guidance}
                </p>
              )}
              <p className="muted small">
                Confidence {formatPercent(finding.confidence)}
                {finding.evidence.length > 0 && ' · see it: '}
                {finding.evidence.map((evidence, i) => (
                  <button key={i} type="button" className="link-button" onClick={() => onSeekEvidence(finding, i)}>
                    {evidence.rep !== null ? `rep ${evidence.rep + 1}` : 'clip'} at {formatSeconds(evidence.t)}
                  </button>
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
      {cannotTell.length > 0 && (
        <>
          <h3>What this view cannot tell</h3>
          <ul className="cannot-tell" data-testid="cannot-tell">
            {cannotTell.map((finding) => (
              <li key={finding.id} className="muted">
                {finding.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
