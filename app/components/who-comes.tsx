import { Camera, Coffee, Gamepad2, HeartHandshake, Laptop, Mail, Music, ShieldCheck, TabletSmartphone, Users, Video, type LucideIcon } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { BoardVisit } from '~/models/who-comes.server'
import { formatLocalDate } from '~/utils/dates'
import { isLocale, type Locale, type Task } from '~/utils/domain'

/** A pictogram for each task code, so residents who do not read can see what the visit is about. */
const TASK_ICONS: Record<Task, LucideIcon> = {
  social_media: Users,
  email: Mail,
  video_calls: Video,
  music_streaming: Music,
  photos: Camera,
  games: Gamepad2,
  tablets_phones: TabletSmartphone,
  online_safety: ShieldCheck,
  internet_cafe: Coffee,
  staff_programs: Laptop,
  relatives_support: HeartHandshake,
}

/** The pictograms with their words beneath (the words are what screen readers and readers get). */
export function TaskPictograms({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation('common')
  if (tasks.length === 0) return null
  return (
    <ul className="who-tasks">
      {tasks.map((task) => {
        const Icon = TASK_ICONS[task]
        return (
          <li key={task}>
            <Icon aria-hidden="true" focusable="false" className="who-task-icon" />
            <span>{t(`task.${task}`)}</span>
          </li>
        )
      })}
    </ul>
  )
}

/**
 * The volunteer's photo (only with consent, from `photoSrc`) or the first name's initial in a
 * circle. Decorative next to the name, which is always written out beside it.
 */
export function VolunteerFace({ visit, photoSrc }: { visit: Pick<BoardVisit, 'photoId' | 'initial'>; photoSrc: (photoId: string) => string }) {
  if (visit.photoId) return <img className="who-face" src={photoSrc(visit.photoId)} alt="" width={400} height={400} />
  return (
    <span className="who-face who-initial" aria-hidden="true">
      {visit.initial}
    </span>
  )
}

/** "Tirsdag 1. december" / "Tuesday 1 December": the day as the board writes it, capitalised. */
export function boardDay(localDate: string, locale: Locale) {
  const text = formatLocalDate(localDate, locale, locale === 'da' ? 'EEEE d. MMMM' : 'EEEE d MMMM')
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)
}

/** The reader's language from the translation in use (the page renders in it). */
export function useBoardLocale(): Locale {
  const { i18n } = useTranslation()
  return isLocale(i18n.language) ? i18n.language : 'da'
}
