import { CalendarClock, CircleCheck, CircleSlash, CircleX, Hourglass, type LucideIcon } from 'lucide-react'
import { KeptIcon } from './kept-icon'

/**
 * Statuses share five looks (app.css `.status-*`, colours in `--status-*`): done, no-show,
 * cancelled, planned and waiting. The word always says the status; icon and colour repeat it.
 */
type Look = 'done' | 'no-show' | 'cancelled' | 'planned' | 'waiting'

const ICONS: Record<Look, LucideIcon> = { done: CircleCheck, 'no-show': CircleSlash, cancelled: CircleX, planned: CalendarClock, waiting: Hourglass }

/** A visit's status (planned, done, no_show, cancelled) as a look. */
export function visitLook(status: string): Look {
  return status === 'no_show' ? 'no-show' : status === 'done' || status === 'cancelled' ? status : 'planned'
}

/** An application's status as a look: waiting for an answer, matched, or not (any more). */
export function applicationLook(status: string): Look {
  return status === 'matched' ? 'done' : status === 'declined' ? 'cancelled' : status === 'withdrawn' ? 'no-show' : 'waiting'
}

/** The icon of a look, for tables that draw it once (SharedIcon, kept-icon.tsx). */
export function statusIconOf(look: Look): LucideIcon {
  return ICONS[look]
}

export function StatusIcon({ look }: { look: Look }) {
  return <KeptIcon icon={ICONS[look]} size={16} className="status-icon" />
}

/** A status badge: icon and word on the status's colour. */
export function StatusBadge({ look, children, className }: { look: Look; children: React.ReactNode; className?: string }) {
  return (
    <span className={['status-badge', `status-${look}`, className].filter(Boolean).join(' ')}>
      <StatusIcon look={look} />
      {children}
    </span>
  )
}
