import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ethicsPolicyOverview } from '~/models/ethics-template.server'
import { formatDate, formatLocalDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { ErrorSummary, Field, FormError, FormScope, type FormState, SubmitButton, TextAreaField } from './forms'

type Overview = NonNullable<Awaited<ReturnType<typeof ethicsPolicyOverview>>>
// Dates arrive as JSON strings in the browser.
type Serialized<T> = T extends Date ? string : T extends (infer U)[] ? Serialized<U>[] : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T

/**
 * The facility's policy as a whole, above its entries: the municipal template (adopt it in one
 * step, or see what changed in it since), and the reviews with residents and staff.
 */
export function EthicsPolicyState({ policy, today, state }: { policy: Serialized<Overview>; today: string; state: FormState }) {
  const { t, i18n } = useTranslation('municipality')
  const locale = localeOf(i18n.language)
  const intent = state?.values?.intent
  const reviewState = intent === 'review' ? state : undefined
  return (
    <>
      <section aria-labelledby="template-heading" className="card">
        <h2 id="template-heading">{t('policy.templateHeading', { municipality: policy.municipality })}</h2>
        <FormError state={intent === 'adopt' || intent === 'acknowledge' ? state : undefined} />
        {!policy.template ? (
          <p className="empty">{t('policy.noTemplate')}</p>
        ) : policy.adoptedAt ? (
          <>
            <p>{t('policy.adoptedOn', { date: formatDate(policy.adoptedAt, locale) })}</p>
            {policy.changedSince && policy.changes ? (
              <div className="callout" role="status">
                <p>
                  <strong>{t('policy.changedSince')}</strong>
                </p>
                <details>
                  <summary>{t('policy.seeChanges')}</summary>
                  <ChangeList title={t('policy.added')} entries={policy.changes.added} />
                  <ChangeList title={t('policy.changed')} entries={policy.changes.changed.map((change) => change.after)} />
                  <ChangeList title={t('policy.removed')} entries={policy.changes.removed} />
                </details>
                <Form method="post">
                  <input type="hidden" name="intent" value="acknowledge" />
                  <p className="hint">{t('policy.acknowledgeHint')}</p>
                  <SubmitButton className="button button-small">{t('policy.acknowledge')}</SubmitButton>
                </Form>
              </div>
            ) : (
              <p>{t('policy.upToDate')}</p>
            )}
          </>
        ) : (
          <Form method="post">
            <p>{t('policy.templateOffer', { count: policy.template.entries, date: formatDate(policy.template.updatedAt, locale) })}</p>
            <input type="hidden" name="intent" value="adopt" />
            <SubmitButton>{t('policy.adopt')}</SubmitButton>
          </Form>
        )}
      </section>

      <section aria-labelledby="review" className="card" id="review-section">
        <h2 id="review">{t('policy.reviewHeading')}</h2>
        <p>{policy.reviewedOn ? t('policy.lastReviewed', { date: formatLocalDate(policy.reviewedOn, locale) }) : t('policy.neverReviewed')}</p>
        <p className="hint">{t('policy.reviewIntro')}</p>
        {policy.reviews.length > 0 ? (
          <ul>
            {policy.reviews.map((review) => (
              <li key={review.id}>
                {formatLocalDate(review.reviewedOn, locale)}: {t('policy.participants', { residents: review.residents, staff: review.staff })}
                {review.otherRoles ? ` · ${review.otherRoles}` : ''}
                {review.note ? ` — ${review.note}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <h3>{t('policy.recordReview')}</h3>
          <input type="hidden" name="intent" value="review" />
          <FormScope id="review">
            <ErrorSummary
              state={reviewState}
              labels={{ reviewedOn: t('policy.reviewedOn'), residents: t('policy.residents'), staff: t('policy.staff'), otherRoles: t('policy.otherRoles'), note: t('policy.note') }}
            />
            <Field label={t('policy.reviewedOn')} name="reviewedOn" type="date" defaultValue={today} max={today} required state={reviewState} />
            <Field label={t('policy.residents')} name="residents" type="number" min={0} max={500} defaultValue="0" state={reviewState} />
            <Field label={t('policy.staff')} name="staff" type="number" min={0} max={500} defaultValue="0" state={reviewState} />
            <Field label={t('policy.otherRoles')} name="otherRoles" hint={t('policy.otherRolesHint')} state={reviewState} />
            <TextAreaField label={t('policy.note')} name="note" hint={t('policy.noteHint')} rows={2} state={reviewState} />
          </FormScope>
          <SubmitButton>{t('policy.saveReview')}</SubmitButton>
        </Form>
      </section>
    </>
  )
}

function ChangeList({ title, entries }: { title: string; entries: { id: string; technology: string; agreedValues: string }[] }) {
  if (entries.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.technology}</strong>: {entry.agreedValues}
          </li>
        ))}
      </ul>
    </>
  )
}
