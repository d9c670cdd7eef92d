// Lighthouse (mobile preset, the default config: simulated slow 4G and a 4× slower CPU) on the
// system Chromium, for the pages whose scores issue 15 asks for: the public home page, job board
// and an ad, and each role's start page. Part of `npm run bench` (skip with --no-lighthouse).
import fs from 'node:fs'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

export type LighthousePage = { name: string; url: string; cookie?: string }
export type LighthouseScores = {
  name: string
  url: string
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  totalBlockingTimeMs: number
  largestContentfulPaintMs: number
  javascriptKb: number
}

function chromiumPath() {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((candidate) => fs.existsSync(candidate))
  if (!found) throw new Error('Lighthouse needs Chromium: run `bash tests/e2e/ensure-chromium.sh` first')
  return found
}

export async function runLighthouse(pages: LighthousePage[], log: (line: string) => void = console.log): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  const scores: LighthouseScores[] = []
  try {
    for (const page of pages) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        extraHeaders: page.cookie ? { cookie: page.cookie } : undefined,
      })
      if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`)
      const { categories, audits } = result.lhr
      const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100)
      const scriptBytes = ((audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? []).find((item) => item.resourceType === 'script')?.transferSize ?? 0
      const row: LighthouseScores = {
        name: page.name,
        url: page.url,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        totalBlockingTimeMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
        largestContentfulPaintMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
        javascriptKb: Math.round(scriptBytes / 1024),
      }
      scores.push(row)
      log(`  ${page.name}: performance ${row.performance}, accessibility ${row.accessibility}, best practices ${row.bestPractices}, SEO ${row.seo} (TBT ${row.totalBlockingTimeMs} ms, LCP ${row.largestContentfulPaintMs} ms, ${row.javascriptKb} KB JS)`)
    }
  } finally {
    await chrome.kill()
  }
  return scores
}

export function lighthouseTable(rows: LighthouseScores[]) {
  const header = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'TBT ms', 'LCP ms', 'JS KB']
  const lines = rows.map((r) => [r.name, r.performance, r.accessibility, r.bestPractices, r.seo, r.totalBlockingTimeMs, r.largestContentfulPaintMs, r.javascriptKb].map(String))
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)))
  const format = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [format(header), rule, ...lines.map(format)].join('\n')
}
