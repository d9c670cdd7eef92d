import { useTranslation } from 'react-i18next'
import type { Toast } from '~/utils/toast.server'

/** The one-time confirmation after a change, announced politely to screen readers. */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation()
  return (
    <div role="status" aria-live="polite" className="toast-region">
      {toast ? <p className={`toast toast-${toast.kind ?? 'success'}`}>{t(toast.key, toast.values ?? {})}</p> : null}
    </div>
  )
}
