import type { LucideIcon } from 'lucide-react'
import type { ReactElement } from 'react'

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
