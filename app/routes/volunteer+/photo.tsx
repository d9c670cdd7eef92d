import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, ErrorList, ErrorSummary, FormScope, type FormState, SubmitButton, useFieldId } from '~/components/forms'
import { useBoardLocale } from '~/components/who-comes'
import { deleteVolunteerPhoto, photoOf, saveVolunteerPhoto } from '~/models/who-comes.server'
import whoComesStyles from '~/styles/who-comes.css'
import { formatDate } from '~/utils/dates'
import { formFailure, readForm, type FormFailure } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requireRole } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { MAX_PHOTO_BYTES } from '~/utils/who-comes'

export const handle = { i18n: ['whocomes', 'volunteer'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: whoComesStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const t = await getFixedT(request, 'whocomes')
  return json({ title: t('photo.title'), photo: photoOf(user.id) })
}

/**
 * The upload is the one multipart form of the app. Its body may be larger than other forms'
 * (app/server/body-limit.ts allows this path more), and the photo part is read into memory only up
 * to MAX_PHOTO_BYTES: one byte more and reading stops with the message next to the field.
 */
async function readPhotoForm(request: Request): Promise<FormData | 'too-large'> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return readForm(request)
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return 'too-large'
    throw json<FormFailure>({ ok: false, fieldErrors: {}, formError: 'validation.badRequest', values: {} }, { status: 400 })
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const formData = await readPhotoForm(request)
  if (formData === 'too-large') {
    return json<FormFailure>({ ok: false, fieldErrors: { photo: ['whocomes:photo.tooLarge'] }, values: {} }, { status: 400 })
  }
  if (formData.get('intent') === 'delete') {
    await deleteVolunteerPhoto(user.id)
    return redirectWithToast('/volunteer/photo', { key: 'whocomes:photo.deleted' })
  }
  const file = formData.get('photo')
  const consent = formData.get('consent') === 'on'
  const fieldErrors: Record<string, string[]> = {}
  if (!(file instanceof File) || file.size === 0) fieldErrors.photo = ['whocomes:photo.fileRequired']
  // Without consent nothing is stored: the photo exists only while the volunteer allows it to be shown.
  if (!consent) fieldErrors.consent = ['whocomes:photo.consentRequired']
  if (Object.keys(fieldErrors).length > 0 || !(file instanceof File)) return formFailure(formData, { fieldErrors })
  const result = await saveVolunteerPhoto(user.id, Buffer.from(await file.arrayBuffer()))
  if (!result.ok) {
    return formFailure(formData, { fieldErrors: { photo: [result.reason === 'too-large' ? 'whocomes:photo.tooLarge' : 'whocomes:photo.notImage'] } })
  }
  return redirectWithToast('/volunteer/photo', { key: 'whocomes:photo.saved' })
}

function PhotoField({ state }: { state: FormState }) {
  const { t } = useTranslation('whocomes')
  const id = useFieldId('photo')
  const errors = state?.fieldErrors?.photo
  // With JavaScript a file that is too large is stopped before it is sent; the server says the same without.
  const checkSize = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    input.setCustomValidity(file && file.size > MAX_PHOTO_BYTES ? t('photo.tooLarge') : '')
    input.reportValidity()
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('photo.file')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('photo.fileHint')}
      </p>
      <input
        id={id}
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={checkSize}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[`${id}-hint`, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ')}
      />
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  )
}

export default function VolunteerPhotoPage() {
  const { t } = useTranslation(['whocomes', 'volunteer'])
  const locale = useBoardLocale()
  const { photo } = useLoaderData<typeof loader>()
  const state: FormState = useActionData<typeof action>()
  return (
    <div className="narrow">
      <p>
        <Link to="/volunteer/profile">← {t('volunteer:profile.title')}</Link>
      </p>
      <h1>{t('photo.title')}</h1>
      <p className="lead">{t('photo.intro')}</p>
      <p>{t('photo.how')}</p>
      {photo ? (
        <section aria-labelledby="current-photo" className="card who-current-photo">
          <h2 id="current-photo">{t('photo.current')}</h2>
          <img src={`/photos/${photo.id}`} alt={t('photo.currentAlt')} width={200} height={200} />
          <p>{t('photo.consentGiven', { date: formatDate(photo.consentAt, locale) })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <p className="hint">{t('photo.deleteHint')}</p>
            <SubmitButton className="button button-secondary">{t('photo.delete')}</SubmitButton>
          </Form>
        </section>
      ) : (
        <p className="empty">{t('photo.none')}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <input type="hidden" name="intent" value="save" />
        <FormScope id="photo">
          {/* The consent's label is a whole sentence: its message alone says what is missing. */}
          <ErrorSummary state={state} labels={{ photo: t('photo.file') }} />
          <PhotoField state={state} />
          <CheckboxField label={t('photo.consent')} name="consent" state={state} />
        </FormScope>
        <SubmitButton>{photo ? t('photo.replace') : t('photo.save')}</SubmitButton>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
