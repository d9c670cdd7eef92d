/**
 * A horizontal bar chart drawn as SVG, for figures a manager reads at a glance. It is an image to
 * assistive technology (role="img", named by its <title> and described by a <desc> that lists
 * every value), and the page always shows the same numbers in a table beside it, so no one needs
 * the picture. No chart library: a few bars need none, and the print view gets crisp vectors.
 */
export type Bar = { label: string; value: number; shown: string }

const WIDTH = 560
const LABEL_WIDTH = 200
const VALUE_WIDTH = 70
const ROW = 26

export function BarChart({ id, title, description, bars, max }: { id: string; title: string; description: string; bars: Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 0)
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const height = bars.length * ROW + 8
  return (
    <svg className="bar-chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = 4 + index * ROW
        const width = top > 0 ? Math.max((bar.value / top) * room, bar.value > 0 ? 2 : 0) : 0
        return (
          <g key={bar.label}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 8} rx={3} className="bar" />
            <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2} dominantBaseline="middle" className="bar-value">
              {bar.shown}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** The <desc> text: every bar as "label: value". */
export function describeBars(bars: Bar[]) {
  return bars.map((bar) => `${bar.label}: ${bar.shown}`).join('; ')
}
