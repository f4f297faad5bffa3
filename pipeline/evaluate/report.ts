import type { EvalResult, EvalTable } from './contract.ts';

/** Human-readable report of one evaluation, as Markdown (readable on a terminal too). */
export function formatResult(title: string, result: EvalResult, maxExamples = 10): string {
  const lines = [`## ${title}`, '', `records: ${result.records}`, ''];
  const headline = Object.entries(result.metrics).filter(([, v]) => typeof v === 'number');
  if (headline.length) lines.push(formatTable({ title: 'metrics', columns: headline.map(([k]) => k), rows: [headline.map(([, v]) => v as number)] }), '');
  for (const table of result.tables) lines.push(formatTable(table), '');
  if (result.examples.length && maxExamples > 0) {
    lines.push('worst examples:', '');
    for (const ex of result.examples.slice(0, maxExamples)) {
      const text = ex.text.length > 160 ? `${ex.text.slice(0, 157)}...` : ex.text;
      lines.push(`- [${ex.kind}] ${ex.id}: ${JSON.stringify(text)}${ex.detail ? ` (${ex.detail})` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function formatTable(table: EvalTable): string {
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v);
  const rows = table.rows.map((r) => r.map(cell));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    `**${table.title}**`,
    '',
    line(table.columns),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map((r) => line(r.map(String))),
  ].join('\n');
}
