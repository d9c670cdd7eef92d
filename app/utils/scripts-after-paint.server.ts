// The browser starts fetching a page's scripts once it has painted the page, not while it is
// still waiting to paint (README decision 26).
//
// Remix's <Scripts> writes, at the end of <body>, a `<link rel="modulepreload">` for each of the
// page's ~30 modules, the handoff script (`window.__remixContext = …`) and a module script that
// imports the route modules and then the entry. The preload scanner fetches all of them as soon
// as it reads the HTML, so on a phone on a slow network the page's ~200 KB of JavaScript shares
// the line with the stylesheet the first paint waits for, and Lighthouse's mobile model counts
// every script that arrived before the paint into the Largest Contentful Paint (the coordinator's
// start page: 3.1 s, of which ~2 s were scripts the paint did not need).
//
// Here the finished HTML is changed in three places, all inside what <Scripts> wrote:
// - each `rel="modulepreload"` becomes `data-rel="modulepreload"` (no fetch),
// - the module script's type becomes `text/x-after-paint` (not run, nothing fetched),
// - the handoff script gets a few lines that, after the first frame (a requestAnimationFrame
//   and then a task; at once in a hidden tab, which does not paint), put both back: the links
//   fetch all modules in parallel as before, and the module script runs as before.
// The elements stay where they are, so React hydrates the same tree: by then their attributes
// are what <Scripts> rendered. Without JavaScript nothing changes; every page works without it.

const PRELOAD = Buffer.from('<link rel="modulepreload" ')
const CONTEXT_SCRIPT = '>window.__remixContext = '
const MODULE_SCRIPT = / type="module" async="">/
const AFTER_PAINT_TYPE = 'text/x-after-paint'

/** Runs in the browser, inside the handoff script (which carries the response's CSP nonce). */
const LOADER = `;(function(){function go(){var s=document.querySelector('script[type="${AFTER_PAINT_TYPE}"]');if(!s)return;document.querySelectorAll('link[data-rel="modulepreload"]').forEach(function(l){l.rel='modulepreload'});s.type='module';s.textContent=s.textContent}function later(){if(document.hidden)go();else requestAnimationFrame(function(){setTimeout(go,0)})}if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',later);else later()})();`

/** The page's HTML with its scripts fetched after the first paint; HTML without Remix's scripts comes back as it was. */
export function scriptsAfterFirstPaint(html: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  const start = html.indexOf(PRELOAD)
  if (start < 0) return html
  // Only the part from the first preload on (<Scripts> ends the <body>) is decoded and changed.
  let tail = html.subarray(start).toString('utf8')
  const context = tail.indexOf(CONTEXT_SCRIPT)
  const contextEnd = context < 0 ? -1 : tail.indexOf('</script>', context)
  const moduleScript = MODULE_SCRIPT.exec(tail)
  // Not the shape expected (another Remix version): leave the page as Remix wrote it.
  if (contextEnd < 0 || !moduleScript || moduleScript.index < contextEnd) return html
  tail =
    tail.slice(0, context).replaceAll('<link rel="modulepreload" ', '<link data-rel="modulepreload" ') +
    tail.slice(context, contextEnd) +
    LOADER +
    tail.slice(contextEnd, moduleScript.index) +
    ` type="${AFTER_PAINT_TYPE}" async="">` +
    tail.slice(moduleScript.index + moduleScript[0].length)
  return Buffer.concat([html.subarray(0, start), Buffer.from(tail)])
}
