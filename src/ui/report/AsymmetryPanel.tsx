/**
 * Left and right: per sided metric this view can measure, both sides' per-rep numbers (the rep
 * measures, read as the rep cards read them), the symmetry index and whether the difference is
 * beyond rep-to-rep variation (the Analysis' asymmetries); plus the body diagram.
 */
import { SIDED_METRICS } from '../../core/metrics/registry';
import type { Analysis, Side } from '../../core/types';
import { BodyDiagram } from '../body_diagram/BodyDiagram';
import { bodyMarksFromAnalysis } from '../body_diagram/body_marks';
import { FAULT_LABELS, METRIC_LABELS } from './labels';
import { metricMeasurable } from './measure_text';
import { MeasureValue } from './RepCards';

function SideValues({ analysis, metric, side }: { analysis: Analysis; metric: (typeof SIDED_METRICS)[number]; side: Side }) {
  return (
    <ul className="lr-values">
      {analysis.reps.map((rep) => (
        <li key={rep.index}>
          <span className="muted small">rep {rep.index + 1}</span> <MeasureValue analysis={analysis} rep={rep} metric={metric} side={side} />
        </li>
      ))}
    </ul>
  );
}

export function AsymmetryPanel({ analysis }: { analysis: Analysis }) {
  const marks = bodyMarksFromAnalysis(analysis, (fault) => FAULT_LABELS[fault]);
  const metrics = SIDED_METRICS.filter((metric) => metricMeasurable(analysis, metric));
  return (
    <div className="asymmetry-panel">
      <div className="lr-layout">
        <div className="lr-table">
          {metrics.length === 0 || analysis.reps.length === 0 ? (
            <p>No left/right comparison could be made from this clip.</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Left and right per rep (scrolls sideways if needed)">
              <table>
                <caption className="visually-hidden">Left and right values per rep, symmetry index, and whether the difference is real</caption>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col" className="side-left">Left</th>
                    <th scope="col" className="side-right">Right</th>
                    <th scope="col" title="A difference counts when it is larger than how much each side varies from rep to rep; symmetry index |R − L| / mean × 100 (Bishop 2016), about 10 % is where performance suffers">
                      Real difference?
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {metrics.map((metric) => {
                    const asymmetry = analysis.asymmetries.find((a) => a.metric === metric);
                    return (
                      <tr key={metric} data-metric={metric} className={asymmetry?.beyondVariation ? 'beyond' : undefined}>
                        <th scope="row">{METRIC_LABELS[metric].label}</th>
                        <td>
                          <SideValues analysis={analysis} metric={metric} side="left" />
                        </td>
                        <td>
                          <SideValues analysis={analysis} metric={metric} side="right" />
                        </td>
                        <td>
                          {!asymmetry ? (
                            <span className="not-measurable">not compared</span>
                          ) : asymmetry.beyondVariation ? (
                            <strong>Yes{asymmetry.worseSide ? `, ${asymmetry.worseSide} side worse` : ''}</strong>
                          ) : (
                            <span>No: within keypoint noise, model bias or rep-to-rep variation</span>
                          )}
                          {asymmetry && asymmetry.symmetryIndex !== null && <span className="muted small"> (symmetry index {asymmetry.symmetryIndex.toFixed(0)} %)</span>}
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
    </div>
  );
}
