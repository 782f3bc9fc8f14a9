import { escapeHtml } from './html-escape.js';

/**
 * Horizontal bar charts as inline SVG: drawn here, so the page needs no script or library to
 * show them, prints as it shows, and opens from disk without a network.
 */

export interface StackedBar {
  label: string;
  /** Full name shown on hover. */
  title?: string;
  /** Segments left to right; zero-width ones are skipped. */
  segments: { value: number; className: string; title: string }[];
  /** Text after the bar, e.g. "42(37 所学校)". */
  note: string;
}

const ROW = 30;
const LABEL_W = 170;
const NOTE_W = 130;
const WIDTH = 640;
const BAR_H = 18;

function frame(height: number, ariaLabel: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(ariaLabel)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** One bar per row, stacked segments, scaled to the largest total. */
export function stackedBarChart(bars: readonly StackedBar[], ariaLabel: string, legend: { className: string; label: string }[]): string {
  const top = 28;
  const height = top + Math.max(1, bars.length) * ROW + 6;
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((s, x) => s + x.value, 0)));
  const area = WIDTH - LABEL_W - NOTE_W;
  let body = '';
  let lx = LABEL_W;
  for (const item of legend) {
    body += `<rect x="${lx}" y="6" width="12" height="12" rx="2" class="${item.className}"/><text x="${lx + 17}" y="16.5" class="legend">${escapeHtml(item.label)}</text>`;
    lx += 30 + [...item.label].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 13 : 7), 0);
  }
  bars.forEach((bar, i) => {
    const y = top + i * ROW;
    // No links in here: a chart is one image to assistive technology (role="img"), so links
    // inside it could be neither reached nor announced; the page lists them below the chart.
    body += `<text x="${LABEL_W - 10}" y="${y + BAR_H / 2 + 5}" text-anchor="end" class="label">${escapeHtml(bar.label)}${bar.title ? `<title>${escapeHtml(bar.title)}</title>` : ''}</text>`;
    let x = LABEL_W;
    for (const s of bar.segments) {
      if (s.value <= 0) continue;
      const w = Math.max(2, (s.value / max) * area);
      body += `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" class="${s.className}"><title>${escapeHtml(s.title)}</title></rect>`;
      x += w;
    }
    body += `<text x="${(x + 8).toFixed(1)}" y="${y + BAR_H / 2 + 5}" class="note">${escapeHtml(bar.note)}</text>`;
  });
  if (bars.length === 0) body += `<text x="${LABEL_W}" y="${top + 14}" class="note">—</text>`;
  return frame(height, ariaLabel, body);
}

export interface RateBar {
  label: string;
  /** 0..1 */
  rate: number;
  note: string;
}

/** Shares on a full-width track (0–100%), so levels compare at a glance. */
export function rateBarChart(bars: readonly RateBar[], ariaLabel: string): string {
  const top = 8;
  const height = top + Math.max(1, bars.length) * ROW + 20;
  const area = WIDTH - LABEL_W - NOTE_W;
  let body = '';
  for (const tick of [0, 0.5, 1]) {
    const x = LABEL_W + tick * area;
    body += `<line x1="${x}" x2="${x}" y1="${top - 4}" y2="${height - 18}" class="grid"/><text x="${x}" y="${height - 4}" text-anchor="middle" class="axis">${tick * 100}%</text>`;
  }
  bars.forEach((bar, i) => {
    const y = top + i * ROW;
    const w = Math.max(0, Math.min(1, bar.rate)) * area;
    body += `<text x="${LABEL_W - 10}" y="${y + BAR_H / 2 + 5}" text-anchor="end" class="label">${escapeHtml(bar.label)}</text>`;
    body += `<rect x="${LABEL_W}" y="${y}" width="${area}" height="${BAR_H}" class="track"/>`;
    body += `<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" class="${bar.rate >= 0.9 ? 'good' : bar.rate >= 0.6 ? 'fair' : 'poor'}"><title>${escapeHtml(bar.note)}</title></rect>`;
    body += `<text x="${LABEL_W + area + 8}" y="${y + BAR_H / 2 + 5}" class="note">${escapeHtml(bar.note)}</text>`;
  });
  return frame(height, ariaLabel, body);
}
