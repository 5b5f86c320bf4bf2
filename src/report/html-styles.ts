// The HTML report's stylesheet, inlined into the page (no network at view time).
export const HTML_STYLES = `
:root { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2430; background: #f6f7f9; }
body { margin: 0; padding: 16px 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.summary { margin: 0 0 12px; color: #4a5263; }
.diagnostic { margin: 4px 0; padding: 6px 10px; border-radius: 4px; background: #fff3cd; }
.diagnostic.error { background: #f8d7da; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 1fr); gap: 16px; align-items: start; }
#chart { background: #fff; border: 1px solid #d8dce3; border-radius: 6px; overflow-x: auto; padding: 4px; }
#chart svg { display: block; }
#chart g.module { cursor: pointer; }
#chart g.module text { font: 11px ui-monospace, SFMono-Regular, Menlo, monospace; fill: #101418; pointer-events: none; }
#chart g.module:hover rect { stroke: #101418; stroke-width: 1; }
#chart g.selected rect { stroke: #000; stroke-width: 2; }
#chart g.dim { opacity: 0.2; }
#details { background: #fff; border: 1px solid #d8dce3; border-radius: 6px; padding: 10px 14px; font-size: 13px; overflow-wrap: anywhere; }
#details h2 { font-size: 15px; margin: 4px 0 8px; font-family: ui-monospace, monospace; }
#details h3 { font-size: 13px; margin: 12px 0 4px; }
#details dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
#details dt { color: #4a5263; }
#details dd { margin: 0; }
#details ol, #details ul { margin: 0; padding-left: 20px; font-family: ui-monospace, monospace; font-size: 12px; }
.toolbar { margin: 8px 0; display: flex; gap: 12px; align-items: center; font-size: 13px; }
h2 { font-size: 16px; margin: 18px 0 6px; }
#breadcrumb { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
#breadcrumb .sep { color: #8a93a3; }
#legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 8px 0; font-size: 12px; }
#legend .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 2px; vertical-align: -1px; }
#chart g.axis line { stroke: #e4e7ec; }
#chart g.axis text { font: 10px ui-monospace, monospace; fill: #4a5263; }
#chart g.ancestor rect { opacity: 0.55; }
#findings ol { padding-left: 22px; margin: 0; }
#findings li { margin: 6px 0; font-size: 13px; }
#findings li p { margin: 2px 0 0; color: #2c3340; }
#findings .severity { display: inline-block; min-width: 52px; padding: 0 6px; border-radius: 3px; font-weight: 600; text-transform: uppercase; font-size: 11px; }
#findings .high .severity { background: #f8d7da; }
#findings .medium .severity { background: #fff3cd; }
#findings .low .severity { background: #e2e8f0; }
#findings .kind { font-weight: 600; }
#findings .saving { color: #4a5263; }
#comparison .verdict { font-size: 14px; }
#measurement button { font: inherit; padding: 2px 10px; border: 1px solid #b9c0cc; background: #fff; cursor: pointer; }
#measurement button[aria-pressed="true"] { background: #1d2430; color: #fff; }
td.better { color: #1e7a34; }
td.worse { color: #b02a37; }
td.gone { color: #8a93a3; text-align: center; }
table { border-collapse: collapse; font-size: 13px; margin-top: 16px; background: #fff; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e4e7ec; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
`;
