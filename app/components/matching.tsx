import type { SerializeFrom } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field, FormScope, type FormState, SelectField, SubmitButton, TextAreaField } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { formatDate } from '~/utils/dates'
import type { CheckRecord, MissingCheck } from '~/models/check.server'
import type { VolunteerProfileForCentre } from '~/models/match.server'
import { localeOf, CHECK_KINDS, parseList } from '~/utils/domain'
import type { Reason } from '~/utils/match-score'

/** A score's reasons as a list of sentences, with points, in the reader's language. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation(['matching', 'common'])
  const item = (code: string, reason: Reason) => {
    // Task names are labels ("Sociale medier"); inside a sentence they start in lower case.
    if (reason.code === 'tasks') return lowerFirst(t(`common:task.${code}`))
    if (reason.code === 'availability' || reason.code === 'partlyAvailable') {
      const [weekday, part] = code.split('.')
      return `${t(`common:weekday.${weekday}`)} ${t(`matching:dayPart.${part}`)}`
    }
    return t(`matching:language.${code}`, { defaultValue: code })
  }
  return (
    <ul className="reasons">
      {reasons.map((reason) => (
        <li key={reason.code} className={reason.points < 0 ? 'reason-minus' : undefined}>
          {t(`matching:reason.${reason.code}`, { count: reason.count, items: (reason.items ?? []).map((code) => item(code, reason)).join(', ') })}{' '}
          <span className="hint">({t('matching:reason.points', { points: reason.points > 0 ? `+${reason.points}` : reason.points })})</span>
        </li>
      ))}
    </ul>
  )
}

function lowerFirst(text: string) {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1)
}

/** Recorded checks and the form to record a new one. */
export function ChecksSection({
  checks,
  missing,
  required,
  state,
  headingLevel = 2,
}: {
  checks: SerializeFrom<CheckRecord>[]
  missing?: SerializeFrom<MissingCheck>[]
  required?: string[]
  state: FormState
  headingLevel?: 2 | 3
}) {
  const { t, i18n } = useTranslation(['matching', 'common'])
  const locale = localeOf(i18n.language)
  const Heading = `h${headingLevel}` as const
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4'
  const recordFailed = state?.values?.intent === 'record-check'
  return (
    <section aria-labelledby="checks-heading">
      <Heading id="checks-heading">{t('checks.heading')}</Heading>
      {required ? (
        <p>{required.length ? t('checks.required', { kinds: required.map((kind) => t(`checkKind.${kind}`)).join(', ') }) : t('checks.requiredNone')}</p>
      ) : null}
      {missing && required?.length ? (
        missing.length === 0 ? (
          <p className="callout">{t('checks.allGood')}</p>
        ) : (
          <ul className="form-error" aria-label={t('checks.heading')}>
            {missing.map((m) => (
              <li key={m.kind}>
                {m.reason === 'expired'
                  ? t('checks.expired', { kind: t(`checkKind.${m.kind}`), date: m.expiredAt ? formatDate(m.expiredAt, locale) : '' })
                  : t('checks.missing', { kind: t(`checkKind.${m.kind}`) })}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {checks.length === 0 ? (
        <EmptyState>{t('checks.empty')}</EmptyState>
      ) : (
        <ul className="card-list">
          {checks.map((check) => (
            <li key={check.id} className="card">
              <strong>{t(`checkKind.${check.kind}`)}</strong>: {formatDate(check.checkedAt, locale)} ·{' '}
              {check.expiresAt ? t('checks.expiresOn', { date: formatDate(check.expiresAt, locale) }) : t('checks.noExpiry')}
              {check.recordedBy ? <> · {t('checks.recordedBy', { name: check.recordedBy.name })}</> : null}
              {check.note ? <p className="prewrap">{check.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Sub>{t('checks.record')}</Sub>
      <Form method="post" className="stack" noValidate>
        <FormScope id="check-record-check">
        <input type="hidden" name="intent" value="record-check" />
        <ErrorSummary state={recordFailed ? state : undefined} labels={{ kind: t('checks.kind'), checkedAt: t('checks.checkedAtLabel'), expiresAt: t('checks.expiresAtLabel'), note: t('checks.note') }} />
        <SelectField
          label={t('checks.kind')}
          name="kind"
          state={recordFailed ? state : undefined}
          defaultValue={missing?.[0]?.kind}
          options={CHECK_KINDS.map((kind) => ({ value: kind, label: t(`checkKind.${kind}`) }))}
        />
        <Field label={t('checks.checkedAtLabel')} name="checkedAt" type="date" state={recordFailed ? state : undefined} />
        <Field label={t('checks.expiresAtLabel')} name="expiresAt" type="date" hint={t('checks.expiresHint')} state={recordFailed ? state : undefined} />
        <TextAreaField label={t('checks.note')} name="note" rows={2} state={recordFailed ? state : undefined} />
        <SubmitButton>{t('checks.submit')}</SubmitButton>
        </FormScope>
      </Form>
    </section>
  )
}

/**
 * A volunteer's profile as their centre sees it: contact data, where they live and help, skills,
 * availability, languages and the bio. The application page adds the employer and a heading
 * above the bio.
 */
export function VolunteerProfileDetails({
  volunteer,
  profile,
  showEmployer = false,
  bioHeading = false,
  courses = [],
}: {
  volunteer: { phone: string | null; email: string }
  /** Courses completed at the centre's events (completedCourses in app/models/event.server.ts). */
  courses?: { eventId: string; title: string; completedAt: string }[]
  // Dates arrive as text from the loader; this block shows none of them.
  profile: Omit<VolunteerProfileForCentre, 'pausedAt'> | null | undefined
  showEmployer?: boolean
  bioHeading?: boolean
}) {
  const { t, i18n } = useTranslation(['matching', 'common'])
  return (
    <>
      <dl className="meta-list">
        <dt>{t('application.phone')}</dt>
        <dd>{volunteer.phone ?? t('application.noPhone')}</dd>
        <dt>{t('application.email')}</dt>
        <dd>
          <a href={`mailto:${volunteer.email}`}>{volunteer.email}</a>
        </dd>
        <dt>{t('application.municipality')}</dt>
        <dd>
          {profile?.postcode ?? ''} {profile?.municipality?.name ?? ''}
        </dd>
        <dt>{t('application.areas')}</dt>
        <dd>{profile?.areas.map((a) => a.municipality.name).join(', ')}</dd>
        <dt>{t('application.skills')}</dt>
        <dd>{profile?.skills.map((s) => `${t(`common:task.${s.task}`)} (${t(`application.level.${s.level}`)})`).join(', ')}</dd>
        <dt>{t('application.availability')}</dt>
        <dd>{profile?.availability.map((a) => `${t(`common:weekday.${a.weekday}`)} ${t(`dayPart.${a.part}`)}`).join(', ')}</dd>
        <dt>{t('application.languages')}</dt>
        <dd>{parseList(profile?.languages).map((code) => t(`language.${code}`, { defaultValue: code })).join(', ')}</dd>
        {showEmployer && profile?.employer ? (
          <>
            <dt>{t('application.employer')}</dt>
            <dd>{profile.employer}</dd>
          </>
        ) : null}
        <dt>{t('application.courses')}</dt>
        <dd>{courses.length ? courses.map((c) => t('application.course', { title: c.title, date: formatDate(c.completedAt, localeOf(i18n.language)) })).join('; ') : t('application.noCourses')}</dd>
      </dl>
      {profile?.bio ? (
        bioHeading ? (
          <>
            <h3>{t('application.bio')}</h3>
            <p className="prewrap">{profile.bio}</p>
          </>
        ) : (
          <p className="prewrap">{profile.bio}</p>
        )
      ) : null}
    </>
  )
}
