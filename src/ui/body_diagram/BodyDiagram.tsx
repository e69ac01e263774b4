/**
 * A simple front-view body outline with the affected joints marked per side. The lifter
 * faces us, so their left is on the right of the drawing; the L and R labels say so.
 */
import type { ChainLink } from '../../core/types';
import { CHAIN_LABELS, capitalise } from '../report/labels';
import type { BodyMark, MarkSide } from './body_marks';

const JOINTS: Record<ChainLink, Record<MarkSide, [number, number]>> = {
  ankle: { left: [128, 292], right: [72, 292], centre: [100, 292] },
  knee: { left: [124, 222], right: [76, 222], centre: [100, 222] },
  hip: { left: [120, 156], right: [80, 156], centre: [100, 156] },
  pelvis: { left: [112, 150], right: [88, 150], centre: [100, 148] },
  lumbar: { left: [108, 128], right: [92, 128], centre: [100, 126] },
  torso: { left: [114, 92], right: [86, 92], centre: [100, 92] },
};

const SEVERITY_FILL = { mild: '#f2c14e', moderate: '#e8781e', severe: '#c0392b' } as const;

export interface BodyDiagramProps {
  marks: readonly BodyMark[];
  /** Accessible title, e.g. "Joints with a fault or a left/right difference". */
  title?: string;
}

function describe(mark: BodyMark): string {
  const where = mark.side === 'centre' ? CHAIN_LABELS[mark.link] : `${capitalise(mark.side)} ${CHAIN_LABELS[mark.link].toLowerCase()}`;
  return `${where}: ${mark.reasons.join(', ')} (${mark.severity})`;
}

export function BodyDiagram({ marks, title = 'Body diagram of affected joints' }: BodyDiagramProps) {
  const summary = marks.length ? marks.map(describe).join('; ') : 'no joint marked';
  return (
    <figure className="body-diagram">
      <svg viewBox="0 0 200 320" role="img" aria-label={`${title}: ${summary}`} width="100%" style={{ maxWidth: 220 }}>
        <title>{`${title}: ${summary}`}</title>
        <g fill="none" stroke="#888" strokeWidth="9" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="100" cy="36" r="18" strokeWidth="4" fill="#eee" />
          <path d="M100 56 L100 150" />
          <path d="M70 72 L130 72" />
          <path d="M70 72 L58 120 L54 160" strokeWidth="6" />
          <path d="M130 72 L142 120 L146 160" strokeWidth="6" />
          <path d="M80 156 L120 156" />
          <path d="M80 156 L76 222 L72 292 L60 304" />
          <path d="M120 156 L124 222 L128 292 L140 304" />
        </g>
        <text x="176" y="20" fontSize="16" fontWeight="700" fill="currentColor" textAnchor="middle">L</text>
        <text x="24" y="20" fontSize="16" fontWeight="700" fill="currentColor" textAnchor="middle">R</text>
        {marks.map((mark) => {
          const [cx, cy] = JOINTS[mark.link][mark.side];
          return (
            <g key={`${mark.link}-${mark.side}`} data-joint={`${mark.link}-${mark.side}`} data-severity={mark.severity}>
              <circle cx={cx} cy={cy} r="11" fill={SEVERITY_FILL[mark.severity]} fillOpacity="0.85" stroke="#222" strokeWidth="1.5" />
              <title>{describe(mark)}</title>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Front view: the lifter&apos;s left (L) is on the right of the drawing.
        <span className="legend">
          <span className="swatch" style={{ background: SEVERITY_FILL.mild }} /> mild
          <span className="swatch" style={{ background: SEVERITY_FILL.moderate }} /> moderate
          <span className="swatch" style={{ background: SEVERITY_FILL.severe }} /> severe
        </span>
      </figcaption>
    </figure>
  );
}
