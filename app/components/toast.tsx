import { useTranslation } from 'react-i18next'
import type { Toast } from '~/utils/toast.server'

/** The one-time confirmation after a change, announced politely to screen readers. */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation()
  // Values travel in the cookie as text; a whole-number count becomes a number again so the
  // message can say "ingen besøg" or "1 visit" instead of "0 besøg" or "1 visits".
  const values = Object.fromEntries(Object.entries(toast?.values ?? {}).map(([name, value]) => [name, name === 'count' && /^\d+$/.test(value) ? Number(value) : value]))
  return (
    <div role="status" aria-live="polite" className="toast-region">
      {toast ? <p className={`toast toast-${toast.kind ?? 'success'}`}>{t(toast.key, values)}</p> : null}
    </div>
  )
}
