import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EventFields } from '~/components/events'
import { SubmitButton } from '~/components/forms'
import { createEvent } from '~/models/event.server'
import { EventFormSchema } from '~/utils/event-form'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle = { i18n: ['events'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'centre:work')
  const t = await getFixedT(request, 'events')
  return json({ title: t('form.newTitle') })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'centre:work')
  const formData = await readForm(request)
  const form = parseForm(formData, EventFormSchema)
  if (!form.ok) return json(form, { status: 400 })
  const { eventId } = await createEvent(user.id, user.centreId!, form.data)
  return redirectWithToast(`/centre/events/${eventId}`, { key: 'events:form.created', values: { title: form.data.title } })
}

export default function NewEventPage() {
  const { t } = useTranslation(['events', 'common'])
  const state = useActionData<typeof action>()
  return (
    <div>
      <p>
        <Link to="/centre/events">{t('centre.back')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <p className="lead">{t('form.newIntro')}</p>
      <Form method="post" className="stack" noValidate>
        <EventFields state={state} />
        <SubmitButton>{t('form.create')}</SubmitButton>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
