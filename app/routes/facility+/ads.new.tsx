import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { JobAdForm } from '~/components/job-ads'
import { contactPersonChoices, saveJobAd } from '~/models/job.server'
import { tasksOfWishes, wishesForNewAd } from '~/models/wish.server'
import { formFailure, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { jobAdInput, jobAdProblemMessage, parseJobAdForm } from '~/utils/job-ad-form.server'
import { pageMeta } from '~/utils/meta'
import { requireFacilityPermission, requireRole } from '~/utils/permissions.server'
import { prisma } from '~/utils/db.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle = { i18n: ['jobs', 'wishes'] }

/** Which facility the new ad is for: the one asked for, or the staff member's only facility. */
function chosenFacility(request: Request, formFacilityId: FormDataEntryValue | null, memberships: { facilityId: string }[]) {
  const asked = typeof formFacilityId === 'string' && formFacilityId ? formFacilityId : new URL(request.url).searchParams.get('facilityId')
  if (asked) return asked
  return memberships.length === 1 ? memberships[0].facilityId : null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, ['facility_staff'])
  const t = await getFixedT(request, 'jobs')
  const facilityId = chosenFacility(request, null, actor.memberships)
  if (!facilityId) {
    // Several facilities: the person picks which one the ad is for.
    const facilities = await prisma.facility.findMany({
      where: { id: { in: actor.memberships.map((m) => m.facilityId) } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    })
    return json({ title: t('new.title'), facilities, facility: null, contactPersons: [], userId: user.id, fromWishes: null })
  }
  await requireFacilityPermission(request, 'jobAd:manage', facilityId)
  const [facility, contactPersons, wishes] = await Promise.all([
    prisma.facility.findUniqueOrThrow({ where: { id: facilityId }, select: { id: true, name: true, status: true } }),
    contactPersonChoices(facilityId),
    // "Lav et opslag ud fra disse ønsker" (the wishes page) sends the chosen wishes as ?wish=…
    wishesForNewAd(facilityId, new URL(request.url).searchParams.getAll('wish')),
  ])
  const fromWishes = wishes.length > 0 ? await draftFromWishes(request, facility.name, wishes) : null
  return json({ title: t('new.title'), facilities: [], facility, contactPersons, userId: user.id, fromWishes })
}

/** The ad builder's start when written from residents' wishes: their tasks ticked and a draft text. */
async function draftFromWishes(request: Request, facilityName: string, wishes: Awaited<ReturnType<typeof wishesForNewAd>>) {
  const t = await getFixedT(request, 'wishes')
  const lines = wishes.map((wish) => `- ${t('ad.draftLine', { what: wish.what, count: wish.residentCount })}`)
  return {
    wishIds: wishes.map((wish) => wish.id),
    tasks: tasksOfWishes(wishes),
    title: t('ad.draftTitle'),
    description: [t('ad.draftIntro', { facility: facilityName }), ...lines, '', t('ad.draftOutro')].join('\n'),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, user } = await requireRole(request, ['facility_staff'])
  const formData = await readForm(request)
  const facilityId = chosenFacility(request, formData.get('facilityId'), actor.memberships)
  await requireFacilityPermission(request, 'jobAd:manage', facilityId ?? undefined)
  const form = parseJobAdForm(formData)
  if (!form.ok) return json(form, { status: 400 })
  const submit = form.data.intent === 'submit'
  const wishIds = formData.getAll('wishIds').filter((id): id is string => typeof id === 'string')
  const result = await saveJobAd(user.id, { facilityId: facilityId! }, jobAdInput(form.data), { submit, wishIds })
  if (!result.ok) return formFailure(formData, jobAdProblemMessage(result.problem))
  return submit
    ? redirectWithToast('/facility/ads', { key: 'jobs:toast.submitted', values: { title: result.title } })
    : redirectWithToast(`/facility/ads/${result.id}`, { key: 'jobs:toast.saved', values: { title: result.title } })
}

export default function NewJobAdPage() {
  const { t } = useTranslation(['jobs', 'common', 'wishes'])
  const { facilities, facility, contactPersons, userId, fromWishes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  if (!facility) {
    return (
      <div className="narrow">
        <h1>{t('new.title')}</h1>
        <p className="lead">{facilities.length ? t('new.chooseFacility') : t('list.noFacility')}</p>
        <ul>
          {facilities.map((f) => (
            <li key={f.id}>
              <Link to={`/facility/ads/new?facilityId=${f.id}`}>{f.name}</Link>
            </li>
          ))}
        </ul>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.intro', { facility: facility.name })}</p>
      {facility.status !== 'active' ? <p className="callout">{t('list.facilityNotActive')}</p> : null}
      {fromWishes ? <p className="callout">{t('wishes:ad.fromWishes', { count: fromWishes.wishIds.length })}</p> : null}
      <JobAdForm
        state={state}
        facilityId={facility.id}
        contactPersons={contactPersons}
        wishIds={fromWishes?.wishIds}
        defaults={{
          title: fromWishes?.title ?? '',
          tasks: fromWishes?.tasks ?? [],
          description: fromWishes?.description ?? '',
          boundaries: '',
          targetGroup: '',
          weekdays: [],
          timeFrom: null,
          timeTo: null,
          frequency: 'weekly',
          startDate: null,
          volunteersWanted: 1,
          requiresConfidentiality: true,
          requiresCriminalRecord: false,
          requiresChildCertificate: false,
          requiresIntroCourse: false,
          minimumAge: 18,
          languages: ['da'],
          offers: '',
          contactPersonId: contactPersons.some((p) => p.id === userId) ? userId : null,
        }}
      />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
