import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxField, ErrorList, ErrorSummary, Field, FormScope, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { PostcodeMunicipalityFields } from '~/components/postcode'
import { listMunicipalities, municipalitiesForPostcode, sharedPostcodes } from '~/models/reference.server'
import {
  existingMunicipalityIds,
  pauseVolunteer,
  profileCompleteness,
  resumeVolunteer,
  updateVolunteerProfile,
  volunteerProfile,
  type DayPart,
} from '~/models/volunteer.server'
import { DAY_PARTS, TASKS, WEEKDAYS, localeOf, type Task } from '~/utils/domain'
import { formatDate } from '~/utils/dates'
import volunteerStyles from '~/styles/volunteer.css'
import { checkboxField, formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { SKILL_LEVELS, VOLUNTEER_LANGUAGES } from '~/utils/volunteer'
import { notFound, requireRole } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const SLOT = /^[1-7]-(morning|afternoon|evening)$/

const skillLevelField = z.enum(SKILL_LEVELS, { errorMap: () => ({ message: 'validation.choose' }) }).optional()
const skillFields = Object.fromEntries(TASKS.map((task) => [`skill_${task}`, skillLevelField])) as Record<`skill_${Task}`, typeof skillLevelField>

const ProfileSchema = z.object({
  intent: z.literal('save'),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, 'validation.postcode')
    .optional()
    .transform((value) => value || null),
  municipalityId: z.string().max(40).optional(),
  bio: multiLineText().trim().max(1000, 'validation.tooLong?maximum=1000').optional().transform((value) => value ?? ''),
  employer: oneLineText()
    .trim()
    .max(120, 'validation.tooLong?maximum=120')
    .optional()
    .transform((value) => value || null),
  languages: z
    .array(z.string())
    .max(VOLUNTEER_LANGUAGES.length, 'validation.choose')
    .refine((list) => list.every((code) => (VOLUNTEER_LANGUAGES as readonly string[]).includes(code)), 'validation.choose'),
  availability: z
    .array(z.string())
    .max(WEEKDAYS.length * DAY_PARTS.length, 'validation.choose')
    .refine((list) => list.every((slot) => SLOT.test(slot)), 'validation.choose'),
  areas: z
    .array(z.string().max(40))
    .max(98, 'validation.choose'),
  consentData: checkboxField,
  ...skillFields,
})

const PauseSchema = z.object({ intent: z.enum(['pause', 'resume']) })
const ARRAY_FIELDS = ['languages', 'availability', 'areas'] as const

export const handle = { i18n: ['volunteer', 'whocomes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: volunteerStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const [profile, municipalities, shared] = await Promise.all([volunteerProfile(user.id), listMunicipalities(), sharedPostcodes()])
  if (!profile) notFound()
  const t = await getFixedT(request, 'volunteer')
  return json({
    title: t('profile.title'),
    profile,
    completeness: profileCompleteness(profile),
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name, region: m.region })),
    sharedPostcodes: shared,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const formData = await readForm(request)
  const intent = formData.get('intent')
  if (intent === 'pause' || intent === 'resume') {
    const form = parseForm(formData, PauseSchema)
    if (!form.ok) return json(form, { status: 400 })
    if (form.data.intent === 'pause') await pauseVolunteer(user.id)
    else await resumeVolunteer(user.id)
    return redirectWithToast(form.data.intent === 'pause' ? '/volunteer/profile' : '/volunteer', {
      key: form.data.intent === 'pause' ? 'volunteer:profile.pausedToast' : 'volunteer:profile.resumedToast',
    })
  }

  const form = parseForm(formData, ProfileSchema, { arrayFields: ARRAY_FIELDS })
  if (!form.ok) return json(form, { status: 400 })
  const data = form.data

  let municipalityId: string | null = null
  if (data.postcode) {
    const places = await municipalitiesForPostcode(data.postcode)
    if (places.length === 0) return formFailure(formData, { fieldErrors: { postcode: ['validation.postcodeUnknown'] } })
    // A postcode can cross municipal borders; then the volunteer says which side they live on.
    const place = places.length === 1 ? places[0] : places.find((p) => p.municipalityId === data.municipalityId)
    if (!place) return formFailure(formData, { fieldErrors: { municipalityId: ['volunteer:profile.chooseMunicipality'] } })
    municipalityId = place.municipalityId
  }
  const areas = [...new Set(data.areas)]
  if ((await existingMunicipalityIds(areas)).length !== areas.length) {
    return formFailure(formData, { fieldErrors: { areas: ['validation.choose'] } })
  }

  await updateVolunteerProfile(user.id, {
    bio: data.bio,
    employer: data.employer,
    postcode: data.postcode,
    municipalityId,
    languages: data.languages,
    skills: TASKS.flatMap((task) => {
      const level = Number(data[`skill_${task}`] ?? '0')
      return level >= 1 && level <= 3 ? [{ task, level: level as 1 | 2 | 3 }] : []
    }),
    availability: data.availability.map((slot) => {
      const [weekday, part] = slot.split('-')
      return { weekday: Number(weekday), part: part as DayPart }
    }),
    areas,
    consentData: data.consentData,
  })
  return redirectWithToast('/volunteer', { key: 'volunteer:profile.saved' })
}

