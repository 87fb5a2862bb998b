import { ANALYZER_IDS } from '../findings';
import { ANALYZER_COLOURS } from './palette';

const COLOURS = ANALYZER_IDS.map((id) => `.fl .fl-c-${id}{--c:${ANALYZER_COLOURS[id]}}`).join('\n');

/**
 * The report's style sheet. Every selector sits under `.fl`, so a fragment embedded in a notebook
 * styles only itself. Readable from phone to laptop width, and printable.
 */
export const REPORT_CSS = `
.fl{--ink:#1d2330;--muted:#5f6878;--line:#d9dde5;--paper:#fff;--soft:#f4f6f9;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--paper);max-width:62rem;margin:0 auto;padding:1rem clamp(.75rem,3vw,2rem) 2rem;box-sizing:border-box;overflow-wrap:break-word}
.fl *,.fl *::before,.fl *::after{box-sizing:inherit}
.fl h1{font-size:1.7rem;margin:.5rem 0 .25rem;line-height:1.2}
.fl h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink);line-height:1.25}
.fl h3{font-size:1.1rem;margin:1.6rem 0 .5rem}
.fl h4,.fl h5{font-size:1rem;margin:1.2rem 0 .3rem}
.fl .fl-lead{color:var(--muted);margin:0 0 1rem}
.fl .fl-note{color:var(--muted);font-size:.85em}
.fl .fl-toc ol{padding-left:1.2rem}
.fl a{color:#1f5fa8}
.fl .fl-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0 1rem}
.fl table{border-collapse:collapse;width:100%;font-size:.9rem}
.fl caption{text-align:left;font-weight:600;padding:.25rem 0}
.fl th,.fl td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
.fl thead th{background:var(--soft);font-weight:600;white-space:nowrap}
.fl tbody th{font-weight:600}
.fl .fl-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.fl .fl-diff{background:#fff3cd}
.fl ul.fl-legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:.5rem 0 1rem;font-size:.85rem}
.fl .fl-swatch{display:inline-block;width:.85em;height:.85em;border-radius:2px;margin-right:.35em;vertical-align:-.05em;background:var(--c)}
.fl .fl-c-bp{--c:#c4c8d0}
${COLOURS}
.fl .fl-chart{margin:.5rem 0;max-width:100%}
.fl .fl-chart svg{width:100%;height:auto;display:block}
.fl .fl-axis{font-size:12px;fill:var(--ink);dominant-baseline:middle}
.fl .fl-article{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem 1rem;margin:1rem 0 1.5rem}
.fl .fl-headline{display:block;font-weight:400;font-size:1.05rem;margin-top:.15rem}
.fl .fl-meta{color:var(--muted);font-size:.85rem;margin:.1rem 0 .5rem}
.fl .fl-text{font-family:Georgia,"Times New Roman",serif;font-size:1.02rem;line-height:1.7}
.fl .fl-block{margin:.45rem 0}
.fl .fl-hl{font-weight:700;font-family:system-ui,sans-serif}
.fl .fl-bp{color:#8a919e;font-size:.88em;font-family:system-ui,sans-serif;border-left:3px solid #d5d9e0;padding-left:.5rem}
.fl .fl-bp::before{content:attr(data-kind);display:inline-block;font-size:.72rem;text-transform:uppercase;letter-spacing:.04em;background:#eceef2;color:#6b7280;border-radius:3px;padding:0 .35em;margin-right:.4em}
.fl mark.fl-m{color:inherit;background:color-mix(in srgb,var(--c) 22%,transparent);border-bottom:2px solid var(--c);border-radius:2px;padding:0 1px;position:relative;cursor:help}
.fl mark.fl-ctx{background:color-mix(in srgb,var(--c) 8%,transparent);border-bottom-style:dashed;border-bottom-width:1px}
.fl mark.fl-c-quote{background:transparent;border-bottom:2px dotted var(--c)}
.fl mark.fl-inq{text-decoration:underline dotted #7f7f7f}
.fl mark.fl-multi{border-bottom-style:double;border-bottom-width:3px}
.fl mark.fl-mbp{opacity:.6}
.fl mark.fl-m:hover::after,.fl mark.fl-m:focus::after{content:attr(data-tip);position:absolute;left:0;top:calc(100% + 4px);z-index:5;width:max-content;max-width:min(26rem,80vw);white-space:pre-line;background:#1d2330;color:#fff;font:13px/1.4 system-ui,sans-serif;padding:.45rem .6rem;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.fl mark.fl-m:focus{outline:2px solid var(--c);outline-offset:1px}
.fl sup{font-size:.62em;line-height:0}
.fl a.fl-ref{text-decoration:none;color:var(--muted);font-family:system-ui,sans-serif}
.fl details.fl-findings{margin-top:.75rem;font-size:.88rem}
.fl details.fl-findings summary{cursor:pointer;font-weight:600}
.fl details.fl-findings ol{padding-left:2.2rem;margin:.4rem 0}
.fl details.fl-findings li{margin:.2rem 0}
.fl .fl-terms{display:flex;flex-wrap:wrap;gap:.25rem .4rem;list-style:none;padding:0;margin:.2rem 0}
.fl .fl-terms li{background:var(--soft);border:1px solid var(--line);border-radius:999px;padding:0 .5rem;font-size:.85rem}
.fl .fl-pill{display:inline-block;background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 .35rem;margin:.05rem .15rem .05rem 0;font-size:.85em}
.fl .fl-bar{display:inline-block;width:3.5rem;height:.55rem;background:var(--soft);border:1px solid var(--line);border-radius:2px;vertical-align:middle;overflow:hidden}
.fl .fl-bar>span{display:block;height:100%;background:#4e79a7}
.fl .fl-ev{color:var(--muted);font-size:.9em}
.fl ul.fl-summary>li{margin:.4rem 0}
.fl ins{background:#dff5e1;text-decoration:underline}
.fl del{background:#fde2e1}
.fl blockquote{margin:.4rem 0;padding:.2rem .75rem;border-left:3px solid var(--line);color:var(--ink)}
.fl footer{margin-top:2.5rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:.5rem}
@media (max-width:600px){.fl mark.fl-m:hover::after,.fl mark.fl-m:focus::after{position:fixed;left:.5rem;right:.5rem;bottom:.5rem;top:auto;width:auto;max-width:none}.fl{font-size:15px}.fl h1{font-size:1.4rem}.fl .fl-article{padding:.25rem .6rem .75rem}.fl table{font-size:.82rem}.fl th,.fl td{padding:.3rem .35rem}}
@media print{.fl{max-width:none;padding:0;font-size:11pt}.fl .fl-toc{display:none}.fl *{-webkit-print-color-adjust:exact;print-color-adjust:exact}.fl .fl-story{break-before:page}.fl .fl-story:first-of-type{break-before:auto}.fl .fl-article{break-inside:auto;border:none;padding:0}.fl h2,.fl h3,.fl h4{break-after:avoid}.fl tr,.fl .fl-chart,.fl li{break-inside:avoid}.fl mark.fl-m::after{display:none!important}.fl a{color:inherit;text-decoration:none}.fl .fl-scroll{overflow:visible}}
`.trim();
