import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormError, SelectField, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { formatDate } from '~/utils/dates'
import { localeOf, CHECK_KINDS } from '~/utils/domain'
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

type CheckRow = { id: string; kind: string; checkedAt: string | Date; expiresAt: string | Date | null; note: string | null; recordedBy: { name: string } | null }

/** Recorded checks and the form to record a new one. */
export function ChecksSection({
  checks,
  missing,
  required,
  state,
  headingLevel = 2,
}: {
  checks: CheckRow[]
  missing?: { kind: string; reason: 'missing' | 'expired'; expiredAt?: string | Date }[]
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
        <p className="empty">{t('checks.empty')}</p>
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
        <input type="hidden" name="intent" value="record-check" />
        {recordFailed ? <FormError state={state} /> : null}
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
      </Form>
    </section>
  )
}
