/**
 * The metric tables of docs/metrics.md and docs/analysis-format.md, generated from the metric
 * registry (src/core/metrics/registry.ts) so the docs cannot drift from the code. Each table sits
 * between `<!-- registry:NAME -->` and `<!-- /registry:NAME -->`;
 * tests/unit/core/metrics/registry_docs.test.ts fails when a doc's block differs from what this
 * generates.
 *
 *   npx tsx scripts/metric_docs.ts          # say which blocks are out of date
 *   npx tsx scripts/metric_docs.ts --write  # rewrite them
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAULTS } from '../src/core/flags/registry';
import { METRICS, type MetricDef } from '../src/core/metrics/registry';

const VIEWS = ['front', 'oblique', 'side'] as const;
const VIEW_WORDS = { front: 'front', oblique: '45 deg', side: 'side' } as const;

const cell = (s: string) => s.replace(/\|/g, '\\|');

function factor(def: MetricDef, view: (typeof VIEWS)[number]): string {
  const f = def.views[view];
  return f > 0 ? String(f) : '-';
}

/** docs/metrics.md: which view supports which metric, with the words the lifter is given. */
export function viewTable(): string {
  const rows = METRICS.map((def) => {
    const notes = [def.views.frontNote && `front: "${def.views.frontNote}"`, def.views.obliqueNote && `45 deg: "${def.views.obliqueNote}"`, def.views.behindNote && `from behind: "${def.views.behindNote}"`].filter(Boolean).join('; ');
    const filled = def.compute === 'rep-stage' ? ' (filled by the rep analysis)' : '';
    return `| ${def.key}${filled} | ${VIEWS.map((v) => factor(def, v)).join(' | ')} | "${cell(def.views.needs)}" | ${cell(notes)} |`;
  });
  return ['| metric | front | 45 deg | side | reason given when a view cannot | limits where it can |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** docs/metrics.md: what the rep stage does with each metric. */
export function repTable(): string {
  const judged = new Map<string, string[]>();
  for (const f of FAULTS) {
    judged.set(f.metric, [...(judged.get(f.metric) ?? []), f.fault]);
    if (f.fallbackMetric) judged.set(f.fallbackMetric, [...(judged.get(f.fallbackMetric) ?? []), `${f.fault} (fallback)`]);
  }
  const rows = METRICS.map((def) => {
    const a = def.asymmetry;
    const asym = a ? `${a.worse} is worse; floor ${a.floor}; fair from: ${a.fairViews.length ? a.fairViews.join(', ') : 'no single view'}` : '-';
    return `| ${def.key} | ${def.peak} | ${def.noiseGate ?? '-'} | ${asym} | ${(judged.get(def.key) ?? []).join(', ') || '-'} |`;
  });
  return ['| metric | rep peak | standing-noise gate | left/right asymmetry | faults judged on it |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** docs/analysis-format.md: unit, sign and views of every series column. */
export function formatTable(): string {
  const rows = METRICS.map((def) => {
    const views = VIEWS.filter((v) => def.views[v] > 0).map((v) => VIEW_WORDS[v]).join(', ');
    return `| \`${def.key}\` | ${def.sided ? 'yes' : 'no'} | ${def.unit} | ${cell(def.meaning)} | ${views}${def.compute === 'rep-stage' ? '; filled by the rep stage' : ''} |`;
  });
  return ['| metric | per side | unit | sign / meaning | views |', '|---|---|---|---|---|', ...rows].join('\n');
}

export const BLOCKS: Record<string, { file: string; render: () => string }> = {
  views: { file: 'docs/metrics.md', render: viewTable },
  reps: { file: 'docs/metrics.md', render: repTable },
  'series-columns': { file: 'docs/analysis-format.md', render: formatTable },
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The text between a block's markers in its doc, or null when the markers are missing. */
export function blockInDoc(name: string): string | null {
  const text = readFileSync(path.join(root, BLOCKS[name].file), 'utf8');
  const m = text.match(new RegExp(`<!-- registry:${name} -->\\n?([\\s\\S]*?)\\n?<!-- /registry:${name} -->`));
  return m ? m[1] : null;
}

function write(name: string): void {
  const file = path.join(root, BLOCKS[name].file);
  const text = readFileSync(file, 'utf8');
  const re = new RegExp(`(<!-- registry:${name} -->)[\\s\\S]*?(<!-- /registry:${name} -->)`);
  if (!re.test(text)) throw new Error(`${BLOCKS[name].file} has no <!-- registry:${name} --> block`);
  writeFileSync(file, text.replace(re, (_m, a: string, b: string) => `${a}\n${BLOCKS[name].render()}\n${b}`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const doWrite = process.argv.includes('--write');
  let stale = 0;
  for (const name of Object.keys(BLOCKS)) {
    if (doWrite) write(name);
    else if (blockInDoc(name) !== BLOCKS[name].render()) {
      stale++;
      console.log(`${BLOCKS[name].file}: block "${name}" is out of date (npx tsx scripts/metric_docs.ts --write)`);
    }
  }
  if (!doWrite && !stale) console.log('docs match the registry');
  process.exitCode = stale ? 1 : 0;
}
