import type { LucideIcon } from 'lucide-react'
import { cloneElement, type ReactElement } from 'react'

type ForwardRender = { render: (props: Record<string, unknown>, ref: null) => ReactElement<Record<string, unknown>> }

const kept = new Map<LucideIcon, Map<string, ReactElement>>()

/**
 * A decorative lucide icon whose SVG is made once and reused: lucide builds the SVG's attributes
 * anew on every render (class names merged, attributes copied, the path elements made), 8–9 % of
 * "my visits" CPU with four icons on each of its ~50 rows. Same markup as
 * `<Icon aria-hidden="true" size={size} className={className} />` (app/components/kept-icon.test.tsx
 * compares them). It calls lucide's own two render functions once per icon, size and class; the
 * only hook in them reads lucide's context, which this app never provides (no LucideProvider), and
 * React allows reading a context conditionally. For icons in rows that repeat; single icons need not.
 */
export function KeptIcon({ icon, size, className }: { icon: LucideIcon; size: number; className: string }) {
  return keptElement(icon, size, className)
}

function keptElement(icon: LucideIcon, size: number, className: string) {
  let bySize = kept.get(icon)
  if (!bySize) kept.set(icon, (bySize = new Map()))
  const key = `${size} ${className}`
  let element = bySize.get(key)
  if (!element) {
    const outer = (icon as unknown as ForwardRender).render({ 'aria-hidden': 'true', size, className }, null)
    element = (outer.type as unknown as ForwardRender).render(outer.props, null)
    bySize.set(key, element)
  }
  return element
}

const shared = new Map<string, ReactElement>()

function spriteId(icon: LucideIcon) {
  return `icon-${icon.displayName ?? 'unnamed'}`
}

/**
 * An icon repeated on every row of a long table, drawn once: the same outer <svg> as lucide's
 * (size, stroke, classes, aria-hidden), whose drawing is a <use> of the icon's <symbol> in the
 * table's IconSprite. On "my visits" the five icons of each of its ~40 rows repeated their paths
 * (CalendarDays alone has ten elements): 138 KB became 113 KB, and React writes ~1,000 fewer
 * elements (−28 % CPU together with README decision 28); the browser draws the same picture (the stroke attributes on the outer <svg> are
 * inherited into the <use>, and the symbol has the icon's 24×24 viewBox). The page must render an
 * <IconSprite> with this icon once, before or after (a <use> finds its symbol anywhere on the page).
 */
export function SharedIcon({ icon, size, className }: { icon: LucideIcon; size: number; className: string }) {
  const key = `${spriteId(icon)} ${size} ${className}`
  let element = shared.get(key)
  if (!element) {
    element = cloneElement(keptElement(icon, size, className), undefined, <use href={`#${spriteId(icon)}`} />)
    shared.set(key, element)
  }
  return element
}

/** The drawings SharedIcon points at, once per page; hidden and out of the layout (app.css `.icon-sprite`). */
export function IconSprite({ icons }: { icons: LucideIcon[] }) {
  return (
    <svg className="icon-sprite" aria-hidden="true" focusable="false">
      {icons.map((icon) => {
        const drawing = keptElement(icon, 24, 'sprite') as ReactElement<{ viewBox: string; children: ReactElement[] }>
        return (
          <symbol key={spriteId(icon)} id={spriteId(icon)} viewBox={drawing.props.viewBox}>
            {drawing.props.children}
          </symbol>
        )
      })}
    </svg>
  )
}
