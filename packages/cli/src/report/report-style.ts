/**
 * The page's only style sheet, inline: readable on screen and on paper, no web fonts (no network).
 * Every text colour has a contrast of at least 4.5:1 (WCAG AA) on every background it is shown on
 * — white, the even rows, the hover row and the pills; tests/report.test.ts checks it with axe.
 */
export const REPORT_CSS = `
:root { --err: #c62828; --warn: #8f4a00; --info: #1565c0; --ok: #276b2b; --ink: #1f2933; --muted: #5f6b7a; --line: #dfe3e8; --bg: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; }
header.top { background: #17324d; color: #fff; padding: 22px 32px 18px; }
header.top h1 { margin: 0; font-size: 24px; font-weight: 600; letter-spacing: .02em; }
header.top p { margin: 4px 0 0; color: #c9d6e3; font-size: 14px; }
main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 40px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 14px; margin-bottom: 18px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.card .k { color: var(--muted); font-size: 13px; }
.card .v { font-size: 30px; font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; }
.card .n { color: var(--muted); font-size: 13px; }
.card.err .v { color: var(--err); } .card.warn .v { color: var(--warn); } .card.ok .v { color: var(--ok); }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 14px; margin-bottom: 18px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
h2 { font-size: 18px; margin: 0 0 2px; }
.note { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
svg.chart { display: block; max-width: 100%; }
svg .label { font-size: 13px; fill: var(--ink); } svg .note, svg .legend, svg .axis { font-size: 12px; fill: var(--muted); }
svg .error { fill: var(--err); } svg .warning { fill: #e69a28; } svg .info { fill: #5b8fd6; }
svg .track { fill: #edf0f3; } svg .good { fill: var(--ok); } svg .fair { fill: #e69a28; } svg .poor { fill: var(--err); } svg .grid { stroke: var(--line); }
p.jump { font-size: 13px; margin: 6px 0 0; } p.jump a { color: #17324d; margin-right: 10px; }
.tools { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; margin: 6px 0 10px; }
.tools input[type=search] { padding: 6px 10px; border: 1px solid #b8c2cc; border-radius: 6px; font: inherit; min-width: 280px; }
.tools .count { color: var(--muted); font-size: 13px; }
.scroll { overflow: auto; max-height: 78vh; border: 1px solid var(--line); border-radius: 6px; }
table.schools { border-collapse: separate; border-spacing: 0; width: 100%; font-size: 13.5px; background: #fff; }
table.schools th, table.schools td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
table.schools thead th { position: sticky; top: 0; background: #eef2f6; z-index: 2; vertical-align: bottom; white-space: normal; min-width: 6.5em; }
table.schools thead th button { all: unset; cursor: pointer; font-weight: 600; display: block; }
table.schools thead th button:focus-visible { outline: 2px solid #17324d; }
table.schools thead th[aria-sort=ascending] button::after { content: " ▲"; font-size: 10px; }
table.schools thead th[aria-sort=descending] button::after { content: " ▼"; font-size: 10px; }
table.schools td:first-child, table.schools th:first-child { position: sticky; left: 0; background: inherit; z-index: 1; }
table.schools thead th:first-child { z-index: 3; background: #eef2f6; }
table.schools tbody tr { background: #fff; } table.schools tbody tr:nth-child(even) { background: #fafbfc; }
table.schools tbody tr:hover { background: #fff8e1; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.c-ok { color: var(--ok); } td.c-na { color: var(--muted); }
td.c-error { color: var(--err); font-weight: 550; } td.c-warning { color: var(--warn); } td.c-info { color: var(--info); }
.school small, .code { color: var(--muted); }
.pill { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.pill.ok { background: #e3f1e4; color: var(--ok); } .pill.bad { background: #fbe4e4; color: var(--err); }
.pill.error { background: #fbe4e4; color: var(--err); } .pill.warning { background: #fdf0dc; color: var(--warn); } .pill.info { background: #e3edf9; color: var(--info); }
section.norm { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 18px; margin: 10px 0; }
section.norm h3 { margin: 0; font-size: 16px; }
section.norm .meta { color: var(--muted); font-size: 13px; margin: 2px 0 6px; }
blockquote { margin: 6px 0 8px; padding: 6px 14px; border-left: 4px solid #8aa4bf; background: #f3f6f9; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; }
blockquote cite { display: block; color: var(--muted); font-style: normal; font-size: 12.5px; font-family: inherit; }
details summary { cursor: pointer; color: #17324d; font-size: 14px; }
ol.findings { margin: 6px 0; padding-left: 24px; font-size: 13.5px; } ol.findings li { margin: 2px 0; }
ol.findings .loc { color: var(--muted); font-size: 12px; margin: 0 6px; }
table.districts td.fig { white-space: normal; min-width: 15em; vertical-align: top; } table.districts thead th a { color: #17324d; font-weight: 600; }
table.districts small.cite { display: block; color: var(--muted); font-weight: 400; }
section.district-findings h3 { font-size: 15px; margin: 12px 0 2px; } ul.related { list-style: none; margin: 0; padding-left: 14px; color: var(--muted); font-size: 12.5px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 16px; }
@media print { body { background: #fff; } .tools { display: none; } .scroll { max-height: none; overflow: visible; } header.top { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); } details { display: block; } }
`;
