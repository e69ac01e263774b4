export { buildFindings, type FindingsInput } from './build_findings';
export { detectTrend, spearman, spearmanCritical, type Trend } from './fatigue';
