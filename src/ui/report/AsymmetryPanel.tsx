/** Left/right: each asymmetry with both sides' per-rep values, symmetry index, and whether it is beyond keypoint noise, model bias and rep-to-rep variation; plus the body diagram. */
import type { Analysis } from '../../core/types';
import { BodyDiagram } from '../body_diagram/BodyDiagram';
import { bodyMarksFromAnalysis } from '../body_diagram/body_marks';
import { FAULT_LABELS, METRIC_LABELS, formatMetric } from './labels';

function values(metric: Parameters<typeof formatMetric>[0], list: (number | null)[]) {
  if (!list.length) return '–';
  if (list.every((v) => v === null)) return <span className="not-measurable">not measurable</span>;
  // The unit is in the row header; each value is the number alone.
  return list.map((v) => formatMetric(metric, v).replace(/ % (foot|leg|hip)$/, '')).join(', ');
}

export function AsymmetryPanel({ analysis }: { analysis: Analysis }) {
  const marks = bodyMarksFromAnalysis(analysis, (fault) => FAULT_LABELS[fault]);
  return (
    <section className="report-section asymmetry-panel" aria-labelledby="lr-heading">
      <h2 id="lr-heading">Left and right</h2>
      <div className="lr-layout">
        <div className="lr-table">
          {analysis.asymmetries.length === 0 ? (
            <p>No left/right comparison could be made from this clip.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Left and right values per rep, symmetry index, and whether the difference is real</caption>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col" className="side-left">Left (per rep)</th>
                    <th scope="col" className="side-right">Right (per rep)</th>
                    <th scope="col" title="|R − L| / mean × 100 (Bishop 2016); about 10 % is where performance suffers">Symmetry index</th>
                    <th scope="col">Real difference?</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.asymmetries.map((asymmetry) => {
                    const unit = METRIC_LABELS[asymmetry.metric].unit;
                    return (
                      <tr key={asymmetry.metric} data-metric={asymmetry.metric} className={asymmetry.beyondVariation ? 'beyond' : undefined}>
                        <th scope="row">
                          {METRIC_LABELS[asymmetry.metric].label}
                          {unit && unit !== '°' && <span className="muted small"> ({unit})</span>}
                        </th>
                        <td>{values(asymmetry.metric, asymmetry.left)}</td>
                        <td>{values(asymmetry.metric, asymmetry.right)}</td>
                        <td>{asymmetry.symmetryIndex === null ? <span className="not-measurable">not measurable</span> : `${asymmetry.symmetryIndex.toFixed(0)} %`}</td>
                        <td>
                          {asymmetry.beyondVariation ? (
                            <strong>
                              Yes{asymmetry.worseSide ? `, ${asymmetry.worseSide} side worse` : ''}
                            </strong>
                          ) : (
                            <span>No: within keypoint noise, model bias or rep-to-rep variation</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted small">
            A difference counts as real only when it is well above what the keypoints can tell apart (3 times their noise while you stand, and the pose model's own left/right bias) and, with three reps or more, than how much each side varies from rep to rep.
          </p>
        </div>
        <BodyDiagram marks={marks} title="Joints with a fault or a real left/right difference" />
      </div>
    </section>
  );
}
