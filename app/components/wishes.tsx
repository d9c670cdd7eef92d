import { Camera, Gamepad2, Mail, Music, ShieldCheck, Tv, Users, Video, type LucideIcon } from 'lucide-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, type FormState } from '~/components/forms'
import type { OpenWish, WishNeed } from '~/models/wish.server'
import { localeOf } from '~/utils/domain'
import { FEEDBACK, FEEDBACK_FACE, type CommonWishKey, type Feedback, type WishState } from '~/utils/wishes'

/** The pictogram on each big button of easy-read mode; the button's text says the same in words. */
export const WISH_ICON: Record<CommonWishKey, LucideIcon> = {
  video_family: Video,
  music: Music,
  photos: Camera,
  news_tv: Tv,
  games: Gamepad2,
  messages: Mail,
  facebook: Users,
  safe_online: ShieldCheck,
}

/** A wish's state in words (never only by colour). */
export function WishStateLabel({ state }: { state: WishState }) {
  const { t } = useTranslation('wishes')
  return <span className={`wish-state wish-state-${state}`}>{t(`stateOne.${state}`)}</span>
}

/**
 * The residents' three faces as radio buttons. Each has its word as the label; the face beside
 * it is hidden from screen readers, which would otherwise read "smiling face with smiling eyes".
 */
export function FeedbackChoice({ state, name = 'feedback', defaultValue }: { state: FormState; name?: string; defaultValue?: string }) {
  const { t } = useTranslation('wishes')
  const id = useId()
  const errors = state?.fieldErrors?.[name]
  const sent = state?.values ? [state.values[name] ?? []].flat() : defaultValue ? [defaultValue] : []
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ')
  return (
    <fieldset className="choice-group feedback-faces" aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined}>
      <legend>{t('feedback.legend')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('feedback.hint')}
      </p>
      <div className="faces">
        {FEEDBACK.map((face) => (
          <div key={face} className="field-radio face-choice">
            <input id={`${id}-${face}`} type="radio" name={name} value={face} defaultChecked={sent.includes(face)} />
            <label htmlFor={`${id}-${face}`}>
              <span aria-hidden="true" className="face">
                {FEEDBACK_FACE[face]}
              </span>{' '}
              {t(`feedback.${face}`)}
            </label>
          </div>
        ))}
      </div>
      <ErrorList id={`${id}-errors`} errors={errors} />
    </fieldset>
  )
}

/** "😊 Glad" as text, the face hidden from screen readers. */
export function FeedbackText({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation('wishes')
  return (
    <>
      <span aria-hidden="true">{FEEDBACK_FACE[feedback]}</span> {t(`feedback.${feedback}`)}
    </>
  )
}

/** The wishes an ad answers, on the ad's page for staff and the centre: what and how many, never who. */
export function AdWishes({ wishes }: { wishes: { id: string; what: string; residentCount: number; state: WishState }[] }) {
  const { t } = useTranslation('wishes')
  if (wishes.length === 0) return null
  return (
    <section aria-labelledby="ad-wishes-heading" className="card">
      <h2 id="ad-wishes-heading">{t('ad.answers')}</h2>
      <p className="hint">{t('ad.answersIntro')}</p>
      <ul>
        {wishes.map((wish) => (
          <li key={wish.id}>
            {wish.what} · {t('residents', { count: wish.residentCount })} · <WishStateLabel state={wish.state} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * The residents' wishes across facilities against the volunteers available for their tasks —
 * where help is missing first (wishNeeds, centreOpenWishes in app/models/wish.server.ts). Shown to
 * the centre (/centre/wishes) and the municipality (/municipality/wishes); no resident is named.
 */
export function WishNeedsTables({ needs, wishes }: { needs: WishNeed[]; wishes: OpenWish[] }) {
  const { t, i18n } = useTranslation(['wishes', 'common'])
  const number = new Intl.NumberFormat(localeOf(i18n.language) === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })
  return (
    <>
    {needs.length === 0 ? (
      <p className="empty">{t('centre.empty')}</p>
    ) : (
      <>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a wide table scrolls in its box on a phone; the keyboard must be able to scroll it */}
        <div className="table-wrap" role="region" aria-label={t('centre.needsCaption')} tabIndex={0}>
          <table>
            <caption>{t('centre.needsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('centre.municipality')}</th>
                <th scope="col">{t('centre.task')}</th>
                <th scope="col">{t('centre.wishes')}</th>
                <th scope="col">{t('centre.residents')}</th>
                <th scope="col">{t('centre.facilities')}</th>
                <th scope="col">{t('centre.volunteers')}</th>
                <th scope="col">{t('centre.status')}</th>
              </tr>
            </thead>
            <tbody>
              {needs.map((need) => (
                <tr key={`${need.municipalityId}-${need.task}`}>
                  <td>{need.municipality}</td>
                  <th scope="row">{t(`common:task.${need.task}`)}</th>
                  <td>{need.wishes}</td>
                  <td>{need.residents}</td>
                  <td>{need.facilities}</td>
                  <td>{need.volunteers}</td>
                  <td>
                    {need.volunteers === 0 ? <strong>{t('centre.missing')}</strong> : t('centre.perVolunteer', { ratio: number.format(need.residents / need.volunteers) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t('centre.listHeading')}</h2>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- as above */}
        <div className="table-wrap" role="region" aria-label={t('centre.listCaption')} tabIndex={0}>
          <table>
            <caption>{t('centre.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('centre.municipality')}</th>
                <th scope="col">{t('centre.facility')}</th>
                <th scope="col">{t('centre.what')}</th>
                <th scope="col">{t('centre.task')}</th>
                <th scope="col">{t('centre.residents')}</th>
                <th scope="col">{t('centre.state')}</th>
              </tr>
            </thead>
            <tbody>
              {wishes.map((wish) => (
                <tr key={wish.id}>
                  <td>{wish.municipality}</td>
                  <td>{wish.facility}</td>
                  <th scope="row">{wish.what}</th>
                  <td>{wish.tasks.map((task) => t(`common:task.${task}`)).join(', ')}</td>
                  <td>{wish.residentCount}</td>
                  <td>
                    <WishStateLabel state={wish.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    )}
    </>
  )
}
