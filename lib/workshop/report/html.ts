/** Escapes text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Everything the pages need to look right, inline: no stylesheet, font or script is fetched. */
const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#16191f;background:#fafafa}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:14px}nav a{margin-right:14px}
h1{font-size:26px;margin:8px 0 4px}h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:16px;margin:16px 0 6px}
a{color:#0a66c2}code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#eef1f4;border-radius:4px}code{padding:1px 4px}pre{padding:10px;overflow:auto}
.muted{color:#5f6b7a}.tag{display:inline-block;font-size:12px;padding:1px 7px;border-radius:10px;background:#e9edf1;margin-right:4px}
.met{color:#1d7a34}.notMet{color:#b3261e}.acceptedRisk{color:#8a5a00}.notEvaluated{color:#5f6b7a}
table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #e3e6ea;padding:4px 10px;text-align:left;vertical-align:top}th{background:#f0f2f4}
td.num,th.num{text-align:right}.sub{font-size:12px;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px 12px}
.figure{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px;overflow:auto}
svg.architecture{max-width:100%;height:auto}
svg .vpc rect{fill:#f2f8ee;stroke:#7aa116;stroke-width:1.5}svg .band{font-size:13px;font-weight:600;fill:#3b4a5a}svg .empty{font-size:12px;fill:#8a96a3;font-style:italic}
svg .node rect{fill:#fff;stroke:#5f6b7a;stroke-width:1.2}svg .node.users rect{fill:#eef4fb;stroke:#0a66c2}svg .name{font-size:13px;font-weight:600;fill:#16191f}
svg .service{font-size:12px;fill:#3b4a5a}svg .details{font-size:10.5px;fill:#5f6b7a}
svg .edge line,svg .edge path{stroke:#3b4a5a;stroke-width:1.6}svg .edge.weak line,svg .edge.weak path{stroke:#9aa5b1;stroke-dasharray:4 3;stroke-width:1.1}svg .edge text{font-size:11px;fill:#3b4a5a}
svg marker path{fill:#3b4a5a}
svg .grid{stroke:#e3e6ea}svg .axis,svg .legend{font-size:11px;fill:#5f6b7a}svg .pillar{font-size:12px;font-weight:600;fill:#16191f}svg .value{font-size:11px;fill:#16191f}
svg rect.talk{fill:#0a66c2}svg rect.workshop{fill:#9cc3ea}svg rect.previous{fill:none;stroke:#d97706;stroke-width:2;stroke-dasharray:5 3}
.verdict-unchanged{color:#1d7a34}.verdict-retained{color:#8a5a00}.verdict-comes-back-empty{color:#8a5a00}.verdict-data-loss{color:#b3261e;font-weight:600}
details{margin:4px 0}summary{cursor:pointer}
svg.cost-chart{max-width:100%;height:auto}.costbar{display:inline-block;height:6px;border-radius:2px}.costbar.talk{background:#0a66c2}.costbar.workshop{background:#9cc3ea}
`;

/** A complete, self-contained page. */
export function page(title: string, nav: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><nav>${nav}</nav></header>
<main>
${body}
</main>
<footer><p class="muted">Generated offline by <code>wa-stages report</code> from the synthesized stages of this repository. Best-practice links point to the AWS Well-Architected Framework pages the scorecards are pinned to.</p></footer>
</body>
</html>
`;
}
