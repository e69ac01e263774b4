export { buildFindings, type FindingsInput } from './build_findings';
export { detectTrend, spearman, spearmanCritical, type Trend } from './fatigue';
export { buildVerdict, notCheckedFaults, repsPhrase, MAX_VERDICT_ITEMS, type VerdictInput } from './verdict';
