import { Inbox, type LucideIcon } from 'lucide-react'

/**
 * "Nothing here yet", said kindly: a small icon, one sentence, and where it helps the next thing to
 * do (a link or a button). Replaces the bare italic <p className="empty">.
 */
export function EmptyState({ children, action, icon: Icon = Inbox }: { children: React.ReactNode; action?: React.ReactNode; icon?: LucideIcon }) {
  return (
    <div className="empty-state">
      <Icon aria-hidden="true" size={28} className="empty-state-icon" />
      <div>
        <p className="empty-state-text">{children}</p>
        {action ? <p className="empty-state-action">{action}</p> : null}
      </div>
    </div>
  )
}
