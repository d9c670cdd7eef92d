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

export type ScreenData = { facilityName: string; token: string; today: string; now: string; todays: BoardVisit[]; next: BoardVisit[] }

/** The common-room screen (app/routes/who-comes.$token.tsx): today's visits, cancellations said plainly, then the next ones. */
export function ScreenView({ facilityName, token, today, now, todays, next }: ScreenData) {
  const { t } = useTranslation(['whocomes', 'common'])
  const locale = useBoardLocale()
  const photoSrc = (photoId: string) => `/who-comes/${token}/photo/${photoId}`
  return (
    <main id="main" className="who-screen">
      <header className="who-screen-header">
        <h1>{t('screen.heading')}</h1>
        <p className="who-screen-date">{t('screen.today', { date: boardDay(today, locale) })}</p>
        <p className="who-screen-place">{facilityName}</p>
      </header>
      <section aria-label={t('screen.heading')}>
        {todays.length === 0 ? (
          <p className="who-screen-none">{t('screen.noneToday')}</p>
        ) : (
          <ul className="who-screen-today">
            {todays.map((visit) =>
              visit.status === 'cancelled' ? (
                <li key={visit.id} className="who-screen-visit who-cancelled">
                  <VolunteerFace visit={visit} photoSrc={photoSrc} />
                  <p className="who-not-coming">{t('screen.notComing', { name: visit.firstName })}</p>
                </li>
              ) : (
                <li key={visit.id} className="who-screen-visit">
                  <VolunteerFace visit={visit} photoSrc={photoSrc} />
                  <div>
                    <p className="who-name">{visit.firstName}</p>
                    <p className="who-time">{t('screen.time', { from: visit.start, to: visit.end })}</p>
                    {visit.status === 'done' || visit.end <= now ? <p className="who-over">{t('screen.over')}</p> : null}
                    <TaskPictograms tasks={visit.tasks} />
                  </div>
                </li>
              ),
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="screen-next">
        <h2 id="screen-next">{t('screen.next')}</h2>
        {next.length === 0 ? (
          <p className="who-screen-none">{t('screen.noneNext')}</p>
        ) : (
          <ul className="who-screen-next">
            {next.map((visit) => (
              <li key={visit.id}>
                <VolunteerFace visit={visit} photoSrc={photoSrc} />
                <span className="who-next-day">{boardDay(visit.localDate, locale)}</span>
                <span className="who-next-time">{t('screen.time', { from: visit.start, to: visit.end })}</span>
                <span className="who-next-name">{visit.firstName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="who-screen-updated">{t('screen.updated', { time: now })}</p>
    </main>
  )
}

/** Signed in as staff, photos come through the viewer's own permission (app/routes/photos.$photoId.ts). */
const signedInPhotoSrc = (photoId: string) => `/photos/${photoId}`

/** Smaller type as a week fills up, so that two weeks stay on one A4 page. */
function posterDensity(visits: number) {
  if (visits > 10) return ' who-compact who-dense'
  if (visits > 4) return ' who-compact'
  return ''
}

export type PosterData = { facilityName: string; weeks: { monday: string; sunday: string; visits: BoardVisit[] }[] }

/** The A4 poster (app/routes/facility+/$facilityId.who-comes_.poster.tsx): this week and next, cancelled visits left out. */
export function PosterView({ facilityName, weeks }: PosterData) {
  const { t } = useTranslation(['whocomes', 'common'])
  const locale = useBoardLocale()
  return (
    <article className="who-poster" aria-labelledby="poster-title">
      <header className="who-poster-header">
        <h1 id="poster-title">{t('poster.heading')}</h1>
        <p>{t('poster.subheading', { name: facilityName })}</p>
      </header>
      {weeks.map((week, index) => {
        const headingId = `poster-week-${index}`
        return (
          <section key={week.monday} aria-labelledby={headingId} className="who-poster-week">
            <h2 id={headingId}>
              {index === 0 ? t('poster.thisWeek') : t('poster.nextWeek')}{' '}
              <span className="who-poster-range">{t('poster.weekRange', { from: boardDay(week.monday, locale), to: boardDay(week.sunday, locale) })}</span>
            </h2>
            {week.visits.length === 0 ? (
              <p className="who-poster-empty">{t('poster.empty')}</p>
            ) : (
              <ul className={`who-poster-visits${posterDensity(week.visits.length)}`}>
                {week.visits.map((visit) => (
                  <li key={visit.id} className="who-poster-visit">
                    <VolunteerFace visit={visit} photoSrc={signedInPhotoSrc} />
                    <div>
                      <p className="who-when">
                        <span className="who-day">{boardDay(visit.localDate, locale)}</span>{' '}
                        <span className="who-time">{t('poster.time', { from: visit.start, to: visit.end })}</span>
                      </p>
                      <p className="who-name">{visit.firstName}</p>
                      <TaskPictograms tasks={visit.tasks} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      })}
      <p className="who-poster-footer">{t('poster.footer')}</p>
    </article>
  )
}