/** Checked state for a repeated field: what was just posted wins over what is stored. */
function listValue(state: FormState, name: string, stored: string[]) {
  if (!state?.values) return stored
  const value = state.values[name]
  return value === undefined ? [] : [value].flat()
}

type LoaderData = SerializeFrom<typeof loader>

export default function VolunteerProfilePage() {
  const { t, i18n } = useTranslation(['volunteer', 'common'])
  const locale = localeOf(i18n.language)
  const { profile, completeness, municipalities, sharedPostcodes } = useLoaderData<typeof loader>()
  const state: FormState = useActionData<typeof action>()
  const skillLevel = (task: Task) => {
    const posted = state?.values?.[`skill_${task}`]
    if (typeof posted === 'string') return posted
    return String(profile.skills.find((skill) => skill.task === task)?.level ?? 0)
  }
  const languages = listValue(state, 'languages', profile.languages)
  const slots = listValue(state, 'availability', profile.availability.map((slot) => `${slot.weekday}-${slot.part}`))
  const areas = listValue(state, 'areas', profile.areas)
  const homeRegion = profile.municipality?.region
  const errorsOf = (name: string) => state?.fieldErrors?.[name]

  return (
    <div className="volunteer-page">
      <p>
        <Link to="/volunteer">← {t('profile.back')}</Link>
      </p>
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.intro')}</p>
      <p>
        <strong>{t('completeness.label', { percent: completeness.percent })}</strong>
      </p>
      <p>
        <Link to="/volunteer/photo">{t('whocomes:photo.profileLink')}</Link>
      </p>

      {profile.pausedAt ? (
        <section className="callout" aria-labelledby="pause-heading">
          <h2 id="pause-heading">{t('pause.pausedHeading')}</h2>
          <p>{t('pause.pausedBody')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resume" />
            <SubmitButton>{t('pause.resume')}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <Form method="post" className="stack" noValidate>
        <FormScope id="profile">
        <input type="hidden" name="intent" value="save" />
        <ErrorSummary
          state={state}
          labels={{
            ...Object.fromEntries(TASKS.map((task) => [`skill_${task}`, t(`common:task.${task}`)])),
            languages: t('profile.languages'),
            availability: t('profile.availability'),
            postcode: t('profile.postcode'),
            municipalityId: t('profile.municipality'),
            areas: t('profile.areas'),
            bio: t('profile.bio'),
            employer: t('profile.employer'),
            consentData: t('profile.consents'),
          }}
          targets={{
            ...Object.fromEntries(TASKS.map((task) => [`skill_${task}`, `skill-${task}-${SKILL_LEVELS[0]}`])),
            languages: `language-${VOLUNTEER_LANGUAGES[0]}`,
            availability: `slot-${WEEKDAYS[0]}-${DAY_PARTS[0]}`,
            areas: `area-${(municipalities.find((m) => m.region === homeRegion) ?? municipalities[0])?.id}`,
          }}
        />

        <SkillsSection skillLevel={skillLevel} errorsOf={errorsOf} />

        <fieldset id="languages" aria-describedby={errorsOf('languages')?.length ? 'languages-errors' : undefined}>
          <legend>{t('profile.languages')}</legend>
          <div className="checkbox-grid">
            {VOLUNTEER_LANGUAGES.map((code) => (
              <div key={code} className="field-checkbox">
                <input type="checkbox" id={`language-${code}`} name="languages" value={code} defaultChecked={languages.includes(code)} />
                <label htmlFor={`language-${code}`}>{t(`language.${code}`)}</label>
              </div>
            ))}
          </div>
          <ErrorList id="languages-errors" errors={errorsOf('languages')} />
        </fieldset>

        <AvailabilitySection slots={slots} errorsOf={errorsOf} />

        <section aria-labelledby="place-heading" id="postcode">
          <h2 id="place-heading">{t('profile.place')}</h2>
          <PostcodeMunicipalityFields
            state={state}
            shared={sharedPostcodes}
            postcodeLabel={t('profile.postcode')}
            postcodeHint={t('profile.postcodeHint')}
            municipalityLabel={t('profile.municipality')}
            chooseLabel={t('common:choose')}
            defaultPostcode={profile.postcode ?? ''}
            defaultMunicipalityId={profile.municipalityId ?? ''}
            settled={profile.municipality ? <p className="hint">{t('profile.livesIn', { municipality: profile.municipality.name })}</p> : null}
          />
        </section>

        <AreasSection municipalities={municipalities} areas={areas} homeRegion={homeRegion} errorsOf={errorsOf} />

        <section aria-labelledby="about-heading" id="bio">
          <h2 id="about-heading">{t('profile.about')}</h2>
          <TextAreaField label={t('profile.bio')} name="bio" hint={t('profile.bioHint')} defaultValue={profile.bio} maxLength={1000} state={state} />
          <Field label={t('profile.employer')} name="employer" hint={t('profile.employerHint')} defaultValue={profile.employer ?? ''} state={state} />
        </section>

        <fieldset id="consent">
          <legend>{t('profile.consents')}</legend>
          <CheckboxField label={t('profile.consentData')} name="consentData" state={state} defaultChecked={Boolean(profile.consentDataAt)} />
          <p className="hint">
            {profile.consentDataAt ? t('profile.consentGiven', { date: formatDate(profile.consentDataAt, locale) }) : t('profile.consentDataHint')}
          </p>
        </fieldset>

        <SubmitButton>{t('profile.save')}</SubmitButton>
        </FormScope>
      </Form>

      {profile.pausedAt ? null : (
        <section className="card" aria-labelledby="pause-heading">
          <h2 id="pause-heading">{t('pause.heading')}</h2>
          <p>{t('pause.explain')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="pause" />
            <SubmitButton className="button button-secondary">{t('pause.pause')}</SubmitButton>
          </Form>
        </section>
      )}
    </div>
  )
}

function SkillsSection({ skillLevel, errorsOf }: { skillLevel: (task: Task) => string; errorsOf: (name: string) => string[] | undefined }) {
  const { t } = useTranslation(['volunteer', 'common'])
  return (
    <section aria-labelledby="skills-heading" id="skills">
      <h2 id="skills-heading">{t('profile.skills')}</h2>
      <p className="hint">{t('profile.skillsHint')}</p>
      {TASKS.map((task) => (
        <fieldset key={task}>
          <legend>{t(`common:task.${task}`)}</legend>
          <div className="skill-choices">
            {SKILL_LEVELS.map((level) => (
              <div key={level} className="field-radio">
                <input type="radio" id={`skill-${task}-${level}`} name={`skill_${task}`} value={level} defaultChecked={skillLevel(task) === level} />
                <label htmlFor={`skill-${task}-${level}`}>{t(`profile.level.${level}`)}</label>
              </div>
            ))}
          </div>
          <ErrorList id={`skill-${task}-errors`} errors={errorsOf(`skill_${task}`)} />
        </fieldset>
      ))}
    </section>
  )
}

function AvailabilitySection({ slots, errorsOf }: { slots: string[]; errorsOf: (name: string) => string[] | undefined }) {
  const { t } = useTranslation(['volunteer', 'common'])
  return (
    <section aria-labelledby="availability-heading" id="availability">
      <h2 id="availability-heading">{t('profile.availability')}</h2>
      <p className="hint" id="availability-hint">
        {t('profile.availabilityHint')}
      </p>
      <div className="table-wrap">
        <table className="availability-grid" aria-describedby="availability-hint">
          <caption className="visually-hidden">{t('profile.availability')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profile.weekday')}</th>
              {DAY_PARTS.map((part) => (
                <th key={part} scope="col">
                  {t(`profile.part.${part}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day) => (
              <tr key={day}>
                <th scope="row">
                  {t(`common:weekday.${day}`)}
                </th>
                {DAY_PARTS.map((part) => (
                  <td key={part}>
                    <input
                      type="checkbox"
                      id={`slot-${day}-${part}`}
                      name="availability"
                      value={`${day}-${part}`}
                      defaultChecked={slots.includes(`${day}-${part}`)}
                    />
                    <label htmlFor={`slot-${day}-${part}`} className="visually-hidden">
                      {t('profile.slotLabel', { day: t(`common:weekday.${day}`), part: t(`profile.part.${part}`) })}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorList id="availability-errors" errors={errorsOf('availability')} />
    </section>
  )
}

function AreasSection({ municipalities, areas, homeRegion, errorsOf }: { municipalities: LoaderData['municipalities']; areas: string[]; homeRegion: string | undefined; errorsOf: (name: string) => string[] | undefined }) {
  const { t } = useTranslation(['volunteer', 'common'])
  const regions = [...new Set(municipalities.map((m) => m.region))]
  return (
    <section aria-labelledby="areas-heading" id="areas">
      <h2 id="areas-heading">{t('profile.areas')}</h2>
      <p className="hint">{t('profile.areasHint')}</p>
      <ErrorList id="areas-errors" errors={errorsOf('areas')} />
      {regions.map((region) => {
        const inRegion = municipalities.filter((m) => m.region === region)
        const open = region === homeRegion || inRegion.some((m) => areas.includes(m.id))
        const chosen = inRegion.filter((m) => areas.includes(m.id)).length
        return (
          <details key={region} open={open} className="region">
            <summary>
              {region} {chosen ? t('profile.chosenCount', { count: chosen }) : null}
            </summary>
            <fieldset>
              <legend className="visually-hidden">{region}</legend>
              <div className="checkbox-grid">
                {inRegion.map((m) => (
                  <div key={m.id} className="field-checkbox">
                    <input type="checkbox" id={`area-${m.id}`} name="areas" value={m.id} defaultChecked={areas.includes(m.id)} />
                    <label htmlFor={`area-${m.id}`}>{m.name}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </details>
        )
      })}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
