import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxField, ErrorSummary, Field, FormScope, SelectField, SubmitButton, TextAreaField } from '~/components/forms'
import { PrivacyReminder, TagFieldset } from '~/components/threads'
import { EmptyState } from '~/components/empty-state'
import { accessTo } from '~/models/space.server'
import { postBodyField, resolveSpace, spacesOverview, startThread, threadTitleField } from '~/models/thread.server'
import threadStyles from '~/styles/threads.css'
import { checkboxField, formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { forbidden } from '~/utils/permissions.server'
import { requireSpaces } from '~/models/space-access.server'
import { parseSpaceKey, THREAD_TAGS } from '~/utils/threads'
import { redirectWithToast } from '~/utils/toast.server'

const NewThreadSchema = z.object({
  space: z.string({ required_error: 'validation.choose' }).min(1, 'validation.choose'),
  title: threadTitleField,
  body: postBodyField,
  tags: z.array(z.enum(THREAD_TAGS as [string, ...string[]], { errorMap: () => ({ message: 'validation.choose' }) })).max(6, 'threads:form.tooManyTags'),
  announcement: checkboxField,
})

export const handle = { i18n: ['threads'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: threadStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { spaces } = await requireSpaces(request)
  const overview = await spacesOverview(spaces, { all: true })
  const t = await getFixedT(request, 'threads')
  const options = overview.spaces
    .filter((space) => accessTo(spaces, space).post)
    .map((space) => ({
      value: space.key,
      label: space.facilityId ? t('newThread.facilitySpace', { name: space.name }) : t('spaces.networkName', { centre: space.name }),
      announce: accessTo(spaces, space).announce,
    }))
  const wanted = new URL(request.url).searchParams.get('space')
  return json({
    title: t('newThread.title'),
    options,
    selected: options.some((o) => o.value === wanted) ? wanted : (options[0]?.value ?? ''),
    canAnnounce: options.some((o) => o.announce),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, spaces } = await requireSpaces(request)
  const formData = await readForm(request)
  const form = parseForm(formData, NewThreadSchema, { arrayFields: ['tags'] })
  if (!form.ok) return json(form, { status: 400 })
  const ref = parseSpaceKey(form.data.space)
  const space = ref ? await resolveSpace(ref) : null
  if (!space) return formFailure(formData, { fieldErrors: { space: ['validation.choose'] } })
  const access = accessTo(spaces, space)
  if (!access.post) forbidden()
  if (!space.centreId) return formFailure(formData, { fieldErrors: { space: ['threads:form.noCentre'] } })
  if (form.data.announcement && !access.announce) return formFailure(formData, { fieldErrors: { announcement: ['threads:form.announceNotAllowed'] } })
  const { threadId } = await startThread(user.id, space, { title: form.data.title, body: form.data.body, tags: form.data.tags, announcement: form.data.announcement })
  return redirectWithToast(`/threads/${threadId}`, { key: 'threads:toast.started' })
}

export default function NewThreadPage() {
  const { t } = useTranslation('threads')
  const { options, selected, canAnnounce } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="threads-page narrow">
      <p>
        <Link to="/threads">{t('space.allSpaces')}</Link>
      </p>
      <h1>{t('newThread.title')}</h1>
      {options.length === 0 ? (
        <EmptyState>{t('newThread.noSpaces')}</EmptyState>
      ) : (
        <Form method="post" className="stack" noValidate>
          <FormScope id="thread-new">
          <ErrorSummary state={state} labels={{ space: t('newThread.space'), title: t('newThread.titleLabel'), body: t('newThread.body'), announcement: t('newThread.announcement') }} />
          <SelectField label={t('newThread.space')} name="space" state={state} options={options.map(({ value, label }) => ({ value, label }))} defaultValue={selected ?? ''} />
          <Field label={t('newThread.titleLabel')} name="title" state={state} hint={t('newThread.titleHint')} maxLength={150} />
          <TagFieldset state={state} legend={t('newThread.tags')} hint={t('newThread.tagsHint')} />
          <PrivacyReminder id="privacy-reminder" />
          <TextAreaField label={t('newThread.body')} name="body" state={state} hint={t('editor.formatHint')} rows={10} />
          {canAnnounce ? <CheckboxField label={t('newThread.announcement')} name="announcement" state={state} /> : null}
          <SubmitButton>{t('newThread.submit')}</SubmitButton>
          </FormScope>
        </Form>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
