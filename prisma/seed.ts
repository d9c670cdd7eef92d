// Seeds Frivilligbro.
//
//   tsx prisma/seed.ts           the demo (a story from Gribskov) into DATABASE_URL, if it is empty
//   tsx prisma/seed.ts --large   a national-scale data set for benchmarks (see seed-large.ts)
//
// The app calls `seedIfEmpty` at start, so a fresh installation has municipalities, postcodes and
// either the demo or a single admin. Every demo account logs in with the password DEMO_PASSWORD.
import { pathToFileURL } from 'node:url'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../app/generated/prisma/client'
import { refreshAgreement } from '../app/models/agreement.server'
import { ensureReferenceData } from '../app/models/reference.server'
import { databaseFilePath } from '../app/utils/database-url'
import type { Tx } from '../app/utils/db.server'
import { formatLocalDate } from '../app/utils/dates'
import type { Task } from '../app/utils/domain'
import { hashPassword } from '../app/utils/password.server'
import { passwordWeakness } from '../app/utils/password-strength.server'
import { addDays, copenhagenDate, copenhagenTime, isoWeekday, minutesOf, wallClockInstant } from '../app/utils/time'
import sharp from 'sharp'

export const DEMO_PASSWORD = 'Demo-adgang-2026'

/** The address of Skovbrynet's common-room screen in the demo: /who-comes/<this>. Fixed so the README can name it. */
export const DEMO_WHO_COMES_TOKEN = 'skovbrynet-faellesstue-demo'

export type SeedResult = 'seeded-demo' | 'seeded-reference' | 'already-seeded'
export type LargeSeedProgress = { phase: string; done: number; total: number }

/**
 * Loads reference data (always), then — only when nobody has an account yet — the demo, or
 * (DEMO_DATA=off) the first admin from ADMIN_EMAIL / ADMIN_PASSWORD.
 */
export async function seedIfEmpty(
  db: PrismaClient,
  options: { demo: boolean; adminEmail?: string; adminPassword?: string },
): Promise<SeedResult> {
  await ensureReferenceData(db)
  if ((await db.user.count()) > 0) return 'already-seeded'
  if (options.demo) {
    await seedDemo(db)
    return 'seeded-demo'
  }
  if (options.adminEmail && options.adminPassword) {
    // The first admin can do everything: the same strength rule as every password chosen in the app.
    const weakness = passwordWeakness(options.adminPassword, [options.adminEmail, 'Administrator'])
    if (weakness) {
      throw new Error(
        `ADMIN_PASSWORD is too easy to guess (${weakness.map((key) => key.replace(/^common:password\./, '')).join(', ')}). ` +
          'Choose a sentence of three or four words that do not belong together, and start again.',
      )
    }
    await db.user.create({
      data: {
        email: options.adminEmail.trim().toLowerCase(),
        name: 'Administrator',
        role: 'admin',
        locale: 'da',
        emailVerifiedAt: new Date(),
        passwordHash: await hashPassword(options.adminPassword),
      },
    })
    console.log(`✓ admin ${options.adminEmail.trim().toLowerCase()} created`)
  } else {
    console.log(
      'No admin account was created: the database has no users and DEMO_DATA=off. ' +
        'Set ADMIN_EMAIL and ADMIN_PASSWORD (at least 10 characters and hard to guess) and start again to create the first admin.',
    )
  }
  return 'seeded-reference'
}

/** Loads the large benchmark data set into a migrated, empty database file. */
export async function seedLarge(databaseUrl: string, onProgress?: (progress: LargeSeedProgress) => void) {
  // Kept in its own module: it needs better-sqlite3 and faker, which the app itself never loads.
  const { seedLargeDatabase } = await import('./seed-large')
  await seedLargeDatabase(databaseUrl, onProgress)
}

// ---------------------------------------------------------------------------------------------
// Time helpers. Visits and plans are Europe/Copenhagen wall-clock times; instants are stored
// in UTC. Dates and instants come from app/utils/time.ts, like the app's own.
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000

/** A calendar day in Copenhagen, "yyyy-MM-dd" (app/utils/time.ts). */
type LocalDay = string

/** "Now" for the whole demo, so that timestamps meant to be equal (a thread's lastPostAt and its last post) are. */
let storyNow = Date.now()

function ago(days: number, hours = 0) {
  return new Date(storyNow - days * DAY_MS - hours * 3_600_000)
}

function ahead(days: number, hours = 0) {
  return new Date(storyNow + days * DAY_MS + hours * 3_600_000)
}

/** The nearest day with this ISO weekday before today (never today). */
function previousWeekday(weekday: number): LocalDay {
  const today = copenhagenDate()
  const back = (isoWeekday(today) - weekday + 7) % 7 || 7
  return addDays(today, -back)
}

/** The UTC instant of a Copenhagen wall-clock time ("HH:mm") on a day. */
const at = wallClockInstant

function danishDate(day: LocalDay) {
  return formatLocalDate(day, 'da', 'EEEE d. MMMM')
}

function json(value: unknown) {
  return JSON.stringify(value)
}

// ---------------------------------------------------------------------------------------------
// Shared demo text
// ---------------------------------------------------------------------------------------------

const BOUNDARIES =
  'Du er frivillig, ikke personale: Du hjælper ikke med personlig pleje, medicin eller økonomi. ' +
  'Du må aldrig håndtere beboernes penge, betalingskort, MitID, pinkoder eller adgangskoder – ' +
  'beder en beboer om det, henviser du venligt til personalet. Du er ikke alene med en beboer bag ' +
  'en lukket dør, og personalet har altid ansvaret for beboerne.'

const OFFERS_GRIBSKOV =
  'En fast kontaktperson, kaffe og en grundig introduktion til stedet og vores politik for digital ' +
  'etik. Kørselsgodtgørelse efter aftale. Du bliver en del af netværket af IT-frivillige i Gribskov ' +
  'med netværksmøder på Frivilligcenter Gribskov hver tredje måned.'

const OFFERS_HILLEROD =
  'En fast kontaktperson, introduktion til stedet, kaffe og kage – og et netværk af andre ' +
  'IT-frivillige gennem Frivilligcenter Hillerød.'

// ---------------------------------------------------------------------------------------------
// The demo: IT volunteering in Gribskov (and a little of Hillerød and Halsnæs)
// ---------------------------------------------------------------------------------------------

/** The demo story. Expects reference data and no users; writes everything in one transaction. */
export async function seedDemo(db: PrismaClient): Promise<void> {
  const started = Date.now()
  storyNow = started
  await ensureReferenceData(db)
  // Hashing is deliberately slow; every demo account shares one hash of the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.$transaction((tx) => writeDemo(tx, passwordHash), { timeout: 120_000, maxWait: 10_000 })
  console.log(`Demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Log in with any *@frivilligbro.test account below, password ${DEMO_PASSWORD}:`)
  console.log('  admin@frivilligbro.test · koordinator@frivilligbro.test · tilbud@frivilligbro.test · frivillig@frivilligbro.test · kommune@frivilligbro.test')
  console.log(`Skovbrynet's common-room screen (no log-in): /who-comes/${DEMO_WHO_COMES_TOKEN}`)
}

/**
 * A simple made-up portrait for the demo's board photo (no binary files in git): a face of circles
 * on a coloured square, 400×400 JPEG, as an upload would be stored.
 */
async function demoPortrait() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <rect width="400" height="400" fill="#f6c453"/>
    <circle cx="200" cy="430" r="170" fill="#0b5c4b"/>
    <circle cx="200" cy="170" r="95" fill="#f1d2b6"/>
    <path d="M105 160 Q110 60 200 62 Q290 60 296 160 Q270 110 200 108 Q130 110 105 160Z" fill="#6b3e26"/>
    <circle cx="168" cy="170" r="10" fill="#1f2933"/>
    <circle cx="232" cy="170" r="10" fill="#1f2933"/>
    <path d="M165 212 Q200 240 235 212" stroke="#1f2933" stroke-width="8" fill="none" stroke-linecap="round"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}

async function writeDemo(tx: Tx, passwordHash: string) {
  const step = (label: string) => console.log(`✓ ${label}`)

  // --- Centres -------------------------------------------------------------------------------
  const municipalityId = async (name: string) =>
    (await tx.municipality.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
  const gribskovId = await municipalityId('Gribskov Kommune')
  const hillerodId = await municipalityId('Hillerød Kommune')
  const halsnaesId = await municipalityId('Halsnæs Kommune')

  const gribskovCentre = await tx.centre.create({
    data: {
      name: 'Frivilligcenter Gribskov',
      email: 'gribskov@frivilligcenter.test',
      phone: '48 30 10 20',
      address: 'Østergade 20, 3200 Helsinge',
      createdAt: ago(400),
    },
  })
  const hillerodCentre = await tx.centre.create({
    data: {
      name: 'Frivilligcenter Hillerød',
      email: 'hillerod@frivilligcenter.test',
      phone: '48 24 50 60',
      address: 'Nordstensvej 1, 3400 Hillerød',
      createdAt: ago(390),
    },
  })
  await tx.municipality.update({ where: { id: gribskovId }, data: { centreId: gribskovCentre.id } })
  await tx.municipality.updateMany({
    where: { id: { in: [hillerodId, halsnaesId] } },
    data: { centreId: hillerodCentre.id },
  })
  step('centres (Frivilligcenter Gribskov; Frivilligcenter Hillerød for Hillerød and Halsnæs)')

  // --- Accounts ------------------------------------------------------------------------------
  const user = async (data: {
    email: string
    name: string
    role: 'volunteer' | 'facility_staff' | 'coordinator' | 'admin' | 'municipality'
    phone?: string
    centreId?: string
    createdDaysAgo: number
  }) => {
    const createdAt = ago(data.createdDaysAgo)
    const created = await tx.user.create({
      data: {
        email: data.email,
        name: data.name,
        role: data.role,
        phone: data.phone,
        centreId: data.centreId,
        locale: 'da',
        passwordHash,
        emailVerifiedAt: new Date(createdAt.getTime() + 20 * 60_000),
        createdAt,
      },
      select: { id: true },
    })
    return created.id
  }

  const admin = await user({ email: 'admin@frivilligbro.test', name: 'Anne Admin', role: 'admin', createdDaysAgo: 400 })
  const karin = await user({
    email: 'koordinator@frivilligbro.test',
    name: 'Karin Koordinator',
    role: 'coordinator',
    phone: '48 30 10 21',
    centreId: gribskovCentre.id,
    createdDaysAgo: 399,
  })
  const henrik = await user({
    email: 'koordinator.hillerod@frivilligbro.test',
    name: 'Henrik Lund',
    role: 'coordinator',
    phone: '48 24 50 61',
    centreId: hillerodCentre.id,
    createdDaysAgo: 389,
  })

  const tina = await user({ email: 'tilbud@frivilligbro.test', name: 'Tina Tilbud', role: 'facility_staff', phone: '48 79 40 01', createdDaysAgo: 130 })
  const jonas = await user({ email: 'jonas.skovbrynet@frivilligbro.test', name: 'Jonas Berg', role: 'facility_staff', phone: '48 79 40 02', createdDaysAgo: 131 })
  const ali = await user({ email: 'ali.skovbrynet@frivilligbro.test', name: 'Ali Hassan', role: 'facility_staff', createdDaysAgo: 2 })
  const mette = await user({ email: 'mette.kildevang@frivilligbro.test', name: 'Mette Sørensen', role: 'facility_staff', phone: '48 39 21 00', createdDaysAgo: 110 })
  const lars = await user({ email: 'lars.tvaers@frivilligbro.test', name: 'Lars Holm', role: 'facility_staff', phone: '48 30 55 10', createdDaysAgo: 200 })
  const birgitte = await user({ email: 'birgitte.fyrtaarnet@frivilligbro.test', name: 'Birgitte Møller', role: 'facility_staff', phone: '48 30 77 40', createdDaysAgo: 250 })
  const peter = await user({ email: 'peter.solsikken@frivilligbro.test', name: 'Peter Dam', role: 'facility_staff', phone: '48 70 12 34', createdDaysAgo: 3 })
  const susanne = await user({ email: 'susanne.vedsoeen@frivilligbro.test', name: 'Susanne Krog', role: 'facility_staff', createdDaysAgo: 360 })
  const rasmus = await user({ email: 'rasmus.lindehuset@frivilligbro.test', name: 'Rasmus Friis', role: 'facility_staff', phone: '48 26 30 00', createdDaysAgo: 150 })
  const camilla = await user({ email: 'camilla.nordlys@frivilligbro.test', name: 'Camilla Bech', role: 'facility_staff', phone: '47 93 11 22', createdDaysAgo: 170 })

  const frederik = await user({ email: 'frivillig@frivilligbro.test', name: 'Frederik Frivillig', role: 'volunteer', phone: '20 45 67 89', createdDaysAgo: 75 })
  const sofie = await user({ email: 'sofie.nielsen@frivilligbro.test', name: 'Sofie Nielsen', role: 'volunteer', phone: '31 22 84 10', createdDaysAgo: 59 })
  const ole = await user({ email: 'ole.jensen@frivilligbro.test', name: 'Ole Jensen', role: 'volunteer', phone: '40 18 62 33', createdDaysAgo: 20 })
  const aisha = await user({ email: 'aisha.rahman@frivilligbro.test', name: 'Aisha Rahman', role: 'volunteer', phone: '52 71 03 48', createdDaysAgo: 1 })
  const mikkel = await user({ email: 'mikkel.thomsen@frivilligbro.test', name: 'Mikkel Thomsen', role: 'volunteer', phone: '26 90 14 57', createdDaysAgo: 6 })
  const hanne = await user({ email: 'hanne.kristensen@frivilligbro.test', name: 'Hanne Kristensen', role: 'volunteer', phone: '23 45 19 02', createdDaysAgo: 190 })
  const jens = await user({ email: 'jens.poulsen@frivilligbro.test', name: 'Jens Poulsen', role: 'volunteer', phone: '28 33 50 71', createdDaysAgo: 240 })
  const emma = await user({ email: 'emma.larsen@frivilligbro.test', name: 'Emma Larsen', role: 'volunteer', phone: '60 12 78 90', createdDaysAgo: 50 })
  const kasper = await user({ email: 'kasper.andersen@frivilligbro.test', name: 'Kasper Andersen', role: 'volunteer', createdDaysAgo: 35 })
  const lone = await user({ email: 'lone.petersen@frivilligbro.test', name: 'Lone Petersen', role: 'volunteer', phone: '21 56 34 12', createdDaysAgo: 80 })
  const yusuf = await user({ email: 'yusuf.demir@frivilligbro.test', name: 'Yusuf Demir', role: 'volunteer', phone: '42 67 81 05', createdDaysAgo: 2 })
  const nikolaj = await user({ email: 'nikolaj.bang@frivilligbro.test', name: 'Nikolaj Bang', role: 'volunteer', phone: '29 40 66 18', createdDaysAgo: 140 })
  step('accounts (admin, 2 coordinators, 11 facility staff, 12 volunteers)')

  // --- Volunteer profiles --------------------------------------------------------------------
  const profile = async (
    userId: string,
    data: {
      bio: string
      postcode: string
      municipalityId: string
      languages?: string[]
      birthYear: number
      employer?: string
      skills: [Task, 1 | 2 | 3][]
      availability: [number, 'morning' | 'afternoon' | 'evening'][]
      areas: string[]
      pausedDaysAgo?: number
      createdDaysAgo: number
    },
  ) => {
    await tx.volunteerProfile.create({
      data: {
        userId,
        bio: data.bio,
        postcode: data.postcode,
        municipalityId: data.municipalityId,
        languages: json(data.languages ?? ['da']),
        birthYear: data.birthYear,
        employer: data.employer,
        consentDataAt: ago(data.createdDaysAgo),
        pausedAt: data.pausedDaysAgo === undefined ? null : ago(data.pausedDaysAgo),
        createdAt: ago(data.createdDaysAgo),
        skills: { create: data.skills.map(([task, level]) => ({ task, level })) },
        availability: { create: data.availability.map(([weekday, part]) => ({ weekday, part })) },
        areas: { create: data.areas.map((id) => ({ municipalityId: id })) },
      },
    })
  }

  await profile(frederik, {
    bio:
      'Pensioneret IT-supporter fra Helsinge. Jeg har hjulpet kolleger med computere i 30 år og vil gerne bruge ' +
      'min tid på at gøre det lettere for andre at være med digitalt. Tålmodig, og god til at forklare tingene ' +
      'i et roligt tempo.',
    postcode: '3200',
    municipalityId: gribskovId,
    languages: ['da', 'en'],
    birthYear: 1956,
    skills: [['video_calls', 3], ['tablets_phones', 3], ['social_media', 2], ['online_safety', 2], ['email', 3]],
    availability: [[2, 'afternoon'], [3, 'afternoon'], [4, 'morning']],
    areas: [gribskovId, hillerodId],
    createdDaysAgo: 75,
  })
  await profile(sofie, {
    bio:
      'Jeg læser til pædagog og elsker musik og spil. Jeg vil gerne være med i en internetcafé eller hjælpe ' +
      'nogen med at finde deres yndlingsmusik.',
    postcode: '3250',
    municipalityId: gribskovId,
    languages: ['da', 'en'],
    birthYear: 2002,
    skills: [['music_streaming', 3], ['games', 3], ['social_media', 3], ['photos', 2], ['internet_cafe', 2]],
    availability: [[3, 'afternoon'], [5, 'afternoon'], [6, 'morning']],
    areas: [gribskovId],
    createdDaysAgo: 59,
  })
  await profile(ole, {
    bio: 'Tidligere skolelærer. Jeg har styr på e-mail, Spotify og det meste på en tablet, og jeg har god tid.',
    postcode: '3230',
    municipalityId: gribskovId,
    birthYear: 1951,
    skills: [['email', 3], ['music_streaming', 2], ['tablets_phones', 2], ['staff_programs', 1]],
    availability: [[1, 'morning'], [4, 'evening'], [4, 'afternoon']],
    areas: [gribskovId],
    createdDaysAgo: 20,
  })
  await profile(aisha, {
    bio:
      'Jeg arbejder som sygeplejerske på deltid og taler dansk, engelsk og arabisk. Jeg vil gerne hjælpe ' +
      'beboere med at holde kontakt med deres familier – også familier i udlandet.',
    postcode: '3200',
    municipalityId: gribskovId,
    languages: ['da', 'en', 'ar'],
    birthYear: 1988,
    skills: [['video_calls', 2], ['relatives_support', 3], ['tablets_phones', 2]],
    availability: [[2, 'afternoon'], [4, 'afternoon']],
    areas: [gribskovId, hillerodId],
    createdDaysAgo: 1,
  })
  await profile(mikkel, {
    bio:
      'Netværkstekniker hos Gribskov Data ApS. Min arbejdsplads giver os to timer om ugen til frivilligt ' +
      'arbejde, og jeg vil gerne hjælpe med netværk, sikkerhed og programmer.',
    postcode: '3210',
    municipalityId: gribskovId,
    languages: ['da', 'en'],
    birthYear: 1985,
    employer: 'Gribskov Data ApS',
    skills: [['online_safety', 3], ['staff_programs', 3], ['email', 2]],
    availability: [[2, 'afternoon'], [4, 'afternoon']],
    areas: [gribskovId, hillerodId, halsnaesId],
    createdDaysAgo: 6,
  })
  await profile(hanne, {
    bio: 'Gamer i mange år og mor til to teenagere. Jeg kan de fleste konsoller og Minecraft på alle platforme.',
    postcode: '3250',
    municipalityId: gribskovId,
    birthYear: 1979,
    skills: [['games', 3], ['music_streaming', 2], ['tablets_phones', 2]],
    availability: [[1, 'afternoon']],
    areas: [gribskovId],
    pausedDaysAgo: 14,
    createdDaysAgo: 190,
  })
  await profile(jens, {
    bio: 'Amatørfotograf, har arbejdet med billedbehandling og fotoalbum i mange år.',
    postcode: '3250',
    municipalityId: gribskovId,
    birthYear: 1963,
    skills: [['photos', 3], ['tablets_phones', 2]],
    availability: [[3, 'evening'], [6, 'morning']],
    areas: [gribskovId],
    createdDaysAgo: 240,
  })
  await profile(emma, {
    bio: 'Gymnasieelev på 19, god til sociale medier og TikTok. Vil gerne prøve kræfter med frivilligt arbejde.',
    postcode: '3200',
    municipalityId: gribskovId,
    languages: ['da', 'en', 'de'],
    birthYear: 2007,
    skills: [['social_media', 3], ['photos', 2], ['games', 2]],
    availability: [[3, 'afternoon'], [5, 'afternoon']],
    areas: [gribskovId],
    createdDaysAgo: 50,
  })
  await profile(kasper, {
    bio: 'Softwareudvikler, arbejder hjemmefra og kan tage en eftermiddag om ugen.',
    postcode: '3220',
    municipalityId: gribskovId,
    languages: ['da', 'en'],
    birthYear: 1991,
    skills: [['social_media', 2], ['online_safety', 3], ['staff_programs', 2]],
    availability: [[3, 'evening']],
    areas: [gribskovId],
    createdDaysAgo: 35,
  })
  await profile(lone, {
    bio: 'Tidligere kontorassistent i kommunen. Jeg kender både iPad og Android og vil gerne hjælpe i Hillerød.',
    postcode: '3400',
    municipalityId: hillerodId,
    birthYear: 1959,
    skills: [['tablets_phones', 3], ['email', 3], ['video_calls', 2]],
    availability: [[4, 'morning'], [2, 'morning']],
    areas: [hillerodId],
    createdDaysAgo: 80,
  })
  await profile(yusuf, {
    bio: 'Datamatikerstuderende. Jeg hjælper gerne med telefoner, spil og sikkerhed på nettet.',
    postcode: '3400',
    municipalityId: hillerodId,
    languages: ['da', 'en', 'tr'],
    birthYear: 2001,
    skills: [['tablets_phones', 3], ['games', 2], ['online_safety', 2]],
    availability: [[4, 'morning'], [4, 'afternoon'], [6, 'afternoon']],
    areas: [hillerodId, gribskovId],
    createdDaysAgo: 2,
  })
  await profile(nikolaj, {
    bio: 'Har spillet computer, siden jeg var fem. Arbejder i en elektronikbutik i Frederiksværk.',
    postcode: '3390',
    municipalityId: halsnaesId,
    birthYear: 1996,
    skills: [['games', 3], ['tablets_phones', 2], ['music_streaming', 1]],
    availability: [[4, 'evening']],
    areas: [halsnaesId, hillerodId],
    createdDaysAgo: 140,
  })
  step('volunteer profiles (skills, availability, travel areas; one paused)')

  // --- Facilities ----------------------------------------------------------------------------
  const facility = async (data: {
    name: string
    kind: 'bosted' | 'botilbud' | 'aktivitetstilbud' | 'vaerested' | 'other'
    targetGroups: string[]
    address: string
    postcode: string
    town: string
    municipalityId: string
    description: string
    practicalInfo: string
    phone?: string
    email?: string
    website?: string
    status: 'pending' | 'active' | 'inactive'
    approvedById?: string
    createdDaysAgo: number
    approvedDaysAgo?: number
    screening: { residentWishes: string; wishedTasks: Task[]; technology: string; network: string; staffReadiness: string }
    ethics: [technology: string, dilemma: string, agreedValues: string][]
    staff: [userId: string, role: 'leader' | 'staff', isContactPerson: boolean, status?: 'requested' | 'active' | 'removed'][]
  }) => {
    const createdAt = ago(data.createdDaysAgo)
    const created = await tx.facility.create({
      data: {
        name: data.name,
        kind: data.kind,
        targetGroups: json(data.targetGroups),
        address: data.address,
        postcode: data.postcode,
        town: data.town,
        municipalityId: data.municipalityId,
        description: data.description,
        practicalInfo: data.practicalInfo,
        phone: data.phone,
        email: data.email,
        website: data.website,
        status: data.status,
        approvedAt: data.approvedDaysAgo === undefined ? null : ago(data.approvedDaysAgo),
        approvedById: data.approvedById,
        createdAt,
        itScreening: { create: { ...data.screening, wishedTasks: json(data.screening.wishedTasks) } },
        ethicsEntries: {
          create: data.ethics.map(([technology, dilemma, agreedValues], position) => ({
            technology,
            dilemma,
            agreedValues,
            position,
            createdAt,
          })),
        },
        memberships: {
          create: data.staff.map(([userId, role, isContactPerson, status]) => ({
            userId,
            role,
            isContactPerson,
            status: status ?? 'active',
            createdAt: status === 'requested' ? ago(2) : createdAt,
          })),
        },
      },
      select: { id: true },
    })
    return created.id
  }

  const ETHICS_MITID: [string, string, string] = [
    'MitID, pinkoder og adgangskoder',
    'Beboere beder den frivillige logge ind for dem med MitID eller vil fortælle deres kode.',
    'Frivillige må aldrig kende, indtaste eller gemme en beboers MitID, pinkode eller adgangskode. De henviser ' +
      'venligt til personalet, som hjælper efter beboerens handleplan.',
  ]

  const skovbrynet = await facility({
    name: 'Bostedet Skovbrynet',
    kind: 'bosted',
    targetGroups: ['udviklingshæmning', 'autisme'],
    address: 'Skovbrynet 4',
    postcode: '3200',
    town: 'Helsinge',
    municipalityId: gribskovId,
    description:
      'Skovbrynet er et bosted for 24 voksne med udviklingshæmning og autisme, fordelt på tre huse i udkanten ' +
      'af Helsinge. De fleste beboere har en tablet eller smartphone og vil gerne holde kontakten med familie og ' +
      'venner, høre musik og se billeder. Personalet har ikke altid tid til at sætte sig ned og hjælpe i ro og ' +
      'mag – derfor er vi glade for faste IT-frivillige, som beboerne kender og kan regne med.',
    practicalInfo:
      'Kør ind ad Skovbrynet fra Frederiksborgvej og parkér på gæstepladserne ved hus A. Gå ind ad hoveddøren og ' +
      'ring på klokken ved kontoret; spørg efter Jonas Berg eller den vagthavende. Første gang tager vi en kop ' +
      'kaffe og en rundvisning, og du får wifi-koden og læser vores politik for digital etik sammen med os.',
    phone: '48 79 40 00',
    email: 'kontakt@skovbrynet.test',
    status: 'active',
    approvedById: karin,
    createdDaysAgo: 130,
    approvedDaysAgo: 126,
    screening: {
      residentWishes:
        'Flere beboere vil gerne kunne videoringe til familien uden hjælp. Andre ønsker hjælp til at finde musik ' +
        'på Spotify og YouTube, rydde op i billeder på telefonen og forstå, hvad man kan dele på Facebook. En ' +
        'ugentlig internetcafé i hovedbygningen er et stort ønske.',
      wishedTasks: ['video_calls', 'tablets_phones', 'music_streaming', 'social_media', 'photos', 'internet_cafe'],
      technology:
        'To fælles-iPads i fællesstuen i hus B, en stationær pc i caféen og et smart-tv med Chromecast. Omkring ' +
        'halvdelen af beboerne har egen smartphone, de fleste Android.',
      network: 'Gæste-wifi (Skovbrynet-Gæst) i alle tre huse. Dækningen er svag i hus C; brug fællesstuen i hus B.',
      staffReadiness:
        'Personalet er trygge ved de almindelige apps, men har brug for hjælp til opsætning og fejlfinding. ' +
        'Jonas Berg er IT-ansvarlig i personalegruppen.',
    },
    ethics: [
      [
        'Facebook',
        'Beboere vil gerne være venner med personalet og de frivillige på Facebook.',
        'Beboere må ikke være Facebook-venner med personalets eller de frivilliges private profiler. Skovbrynet har ' +
          'en fælles Facebook-side, som beboerne gerne må følge.',
      ],
      [
        'Billeder og deling',
        'Beboere tager billeder af hinanden i fællesstuen og vil dele dem på nettet.',
        'Billeder af andre beboere deles kun, når de er spurgt og har sagt ja. Frivillige tager ikke selv billeder af beboere.',
      ],
      ETHICS_MITID,
      [
        'Videoopkald',
        'En beboer vil ringe til en person, personalet ikke kender.',
        'Beboeren vælger selv, hvem der ringes til. Kontakter oprettes sammen med personalet, så vi ved, hvem der er på listen.',
      ],
    ],
    staff: [
      [tina, 'leader', true],
      [jonas, 'staff', true],
      [ali, 'staff', false, 'requested'],
    ],
  })

  const kildevang = await facility({
    name: 'Bofællesskabet Kildevang',
    kind: 'botilbud',
    targetGroups: ['udviklingshæmning', 'fysisk funktionsnedsættelse'],
    address: 'Kildevej 7',
    postcode: '3230',
    town: 'Græsted',
    municipalityId: gribskovId,
    description:
      'Kildevang er et bofællesskab med 12 lejligheder og et fælleshus midt i Græsted. Beboerne bor i egne ' +
      'lejligheder og mødes i fælleshuset til aftensmad og aktiviteter. Musik fylder meget – og det samme gør ' +
      'ønsket om at klare e-mail og nettet lidt mere selv.',
    practicalInfo:
      'Parkering på Kildevej foran fælleshuset. Fælleshuset ligger for enden af stien; ring på ved personaledøren og ' +
      'spørg efter Mette. Der er trapper til 1. sal, men fælleshuset er i stueplan.',
    phone: '48 39 21 00',
    email: 'kildevang@kildevang.test',
    status: 'active',
    approvedById: karin,
    createdDaysAgo: 110,
    approvedDaysAgo: 108,
    screening: {
      residentWishes: 'Musik i fælleshuset om aftenen, hjælp til e-mail og at kunne genkende svindel på nettet.',
      wishedTasks: ['music_streaming', 'email', 'online_safety'],
      technology: 'En bærbar pc og en Bluetooth-højttaler i fælleshuset. Beboerne har egne telefoner og tablets.',
      network: 'Fibernet med wifi i fælleshuset og i lejlighederne.',
      staffReadiness: 'Personalet er usikre på sikkerhed og svindel og vil gerne lære med.',
    },
    ethics: [
      ETHICS_MITID,
      [
        'Spotify og abonnementer',
        'Beboere vil oprette betalte abonnementer under besøget.',
        'Nye abonnementer og køb aftales altid med personalet og beboerens værge eller kontaktperson først.',
      ],
    ],
    staff: [[mette, 'leader', true]],
  })

  const tvaers = await facility({
    name: 'Aktivitetshuset Tværs',
    kind: 'aktivitetstilbud',
    targetGroups: ['erhvervet hjerneskade', 'psykisk sårbarhed'],
    address: 'Havnevej 12',
    postcode: '3250',
    town: 'Gilleleje',
    municipalityId: gribskovId,
    description:
      'Tværs er et aktivitets- og samværstilbud for voksne med erhvervet hjerneskade eller psykisk sårbarhed. Vi har ' +
      'værksted, køkken og et IT-hjørne, og brugerne kommer i dagtimerne på hverdage.',
    practicalInfo: 'Parkering bag huset ved havnen. Hoveddøren er åben 9–15; meld dig i køkkenet hos Lars eller den, der har vagt.',
    phone: '48 30 55 10',
    email: 'tvaers@tvaers.test',
    status: 'active',
    approvedById: karin,
    createdDaysAgo: 200,
    approvedDaysAgo: 198,
    screening: {
      residentWishes: 'Spil på konsol og pc, hjælp til e-mail og Digital Post, og at holde sig sikker på nettet.',
      wishedTasks: ['games', 'email', 'online_safety'],
      technology: 'To pc’er og en PlayStation i IT-hjørnet; en printer.',
      network: 'Kablet net og wifi i hele huset.',
      staffReadiness: 'Personalet kan det basale; ingen har tid til fast IT-hjælp.',
    },
    ethics: [
      ETHICS_MITID,
      [
        'Spil',
        'Brugere vil spille spil med voldsomt indhold eller køb i spillet.',
        'Vi spiller spil med aldersmærkning op til 16 år, og køb i spil sker kun med egne penge efter aftale med personalet.',
      ],
    ],
    staff: [[lars, 'leader', true]],
  })

  const fyrtaarnet = await facility({
    name: 'Værestedet Fyrtårnet',
    kind: 'vaerested',
    targetGroups: ['psykisk sårbarhed', 'ensomhed'],
    address: 'Nordre Strandvej 21',
    postcode: '3250',
    town: 'Gilleleje',
    municipalityId: gribskovId,
    description:
      'Fyrtårnet er et værested, hvor alle over 18 kan komme forbi til kaffe, fællesspisning og hyggeligt samvær. ' +
      'Mange af vores gæster er ensomme og vil gerne bruge Facebook og Messenger til at holde kontakten.',
    practicalInfo: 'Åbent mandag–torsdag 13–20. Gratis parkering ved stranden. Spørg efter Birgitte i caféen.',
    phone: '48 30 77 40',
    email: 'fyrtaarnet@fyrtaarnet.test',
    status: 'active',
    approvedById: karin,
    createdDaysAgo: 250,
    approvedDaysAgo: 247,
    screening: {
      residentWishes: 'Facebook og Messenger, billeder på telefonen, og at kunne genkende falske beskeder.',
      wishedTasks: ['social_media', 'photos', 'online_safety'],
      technology: 'Gæsterne har egne telefoner. Vi har en fælles tablet og en projektor.',
      network: 'Gratis wifi for gæster.',
      staffReadiness: 'En fastansat og mange frivillige i caféen; ingen IT-ansvarlig.',
    },
    ethics: [
      [
        'Facebook og Messenger',
        'Gæster skriver til de frivillige om aftenen og forventer svar.',
        'Frivillige bruger ikke deres private profiler til gæsterne. Kontakt uden for åbningstid går gennem Fyrtårnets egen side.',
      ],
      [
        'Billeder',
        'Gæster vil lægge billeder fra fællesspisningen på Facebook.',
        'Vi spørger alle på billedet først, og ingen billeder tages i caféens stille hjørne.',
      ],
    ],
    staff: [[birgitte, 'leader', true]],
  })

  const solsikken = await facility({
    name: 'Botilbuddet Solsikken',
    kind: 'botilbud',
    targetGroups: ['autisme', 'unge voksne'],
    address: 'Vejby Strandvej 30',
    postcode: '3210',
    town: 'Vejby',
    municipalityId: gribskovId,
    description:
      'Solsikken er et nyt botilbud for otte unge voksne med autisme, som åbnede i år. Vi vil gerne i gang med ' +
      'IT-frivillige fra starten.',
    practicalInfo: 'Parkering i gården. Ring på ved kontoret og spørg efter Peter.',
    phone: '48 70 12 34',
    status: 'pending',
    createdDaysAgo: 3,
    screening: {
      residentWishes: 'Gaming, YouTube og at lave egne videoer.',
      wishedTasks: ['games', 'photos', 'online_safety'],
      technology: 'Beboerne har egne pc’er og telefoner.',
      network: 'Fibernet; wifi i alle lejligheder.',
      staffReadiness: 'Et ungt personale, der selv er vant til det meste.',
    },
    ethics: [
      ETHICS_MITID,
      [
        'YouTube',
        'Beboere vil lægge videoer af sig selv og andre ud.',
        'Videoer med andre beboere lægges kun ud med deres ja, og vi taler om, hvem der kan se dem.',
      ],
    ],
    staff: [[peter, 'leader', true]],
  })

  await facility({
    name: 'Dagcentret Ved Søen',
    kind: 'other',
    targetGroups: ['ældre', 'demens'],
    address: 'Søvej 2',
    postcode: '3200',
    town: 'Helsinge',
    municipalityId: gribskovId,
    description: 'Dagcenter for ældre borgere. Lukket ved sammenlægningen med Helsinge Aktivitetscenter.',
    practicalInfo: 'Tilbuddet er lukket.',
    status: 'inactive',
    approvedById: karin,
    createdDaysAgo: 360,
    approvedDaysAgo: 355,
    screening: {
      residentWishes: 'Videoopkald med børnebørn.',
      wishedTasks: ['video_calls', 'tablets_phones'],
      technology: 'Tre tablets.',
      network: 'Wifi i dagligstuen.',
      staffReadiness: 'Personalet er flyttet til Helsinge Aktivitetscenter.',
    },
    ethics: [ETHICS_MITID, ['Videoopkald', 'Pårørende vil ringe uanmeldt.', 'Opkald aftales i forvejen med personalet.']],
    staff: [[susanne, 'leader', true, 'removed']],
  })

  const lindehuset = await facility({
    name: 'Bostedet Lindehuset',
    kind: 'bosted',
    targetGroups: ['udviklingshæmning', 'ældre'],
    address: 'Lindevej 15',
    postcode: '3400',
    town: 'Hillerød',
    municipalityId: hillerodId,
    description:
      'Lindehuset er et bosted for 16 ældre med udviklingshæmning tæt på Hillerød centrum. Beboerne har fået tablets ' +
      'med store ikoner og har brug for en fast person, der kan hjælpe med at bruge dem.',
    practicalInfo: 'Parkering på Lindevej. Meld dig ved personalekontoret i stuen og spørg efter Rasmus.',
    phone: '48 26 30 00',
    email: 'lindehuset@lindehuset.test',
    status: 'active',
    approvedById: henrik,
    createdDaysAgo: 150,
    approvedDaysAgo: 147,
    screening: {
      residentWishes: 'Videoopkald med pårørende, billeder fra familien og radio.',
      wishedTasks: ['video_calls', 'tablets_phones', 'photos', 'relatives_support'],
      technology: 'Seks Android-tablets med forenklet startskærm.',
      network: 'Wifi i hele huset.',
      staffReadiness: 'Personalet kan hjælpe med det daglige, men ikke med opsætning.',
    },
    ethics: [
      ETHICS_MITID,
      ['Pårørende', 'Pårørende vil have den frivillige til at sætte overvågning op på en tablet.', 'Frivillige installerer aldrig apps, der deler en beboers placering eller skærm.'],
    ],
    staff: [[rasmus, 'leader', true]],
  })

  const nordlys = await facility({
    name: 'Klubhuset Nordlys',
    kind: 'vaerested',
    targetGroups: ['unge voksne', 'psykisk sårbarhed'],
    address: 'Havnegade 5',
    postcode: '3390',
    town: 'Hundested',
    municipalityId: halsnaesId,
    description: 'Nordlys er et klubtilbud for unge voksne i Halsnæs. Torsdag aften er der gamingklub.',
    practicalInfo: 'Indgang fra havnesiden; spørg efter Camilla.',
    phone: '47 93 11 22',
    status: 'active',
    approvedById: henrik,
    createdDaysAgo: 170,
    approvedDaysAgo: 168,
    screening: {
      residentWishes: 'Gaming sammen og hjælp til at sætte konsoller op.',
      wishedTasks: ['games', 'online_safety'],
      technology: 'To PlayStation 5, fire gaming-pc’er.',
      network: 'Fibernet 1000/1000.',
      staffReadiness: 'Personalet spiller selv med.',
    },
    ethics: [
      ['Discord', 'Unge vil have den frivillige med i deres private Discord-server.', 'Kontakt foregår i klubbens egen Discord-server, ikke privat.'],
      ETHICS_MITID,
    ],
    staff: [[camilla, 'leader', true]],
  })
  step('facilities (6 in Gribskov: 4 active, 1 pending, 1 inactive; 2 under Frivilligcenter Hillerød) with IT screening and ethics policy')

  // --- Job ads -------------------------------------------------------------------------------
  type AdStatus = 'draft' | 'submitted' | 'published' | 'paused' | 'filled' | 'closed'
  const ad = async (data: {
    facilityId: string
    municipalityId: string
    title: string
    tasks: Task[]
    description: string
    targetGroup: string
    weekdays: number[]
    timeFrom?: string
    timeTo?: string
    frequency: 'weekly' | 'biweekly' | 'monthly' | 'flexible'
    startInDays: number
    volunteersWanted: number
    requiresCriminalRecord?: boolean
    requiresChildCertificate?: boolean
    minimumAge?: number
    languages?: string[]
    offers: string
    contactPersonId: string
    createdById: string
    status: AdStatus
    reviewComment?: string
    createdDaysAgo: number
    submittedDaysAgo?: number
    publishedDaysAgo?: number
    closedDaysAgo?: number
  }) => {
    const today = copenhagenDate()
    const publishedAt = data.publishedDaysAgo === undefined ? null : ago(data.publishedDaysAgo)
    const created = await tx.jobAd.create({
      data: {
        facilityId: data.facilityId,
        municipalityId: data.municipalityId,
        title: data.title,
        tasks: json(data.tasks),
        description: data.description,
        boundaries: BOUNDARIES,
        targetGroup: data.targetGroup,
        weekdays: json(data.weekdays),
        timeFrom: data.timeFrom,
        timeTo: data.timeTo,
        frequency: data.frequency,
        startDate: addDays(today, data.startInDays),
        volunteersWanted: data.volunteersWanted,
        requiresConfidentiality: true,
        requiresCriminalRecord: data.requiresCriminalRecord ?? false,
        requiresChildCertificate: data.requiresChildCertificate ?? false,
        minimumAge: data.minimumAge ?? 18,
        languages: json(data.languages ?? ['da']),
        offers: data.offers,
        contactPersonId: data.contactPersonId,
        createdById: data.createdById,
        status: data.status,
        reviewComment: data.reviewComment,
        submittedAt: data.submittedDaysAgo === undefined ? null : ago(data.submittedDaysAgo),
        publishedAt,
        // Published ads run for six months; the board hides them afterwards. An ad still running in
        // the story (published or paused) has been renewed if need be: housekeeping must not close it
        // and mail "your ad has expired" the moment a fresh demo starts.
        expiresAt: publishedAt ? new Date(Math.max(publishedAt.getTime() + 182 * DAY_MS, data.status === 'published' || data.status === 'paused' ? ahead(30).getTime() : 0)) : null,
        closedAt: data.closedDaysAgo === undefined ? null : ago(data.closedDaysAgo),
        createdAt: ago(data.createdDaysAgo),
      },
      select: { id: true },
    })
    return created.id
  }

  const adVideo = await ad({
    facilityId: skovbrynet,
    municipalityId: gribskovId,
    title: 'Fast IT-ven til beboerne – videoopkald og tablets',
    tasks: ['video_calls', 'tablets_phones', 'social_media'],
    description:
      'Vi søger en eller to frivillige, der vil komme fast tirsdag eftermiddag og hjælpe beboerne med deres tablets ' +
      'og telefoner. Typiske opgaver: sætte videoopkald op, så en beboer kan ringe til sin familie, installere og ' +
      'forklare apps og holde styr på billeder. Du sidder i fællesstuen i hus B, og beboerne kommer forbi, når de ' +
      'har lyst. Tålmodighed betyder mere end teknisk ekspertise.',
    targetGroup: 'Voksne med udviklingshæmning og autisme, 20–65 år',
    weekdays: [2],
    timeFrom: '15:00',
    timeTo: '17:00',
    frequency: 'weekly',
    startInDays: -70,
    volunteersWanted: 2,
    requiresCriminalRecord: true,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: jonas,
    createdById: tina,
    status: 'published',
    createdDaysAgo: 84,
    submittedDaysAgo: 83,
    publishedDaysAgo: 81,
  })
  const adCafe = await ad({
    facilityId: skovbrynet,
    municipalityId: gribskovId,
    title: 'Internetcafé om onsdagen',
    tasks: ['internet_cafe', 'music_streaming', 'games', 'photos'],
    description:
      'Hver onsdag fra 14 til 16 holder vi internetcafé i caféen i hovedbygningen. Beboerne kommer med deres ' +
      'telefoner og tablets, og vi hjælper med det, de gerne vil: musik, spil, billeder eller at skrive en besked. ' +
      'Der er plads til tre frivillige ad gangen, og du booker selv de onsdage, du kan.',
    targetGroup: 'Alle beboere på Skovbrynet',
    weekdays: [3],
    timeFrom: '14:00',
    timeTo: '16:00',
    frequency: 'weekly',
    startInDays: -42,
    volunteersWanted: 3,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: jonas,
    createdById: jonas,
    status: 'published',
    createdDaysAgo: 63,
    submittedDaysAgo: 62,
    publishedDaysAgo: 60,
  })
  const adStaffPrograms = await ad({
    facilityId: skovbrynet,
    municipalityId: gribskovId,
    title: 'IT-hjælp til personalet – nye programmer',
    tasks: ['staff_programs'],
    description:
      'Vi har fået nye programmer til vagtplan og beskeder, og flere i personalegruppen har brug for en hånd. Vi ' +
      'søger en frivillig, der et par gange kan vise os genveje og gode vaner.',
    targetGroup: 'Personalet på Skovbrynet',
    weekdays: [4],
    timeFrom: '13:00',
    timeTo: '14:30',
    frequency: 'monthly',
    startInDays: 21,
    volunteersWanted: 1,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: tina,
    createdById: tina,
    status: 'draft',
    reviewComment:
      'Tak for opslaget! Før vi kan offentliggøre det, skal det være tydeligt, hvor grænsen går: skriv, at den ' +
      'frivillige ikke får adgang til journaler, beboeroplysninger eller personalets login, og beskriv hvilke ' +
      'programmer det drejer sig om. Send det gerne ind igen. Venlig hilsen Karin, Frivilligcenter Gribskov',
    createdDaysAgo: 9,
  })
  const adMusic = await ad({
    facilityId: kildevang,
    municipalityId: gribskovId,
    title: 'Musik og Spotify i fælleshuset',
    tasks: ['music_streaming', 'tablets_phones'],
    description:
      'Hver anden torsdag spiser vi sammen i fælleshuset, og bagefter vil beboerne gerne høre musik og lave ' +
      'playlister. Vi søger en musikglad frivillig, der kan hjælpe med Spotify, YouTube og Bluetooth-højttaleren – ' +
      'og vise beboerne, hvordan de selv finder deres musik.',
    targetGroup: 'Voksne med udviklingshæmning',
    weekdays: [4],
    timeFrom: '18:30',
    timeTo: '20:00',
    frequency: 'biweekly',
    startInDays: 7,
    volunteersWanted: 1,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: mette,
    createdById: mette,
    status: 'published',
    createdDaysAgo: 40,
    submittedDaysAgo: 39,
    publishedDaysAgo: 37,
  })
  await ad({
    facilityId: kildevang,
    municipalityId: gribskovId,
    title: 'Sikker på nettet – et lille forløb for beboerne',
    tasks: ['online_safety', 'email'],
    description:
      'Flere beboere har fået falske sms’er og mails. Vi søger en frivillig, der vil holde tre-fire hyggelige ' +
      'eftermiddage om at genkende svindel, lave gode adgangskoder (som beboerne selv holder på) og vide, hvem man ' +
      'spørger, når man er i tvivl.',
    targetGroup: 'Beboere og interesserede fra personalet',
    weekdays: [1],
    timeFrom: '14:00',
    timeTo: '15:30',
    frequency: 'monthly',
    startInDays: 30,
    volunteersWanted: 1,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: mette,
    createdById: mette,
    status: 'submitted',
    createdDaysAgo: 2,
    submittedDaysAgo: 1,
  })
  const adGames = await ad({
    facilityId: tvaers,
    municipalityId: gribskovId,
    title: 'Spil og gaming om mandagen',
    tasks: ['games'],
    description:
      'Mandag eftermiddag spiller vi i IT-hjørnet: Mario Kart, FIFA, Minecraft og kortspil på pc. Vi søger en ' +
      'frivillig, der kan hjælpe i gang, løse tekniske drillerier og spille med.',
    targetGroup: 'Voksne med erhvervet hjerneskade',
    weekdays: [1],
    timeFrom: '13:00',
    timeTo: '15:00',
    frequency: 'weekly',
    startInDays: -150,
    volunteersWanted: 1,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: lars,
    createdById: lars,
    status: 'paused',
    createdDaysAgo: 185,
    submittedDaysAgo: 184,
    publishedDaysAgo: 182,
  })
  const adEmail = await ad({
    facilityId: tvaers,
    municipalityId: gribskovId,
    title: 'Hjælp til e-mail og Digital Post',
    tasks: ['email', 'online_safety'],
    description:
      'Mange af vores brugere får vigtige breve i Digital Post og på mail, men har svært ved at finde rundt i dem. ' +
      'Vi søger en frivillig, der hver anden fredag formiddag vil vise, hvordan man finder, læser og svarer – så ' +
      'brugerne selv kan klare mere. Brugeren logger altid selv ind.',
    targetGroup: 'Voksne med erhvervet hjerneskade eller psykisk sårbarhed',
    weekdays: [5],
    timeFrom: '10:00',
    timeTo: '12:00',
    frequency: 'biweekly',
    startInDays: 10,
    volunteersWanted: 1,
    languages: ['da'],
    offers: OFFERS_GRIBSKOV,
    contactPersonId: lars,
    createdById: lars,
    status: 'published',
    createdDaysAgo: 15,
    submittedDaysAgo: 15,
    publishedDaysAgo: 13,
  })
  const adPhotos = await ad({
    facilityId: fyrtaarnet,
    municipalityId: gribskovId,
    title: 'Billeder og fotoalbum på telefonen',
    tasks: ['photos', 'tablets_phones'],
    description: 'Et forløb om at tage, ordne og dele billeder fra telefonen – og lave et fotoalbum til jul.',
    targetGroup: 'Gæster på Fyrtårnet',
    weekdays: [3],
    timeFrom: '17:00',
    timeTo: '19:00',
    frequency: 'weekly',
    startInDays: -200,
    volunteersWanted: 1,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: birgitte,
    createdById: birgitte,
    status: 'closed',
    createdDaysAgo: 230,
    submittedDaysAgo: 229,
    publishedDaysAgo: 226,
    closedDaysAgo: 45,
  })
  const adFacebook = await ad({
    facilityId: fyrtaarnet,
    municipalityId: gribskovId,
    title: 'Facebook og Messenger – trygt og sjovt',
    tasks: ['social_media', 'online_safety'],
    description:
      'Mange af vores gæster bruger Facebook og Messenger til at holde kontakten med familie og venner. Vi søger en ' +
      'frivillig, der en aften om ugen vil hjælpe med indstillinger for privatliv, grupper, billeder og beskeder – og ' +
      'snakke om, hvad man deler.',
    targetGroup: 'Voksne gæster på værestedet',
    weekdays: [3],
    timeFrom: '17:00',
    timeTo: '19:00',
    frequency: 'weekly',
    startInDays: 14,
    volunteersWanted: 2,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: birgitte,
    createdById: birgitte,
    status: 'published',
    createdDaysAgo: 42,
    submittedDaysAgo: 41,
    publishedDaysAgo: 40,
  })
  await ad({
    facilityId: solsikken,
    municipalityId: gribskovId,
    title: 'IT-frivillig til nyt botilbud',
    tasks: ['games', 'online_safety', 'photos'],
    description: 'Vi er lige startet og vil gerne have en IT-frivillig med fra begyndelsen. Mere følger.',
    targetGroup: 'Unge voksne med autisme',
    weekdays: [],
    frequency: 'flexible',
    startInDays: 30,
    volunteersWanted: 1,
    offers: 'Kaffe og en god start.',
    contactPersonId: peter,
    createdById: peter,
    status: 'draft',
    createdDaysAgo: 2,
  })
  const adTablets = await ad({
    facilityId: lindehuset,
    municipalityId: hillerodId,
    title: 'IT-frivillig til bostedets tablets',
    tasks: ['tablets_phones', 'video_calls', 'relatives_support'],
    description:
      'Beboerne på Lindehuset har fået tablets med store ikoner. Vi søger en frivillig, der hver anden torsdag ' +
      'formiddag vil hjælpe med videoopkald til pårørende og med at se billeder fra familien.',
    targetGroup: 'Ældre med udviklingshæmning',
    weekdays: [4],
    timeFrom: '10:00',
    timeTo: '12:00',
    frequency: 'biweekly',
    startInDays: -56,
    // Lone has one place; Yusuf's application is approved in the agreement story (agreement.spec.ts).
    // With three places the ad is still open after that, so it stays on the board and in the feeds
    // for the board's story (board.spec.ts), which runs after it on the same database.
    volunteersWanted: 3,
    requiresCriminalRecord: true,
    offers: OFFERS_HILLEROD,
    contactPersonId: rasmus,
    createdById: rasmus,
    status: 'published',
    createdDaysAgo: 90,
    submittedDaysAgo: 90,
    publishedDaysAgo: 88,
  })
  const adGamingClub = await ad({
    facilityId: nordlys,
    municipalityId: halsnaesId,
    title: 'Gamingklub torsdag aften',
    tasks: ['games', 'online_safety'],
    description: 'Vær med i gamingklubben torsdag aften – hjælp med opsætning, turneringer og god tone online.',
    targetGroup: 'Unge voksne 18–30 år',
    weekdays: [4],
    timeFrom: '19:00',
    timeTo: '21:00',
    frequency: 'weekly',
    startInDays: -120,
    volunteersWanted: 1,
    requiresChildCertificate: true,
    offers: OFFERS_HILLEROD,
    contactPersonId: camilla,
    createdById: camilla,
    status: 'filled',
    createdDaysAgo: 160,
    submittedDaysAgo: 160,
    publishedDaysAgo: 158,
  })
  step('job ads (6 published, 2 drafts — one returned with a comment — 1 submitted, 1 paused, 1 filled, 1 closed)')

  // --- Applications --------------------------------------------------------------------------
  const application = async (data: {
    jobAdId: string
    volunteerId: string
    motivation: string
    status: 'submitted' | 'in_review' | 'matched' | 'declined' | 'withdrawn'
    createdDaysAgo: number
    createdHoursAgo?: number
    decidedDaysAgo?: number
    updatedDaysAgo?: number
    decisionNote?: string
  }) => {
    const created = await tx.application.create({
      data: {
        jobAdId: data.jobAdId,
        volunteerId: data.volunteerId,
        motivation: data.motivation,
        status: data.status,
        decisionNote: data.decisionNote,
        decidedAt: data.decidedDaysAgo === undefined ? null : ago(data.decidedDaysAgo),
        createdAt: ago(data.createdDaysAgo, data.createdHoursAgo ?? 0),
        updatedAt: ago(data.updatedDaysAgo ?? data.decidedDaysAgo ?? data.createdDaysAgo, data.createdHoursAgo ?? 0),
      },
      select: { id: true },
    })
    return created.id
  }

  const appFrederik = await application({
    jobAdId: adVideo,
    volunteerId: frederik,
    motivation:
      'Jeg bor selv i Helsinge og har god tid om tirsdagen. Jeg har hjulpet min egen mor med videoopkald på ' +
      'iPad, og jeg ved, hvor meget det betyder at kunne se familien.',
    status: 'matched',
    createdDaysAgo: 72,
    decidedDaysAgo: 62,
  })
  await application({
    jobAdId: adVideo,
    volunteerId: mikkel,
    motivation:
      'Min arbejdsgiver giver os tid til frivilligt arbejde, og jeg kan komme tirsdag eftermiddag. Jeg er vant til at ' +
      'forklare teknik til folk, der ikke er teknikere.',
    status: 'in_review',
    createdDaysAgo: 4,
    updatedDaysAgo: 3,
  })
  await application({
    jobAdId: adVideo,
    volunteerId: aisha,
    motivation: 'Jeg taler også arabisk og vil gerne hjælpe beboere med at ringe til familie i udlandet.',
    status: 'submitted',
    createdDaysAgo: 0,
    createdHoursAgo: 5,
  })
  const appSofie = await application({
    jobAdId: adCafe,
    volunteerId: sofie,
    motivation: 'Jeg har fri onsdag eftermiddag og vil rigtig gerne være med i internetcaféen – især musik og spil.',
    status: 'matched',
    createdDaysAgo: 58,
    decidedDaysAgo: 52,
  })
  const appEmma = await application({
    jobAdId: adCafe,
    volunteerId: emma,
    motivation: 'Jeg kan hjælpe med sociale medier og billeder.',
    status: 'declined',
    decisionNote:
      'Kære Emma. Tak, fordi du gerne vil hjælpe på Skovbrynet. Internetcaféen har lige nu de frivillige, den har ' +
      'brug for, så vi kan desværre ikke tilbyde dig en plads her. Vi har gemt din profil, og vi kontakter dig, når ' +
      'der kommer et opslag, der passer til dine onsdage og fredage. De bedste hilsner, Karin, Frivilligcenter Gribskov',
    createdDaysAgo: 48,
    decidedDaysAgo: 44,
  })
  await application({
    jobAdId: adEmail,
    volunteerId: emma,
    motivation: 'Jeg vil gerne prøve igen – jeg hjælper min mormor med e-Boks og Digital Post hver uge.',
    status: 'submitted',
    createdDaysAgo: 1,
  })
  const appOle = await application({
    jobAdId: adMusic,
    volunteerId: ole,
    motivation: 'Musik har altid fyldt meget i mit liv, og torsdag aften passer mig fint.',
    status: 'matched',
    createdDaysAgo: 18,
    decidedDaysAgo: 2,
  })
  const appHanne = await application({
    jobAdId: adGames,
    volunteerId: hanne,
    motivation: 'Jeg elsker spil og har god erfaring med at få alle med, også dem der ikke har prøvet før.',
    status: 'matched',
    createdDaysAgo: 175,
    decidedDaysAgo: 168,
  })
  const appJens = await application({
    jobAdId: adPhotos,
    volunteerId: jens,
    motivation: 'Billeder er min store hobby, og jeg vil gerne dele ud af det.',
    status: 'matched',
    createdDaysAgo: 220,
    decidedDaysAgo: 212,
  })
  await application({
    jobAdId: adFacebook,
    volunteerId: kasper,
    motivation: 'Jeg kan onsdag aften og kender Facebooks indstillinger for privatliv godt.',
    status: 'withdrawn',
    createdDaysAgo: 30,
    updatedDaysAgo: 26,
  })
  const appLone = await application({
    jobAdId: adTablets,
    volunteerId: lone,
    motivation: 'Jeg bor tæt på og har hjulpet ældre i min familie med tablets i flere år.',
    status: 'matched',
    createdDaysAgo: 76,
    decidedDaysAgo: 68,
  })
  await application({
    jobAdId: adTablets,
    volunteerId: yusuf,
    motivation: 'Jeg har fri torsdag formiddag og vil gerne bruge min IT-viden til noget meningsfuldt.',
    status: 'submitted',
    createdDaysAgo: 1,
  })
  const appNikolaj = await application({
    jobAdId: adGamingClub,
    volunteerId: nikolaj,
    motivation: 'Gaming er mit liv, og jeg vil gerne være med til at skabe et godt fællesskab om det.',
    status: 'matched',
    createdDaysAgo: 138,
    decidedDaysAgo: 130,
  })
  step('applications (new, in review for 3 days, matched, declined with a note, withdrawn)')

  // Karin invited Aisha to the video ad this morning, and she applied; Frederik, who already
  // comes on Tuesdays, is invited to the Wednesday café and sees it on the ad's page.
  await tx.applicationInvitation.create({
    data: { jobAdId: adVideo, volunteerId: aisha, invitedById: karin, message: 'Du skrev, at du taler arabisk – flere af beboerne har familie i Libanon.', createdAt: ago(0, 8) },
  })
  await tx.applicationInvitation.create({
    data: { jobAdId: adCafe, volunteerId: frederik, invitedById: karin, message: 'Beboerne er glade for dig om tirsdagen – har du lyst til caféen også?', createdAt: ago(1) },
  })
  step('invitations to apply (one answered by an application, one waiting)')

  // --- Volunteer checks ----------------------------------------------------------------------
  const check = (volunteerId: string, kind: 'confidentiality' | 'criminal_record' | 'child_certificate', daysAgo: number, recordedById: string, validYears?: number, note?: string) =>
    tx.volunteerCheck.create({
      data: {
        volunteerId,
        kind,
        checkedAt: ago(daysAgo),
        expiresAt: validYears ? new Date(ago(daysAgo).getTime() + validYears * 365 * DAY_MS) : null,
        note,
        recordedById,
        createdAt: ago(daysAgo),
      },
    })
  await check(frederik, 'confidentiality', 62, karin)
  const frederikRecord = await check(frederik, 'criminal_record', 63, karin, 2, 'Straffeattest set på Frivilligcenter Gribskov.')
  await check(sofie, 'confidentiality', 52, karin)
  await check(sofie, 'criminal_record', 53, karin, 2)
  await check(ole, 'confidentiality', 2, karin)
  await check(hanne, 'confidentiality', 168, karin)
  await check(jens, 'confidentiality', 212, karin)
  await check(lone, 'confidentiality', 68, henrik)
  await check(lone, 'criminal_record', 69, henrik, 2)
  await check(nikolaj, 'confidentiality', 130, henrik)
  await check(nikolaj, 'child_certificate', 131, henrik, 1, 'Børneattest indhentet med samtykke.')
  step('volunteer checks (confidentiality agreements, criminal-record and child-protection certificates)')

  // --- Matches -------------------------------------------------------------------------------
  const firstTuesday = addDays(previousWeekday(2), -6 * 7)
  const introFrederik = at(addDays(firstTuesday, -7), '14:00')
  const matchFrederik = await tx.match.create({
    data: {
      jobAdId: adVideo,
      facilityId: skovbrynet,
      volunteerId: frederik,
      applicationId: appFrederik,
      status: 'active',
      introAt: introFrederik,
      introPlace: 'Skovbrynet, kontoret i hus A – spørg efter Jonas',
      approvedAt: ago(61),
      approvedById: karin,
      createdAt: ago(62),
    },
  })
  const firstWednesday = addDays(previousWeekday(3), -5 * 7)
  const matchSofie = await tx.match.create({
    data: {
      jobAdId: adCafe,
      facilityId: skovbrynet,
      volunteerId: sofie,
      applicationId: appSofie,
      status: 'active',
      introAt: at(addDays(firstWednesday, -7), '13:00'),
      introPlace: 'Caféen i hovedbygningen på Skovbrynet',
      approvedAt: ago(51),
      approvedById: karin,
      createdAt: ago(52),
    },
  })
  await tx.match.create({
    data: {
      jobAdId: adMusic,
      facilityId: kildevang,
      volunteerId: ole,
      applicationId: appOle,
      status: 'proposed',
      introPlace: 'Fælleshuset på Kildevang',
      createdAt: ago(2),
    },
  })
  const matchHanne = await tx.match.create({
    data: {
      jobAdId: adGames,
      facilityId: tvaers,
      volunteerId: hanne,
      applicationId: appHanne,
      status: 'paused',
      introAt: ago(165),
      introPlace: 'IT-hjørnet på Tværs',
      approvedAt: ago(167),
      approvedById: karin,
      pausedAt: ago(14),
      createdAt: ago(168),
    },
  })
  const matchJens = await tx.match.create({
    data: {
      jobAdId: adPhotos,
      facilityId: fyrtaarnet,
      volunteerId: jens,
      applicationId: appJens,
      status: 'ended',
      introAt: ago(208),
      introPlace: 'Caféen på Fyrtårnet',
      approvedAt: ago(210),
      approvedById: karin,
      endedAt: ago(45),
      endReason:
        'Forløbet om billeder er afsluttet som planlagt med en udstilling af fotoalbum. Jens vil gerne kontaktes om nye opslag til foråret.',
      createdAt: ago(212),
    },
  })
  const firstThursday = addDays(previousWeekday(4), -6 * 7)
  const matchLone = await tx.match.create({
    data: {
      jobAdId: adTablets,
      facilityId: lindehuset,
      volunteerId: lone,
      applicationId: appLone,
      status: 'active',
      introAt: at(addDays(firstThursday, -7), '10:00'),
      introPlace: 'Personalekontoret på Lindehuset',
      approvedAt: ago(67),
      approvedById: henrik,
      createdAt: ago(68),
    },
  })
  const matchNikolaj = await tx.match.create({
    data: {
      jobAdId: adGamingClub,
      facilityId: nordlys,
      volunteerId: nikolaj,
      applicationId: appNikolaj,
      status: 'active',
      introAt: ago(125),
      introPlace: 'Klubhuset Nordlys',
      approvedAt: ago(129),
      approvedById: henrik,
      createdAt: ago(130),
    },
  })
  step('matches (4 active, 1 proposed, 1 paused, 1 ended)')

  // --- Visit plans, windows and visits -------------------------------------------------------
  const now = storyNow
  const loggedAt = (endsAt: Date) => new Date(Math.min(now, endsAt.getTime() + 3 * 3_600_000))

  // Frederik: every Tuesday 15–17 at Skovbrynet, started six weeks before last Tuesday.
  const planFrederik = await tx.visitPlan.create({
    data: {
      matchId: matchFrederik.id,
      weekday: 2,
      startTime: '15:00',
      endTime: '17:00',
      frequency: 'weekly',
      startDate: firstTuesday,
      location: 'Fællesstuen i hus B',
      status: 'confirmed',
      proposedById: jonas,
      confirmedAt: ago(58),
      createdAt: ago(59),
    },
  })
  const frederikNotes = [
    'Vi satte videoopkald op på den ene fælles-iPad, så en beboer kunne ringe til sin søster. Det virkede fint på wifi i fællesstuen.',
    'Ryddede op i billeder på to telefoner og lavede et delt album, som en beboer vil vise sin familie.',
    'Talte om falske sms’er om pakker. Vi lavede et lille kort med tre huskeregler, som ligger ved iPad’erne.',
    null,
    'Opdaterede begge fælles-iPads og lavede genveje til videoopkald med store billeder på hjemmeskærmen.',
    'Hjalp to beboere med at finde deres yndlingsmusik på YouTube og slå automatisk afspilning fra.',
    'Vi øvede Messenger-videoopkald. Én beboer kan nu selv ringe op uden hjælp.',
  ]
  const frederikHelped: Task[][] = [
    ['video_calls', 'tablets_phones'],
    ['photos'],
    ['online_safety'],
    [],
    ['tablets_phones', 'video_calls'],
    ['music_streaming'],
    ['video_calls', 'social_media'],
  ]
  let lastFrederikDay = firstTuesday
  for (let week = 0; week < 11; week++) {
    const day = addDays(firstTuesday, week * 7)
    lastFrederikDay = day
    const startsAt = at(day, '15:00')
    const endsAt = at(day, '17:00')
    const past = endsAt.getTime() < now
    const cancelled = week === 3
    // Last Tuesday's visit is over but nobody has logged it yet: the coordinator sees it, and
    // Frederik can log it.
    const unlogged = week === 6
    await tx.visit.create({
      data: {
        matchId: matchFrederik.id,
        facilityId: skovbrynet,
        volunteerId: frederik,
        planId: planFrederik.id,
        localDate: day,
        startsAt,
        endsAt,
        location: 'Fællesstuen i hus B',
        status: !past || unlogged ? 'planned' : cancelled ? 'cancelled' : 'done',
        cancelledById: past && cancelled ? frederik : null,
        cancelReason: past && cancelled ? 'Jeg er desværre syg. Jeg har sagt det til Jonas, og vi ses på tirsdag.' : null,
        cancelledAt: past && cancelled ? new Date(startsAt.getTime() - 26 * 3_600_000) : null,
        hours: past && !cancelled && !unlogged ? (week === 2 ? 1.5 : 2) : null,
        helpedWith: json(past && !cancelled && !unlogged ? frederikHelped[week] ?? [] : []),
        note: past && !cancelled && !unlogged ? frederikNotes[week] : null,
        loggedById: past && !cancelled && !unlogged ? frederik : null,
        loggedAt: past && !cancelled && !unlogged ? loggedAt(endsAt) : null,
        sequence: past && cancelled ? 1 : 0,
        createdAt: ago(58),
      },
    })
  }
  await tx.visitPlan.update({ where: { id: planFrederik.id }, data: { generatedUntil: lastFrederikDay } })

  // The Wednesday internet café: open visit times with room for three volunteers.
  const cafeWindow = await tx.visitWindow.create({
    data: {
      facilityId: skovbrynet,
      title: 'Internetcafé onsdag',
      weekday: 3,
      startTime: '14:00',
      endTime: '16:00',
      capacity: 3,
      validFrom: firstWednesday,
      location: 'Caféen i hovedbygningen',
      active: true,
      createdAt: ago(50),
    },
  })
  const sofieNotes = [
    'Stor interesse for musik i dag. Vi lavede tre playlister på Spotify sammen med beboerne.',
    'Spillede Wordfeud og hjalp med at flytte billeder fra en gammel telefon til en ny.',
    null,
    'Hjalp med at sætte Chromecast op, så vi kan vise billeder på tv’et i caféen.',
    'Quiz på storskærm og hjælp til at skifte baggrundsbillede – stille og rolig eftermiddag.',
  ]
  for (let week = 0; week < 8; week++) {
    const day = addDays(firstWednesday, week * 7)
    const startsAt = at(day, '14:00')
    const endsAt = at(day, '16:00')
    const past = endsAt.getTime() < now
    const noShow = week === 2
    await tx.visit.create({
      data: {
        matchId: matchSofie.id,
        facilityId: skovbrynet,
        volunteerId: sofie,
        windowId: cafeWindow.id,
        localDate: day,
        startsAt,
        endsAt,
        location: 'Caféen i hovedbygningen',
        status: !past ? 'planned' : noShow ? 'no_show' : 'done',
        hours: past && !noShow ? 2 : null,
        helpedWith: json(past && !noShow ? ['internet_cafe', 'music_streaming'] : []),
        note: past ? (noShow ? 'Sofie kom ikke og havde ikke meldt afbud. Jonas har talt med hende bagefter.' : sofieNotes[week] ?? null) : null,
        loggedById: past ? (noShow ? jonas : sofie) : null,
        loggedAt: past ? loggedAt(endsAt) : null,
        createdAt: new Date(Math.min(now, startsAt.getTime() - 6 * DAY_MS)),
      },
    })
  }
  // Frederik has booked a seat at the next internet café as well: two of three seats are taken.
  const nextWednesday = addDays(previousWeekday(3), 7)
  await tx.visit.create({
    data: {
      matchId: matchFrederik.id,
      facilityId: skovbrynet,
      volunteerId: frederik,
      windowId: cafeWindow.id,
      localDate: nextWednesday,
      startsAt: at(nextWednesday, '14:00'),
      endsAt: at(nextWednesday, '16:00'),
      location: 'Caféen i hovedbygningen',
      status: 'planned',
      createdAt: ago(1),
    },
  })

  // Today Sofie comes for an extra hour and a half in the common room, later than now, so the
  // common-room screen (/who-comes/<DEMO_WHO_COMES_TOKEN>) has a visit today whatever the weekday.
  const today = copenhagenDate(new Date(now))
  const inAnHour = Math.ceil((minutesOf(copenhagenTime(new Date(now))) + 60) / 60) * 60
  const extraStart = Math.min(Math.max(inAnHour, 10 * 60), 22 * 60)
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
  await tx.visit.create({
    data: {
      matchId: matchSofie.id,
      facilityId: skovbrynet,
      volunteerId: sofie,
      localDate: today,
      startsAt: at(today, clock(extraStart)),
      endsAt: at(today, clock(extraStart + 90)),
      location: 'Fællesstuen i hus B',
      status: 'planned',
      createdAt: ago(2),
    },
  })
  // Sofie lets the boards show her photo; Frederik has none, so the board shows his initial.
  await tx.volunteerPhoto.create({ data: { userId: sofie, image: new Uint8Array(await demoPortrait()), consentAt: ago(20), createdAt: ago(20) } })
  await tx.facility.update({ where: { id: skovbrynet }, data: { whoComesToken: DEMO_WHO_COMES_TOKEN } })

  // Skovbrynet closes for a week of staff days four weeks ahead: the café's date in it cannot be
  // booked, and the windows page, the booking page and the calendars say why.
  const closureMonday = addDays(previousWeekday(1), 28)
  await tx.facilityClosure.create({
    data: { facilityId: skovbrynet, fromDate: closureMonday, toDate: addDays(closureMonday, 6), reason: 'Personaledage – caféen holder lukket', createdAt: ago(3) },
  })

  // Nordlys opens its Friday game café to its volunteers. Nikolaj has no fixed plan yet; he came
  // to last Friday's café, and nobody has logged that visit.
  const gameCafe = await tx.visitWindow.create({
    data: {
      facilityId: nordlys,
      title: 'Spilcafé fredag',
      weekday: 5,
      startTime: '16:00',
      endTime: '18:00',
      capacity: 2,
      validFrom: addDays(previousWeekday(5), -14),
      location: 'Caféen i klubhuset',
      active: true,
      createdAt: ago(30),
    },
  })
  const lastFriday = previousWeekday(5)
  await tx.visit.create({
    data: {
      matchId: matchNikolaj.id,
      facilityId: nordlys,
      volunteerId: nikolaj,
      windowId: gameCafe.id,
      localDate: lastFriday,
      startsAt: at(lastFriday, '16:00'),
      endsAt: at(lastFriday, '18:00'),
      location: 'Caféen i klubhuset',
      status: 'planned',
      createdAt: at(addDays(lastFriday, -3), '12:00'),
    },
  })

  // Lone: every second Thursday 10–12 at Lindehuset.
  const planLone = await tx.visitPlan.create({
    data: {
      matchId: matchLone.id,
      weekday: 4,
      startTime: '10:00',
      endTime: '12:00',
      frequency: 'biweekly',
      startDate: firstThursday,
      location: 'Dagligstuen på 1. sal',
      status: 'confirmed',
      proposedById: rasmus,
      confirmedAt: ago(64),
      createdAt: ago(65),
    },
  })
  let lastLoneDay = firstThursday
  for (let fortnight = 0; fortnight < 6; fortnight++) {
    const day = addDays(firstThursday, fortnight * 14)
    lastLoneDay = day
    const startsAt = at(day, '10:00')
    const endsAt = at(day, '12:00')
    const past = endsAt.getTime() < now
    await tx.visit.create({
      data: {
        matchId: matchLone.id,
        facilityId: lindehuset,
        volunteerId: lone,
        planId: planLone.id,
        localDate: day,
        startsAt,
        endsAt,
        location: 'Dagligstuen på 1. sal',
        status: past ? 'done' : 'planned',
        hours: past ? 2 : null,
        helpedWith: json(past ? ['video_calls', 'relatives_support'] : []),
        note: past ? 'Videoopkald med pårørende på to tablets; vi har sat store kontaktbilleder på startskærmen.' : null,
        loggedById: past ? rasmus : null,
        loggedAt: past ? loggedAt(endsAt) : null,
        createdAt: ago(64),
      },
    })
  }
  await tx.visitPlan.update({ where: { id: planLone.id }, data: { generatedUntil: lastLoneDay } })

  // Hanne: Mondays 13–15 at Tværs, paused while she travels.
  const lastMonday = previousWeekday(1)
  const firstMonday = addDays(lastMonday, -22 * 7) // = pauseFrom - 21 weeks
  const planHanne = await tx.visitPlan.create({
    data: {
      matchId: matchHanne.id,
      weekday: 1,
      startTime: '13:00',
      endTime: '15:00',
      frequency: 'weekly',
      startDate: firstMonday,
      location: 'IT-hjørnet',
      status: 'confirmed',
      proposedById: lars,
      confirmedAt: ago(164),
      createdAt: ago(165),
    },
  })
  const pauseFrom = addDays(lastMonday, -7)
  await tx.visitPlanException.create({
    data: {
      planId: planHanne.id,
      kind: 'pause',
      fromDate: pauseFrom,
      toDate: addDays(pauseFrom, 8 * 7 - 1),
      reason: 'Hanne er på en længere rejse og er tilbage efter nytår.',
      createdAt: ago(15),
    },
  })
  const hanneWeeks = 21
  for (let week = hanneWeeks; week >= 1; week--) {
    const day = addDays(pauseFrom, -week * 7)
    const startsAt = at(day, '13:00')
    const endsAt = at(day, '15:00')
    // Tværs closes for three weeks' holiday; Lars cancelled those Mondays well ahead.
    const holiday = week >= 12 && week <= 14
    await tx.visit.create({
      data: {
        matchId: matchHanne.id,
        facilityId: tvaers,
        volunteerId: hanne,
        planId: planHanne.id,
        localDate: day,
        startsAt,
        endsAt,
        location: 'IT-hjørnet',
        status: holiday ? 'cancelled' : 'done',
        cancelledById: holiday ? lars : null,
        cancelReason: holiday ? 'Tværs holder ferielukket i tre uger.' : null,
        cancelledAt: holiday ? new Date(startsAt.getTime() - 30 * DAY_MS) : null,
        sequence: holiday ? 1 : 0,
        hours: holiday ? null : 2,
        helpedWith: json(holiday ? [] : ['games']),
        note: holiday
          ? null
          : week === 1
            ? 'Sidste gang før pausen: Mario Kart-turnering. Lars holder spilleeftermiddagen kørende, til jeg er tilbage.'
            : 'Minecraft og Mario Kart. God stemning.',
        loggedById: holiday ? null : hanne,
        loggedAt: holiday ? null : loggedAt(endsAt),
        createdAt: ago(164),
      },
    })
  }
  await tx.visitPlan.update({ where: { id: planHanne.id }, data: { generatedUntil: addDays(pauseFrom, -7) } })

  // Jens: a Wednesday plan that ended when the photo course finished.
  const jensLast = addDays(previousWeekday(3), -7 * 7)
  const jensWeeks = 21
  const jensFirst = addDays(jensLast, -jensWeeks * 7)
  const planJens = await tx.visitPlan.create({
    data: {
      matchId: matchJens.id,
      weekday: 3,
      startTime: '17:00',
      endTime: '19:00',
      frequency: 'weekly',
      startDate: jensFirst,
      endDate: jensLast,
      location: 'Caféen',
      status: 'ended',
      proposedById: birgitte,
      confirmedAt: ago(205),
      generatedUntil: jensLast,
      createdAt: ago(206),
    },
  })
  for (let week = 0; week <= jensWeeks; week++) {
    const day = addDays(jensFirst, week * 7)
    const startsAt = at(day, '17:00')
    const endsAt = at(day, '19:00')
    // Fyrtårnet was closed in the autumn holiday week; Birgitte cancelled that visit in good time.
    const cancelled = week === 9
    await tx.visit.create({
      data: {
        matchId: matchJens.id,
        facilityId: fyrtaarnet,
        volunteerId: jens,
        planId: planJens.id,
        localDate: day,
        startsAt,
        endsAt,
        location: 'Caféen',
        status: cancelled ? 'cancelled' : 'done',
        cancelledById: cancelled ? birgitte : null,
        cancelReason: cancelled ? 'Fyrtårnet holder lukket i efterårsferien.' : null,
        cancelledAt: cancelled ? new Date(startsAt.getTime() - 10 * DAY_MS) : null,
        sequence: cancelled ? 1 : 0,
        hours: cancelled ? null : 2,
        helpedWith: json(cancelled ? [] : ['photos']),
        note: cancelled ? null : week === jensWeeks ? 'Sidste gang: vi viste de færdige fotoalbum på projektoren.' : 'Billedredigering og fotoalbum.',
        loggedById: cancelled ? null : jens,
        loggedAt: cancelled ? null : loggedAt(endsAt),
        createdAt: ago(205),
      },
    })
  }
  step('visit plans, the Wednesday internet café and Friday game café windows, and visits (done, cancelled, no-show, planned, unlogged); Skovbrynet’s common-room board with a screen address and Sofie’s photo')

  // --- Residents' wishes and feedback (issue 12) ----------------------------------------------
  // Skovbrynet keeps its residents' wishes: one in every state. Staff wrote some, residents added
  // others on the tablet in the common room (easy-read mode). What, never who: no names.
  // Frederik's done Tuesdays have the residents' faces, so his start page thanks him; his last,
  // unlogged Tuesday is left for him to log (the browser story does).
  const frederikDone = await tx.visit.findMany({
    where: { volunteerId: frederik, facilityId: skovbrynet, status: 'done' },
    select: { id: true },
    orderBy: { startsAt: 'asc' },
  })
  const faces = ['happy', 'happy', 'neutral', 'happy', 'happy'] as const
  const helpedCounts = [3, 2, 1, 4, 3]
  const residentWords = ['Nu kan jeg selv ringe til min søster.', null, null, 'Det var sjovt at se billederne på tv’et.', null]
  for (const [index, visit] of frederikDone.entries()) {
    await tx.visit.update({
      where: { id: visit.id },
      data: {
        residentsHelped: helpedCounts[index % helpedCounts.length],
        residentFeedback: faces[index % faces.length],
        feedbackBy: index % 2 === 0 ? 'resident' : 'staff',
        residentWords: residentWords[index % residentWords.length],
      },
    })
  }
  // An ad Jonas wrote from two wishes last week: published, nobody matched on it yet.
  const adPhotosFacebook = await ad({
    facilityId: skovbrynet,
    municipalityId: gribskovId,
    title: 'Billeder og Facebook – lær det i dit eget tempo',
    tasks: ['photos', 'social_media'],
    description:
      'Beboerne på Skovbrynet ønsker hjælp til at tage billeder og dele dem med familien, og flere vil gerne ' +
      'lære Facebook at kende – trygt. Vi søger en frivillig, der vil komme hver anden torsdag og sidde med ' +
      'et par beboere ad gangen i fællesstuen i hus B.',
    targetGroup: 'Voksne med udviklingshæmning og autisme, 20–65 år',
    weekdays: [4],
    timeFrom: '14:00',
    timeTo: '16:00',
    frequency: 'biweekly',
    startInDays: 14,
    volunteersWanted: 1,
    offers: OFFERS_GRIBSKOV,
    contactPersonId: jonas,
    createdById: jonas,
    status: 'published',
    createdDaysAgo: 8,
    submittedDaysAgo: 8,
    publishedDaysAgo: 6,
  })
  const wish = async (data: {
    what: string
    tasks: Task[]
    residentCount: number
    state: 'new' | 'ad_written' | 'being_helped' | 'fulfilled'
    easyRead?: boolean
    addedById: string
    createdDaysAgo: number
    adId?: string
    fulfilledByVisitId?: string
  }) => {
    const createdAt = ago(data.createdDaysAgo)
    const laterStep = (days: number) => ago(Math.max(0, data.createdDaysAgo - days))
    await tx.residentWish.create({
      data: {
        facilityId: skovbrynet,
        what: data.what,
        tasks: json(data.tasks),
        residentCount: data.residentCount,
        state: data.state,
        easyRead: data.easyRead ?? false,
        addedById: data.addedById,
        adWrittenAt: data.state !== 'new' ? laterStep(2) : null,
        beingHelpedAt: data.state === 'being_helped' || data.state === 'fulfilled' ? laterStep(20) : null,
        fulfilledAt: data.state === 'fulfilled' ? laterStep(30) : null,
        fulfilledByVisitId: data.fulfilledByVisitId ?? null,
        createdAt,
        ads: data.adId ? { create: { jobAdId: data.adId } } : undefined,
      },
    })
  }
  await wish({ what: 'Ringe video med min søster', tasks: ['video_calls'], residentCount: 1, state: 'fulfilled', addedById: tina, createdDaysAgo: 88, adId: adVideo, fulfilledByVisitId: frederikDone[0]?.id })
  await wish({ what: 'Ringe video med familien', tasks: ['video_calls', 'tablets_phones'], residentCount: 4, state: 'being_helped', addedById: tina, createdDaysAgo: 86, adId: adVideo })
  await wish({ what: 'Lære at tage billeder', tasks: ['photos'], residentCount: 3, state: 'ad_written', addedById: jonas, createdDaysAgo: 12, adId: adPhotosFacebook })
  await wish({ what: 'Bruge Facebook', tasks: ['social_media'], residentCount: 2, state: 'ad_written', easyRead: true, addedById: jonas, createdDaysAgo: 10, adId: adPhotosFacebook })
  await wish({ what: 'Høre musik', tasks: ['music_streaming'], residentCount: 2, state: 'new', easyRead: true, addedById: jonas, createdDaysAgo: 4 })
  await wish({ what: 'Finde musik fra 70’erne', tasks: ['music_streaming'], residentCount: 1, state: 'new', addedById: tina, createdDaysAgo: 3 })
  await wish({ what: 'Se nyheder på tablet', tasks: ['tablets_phones'], residentCount: 2, state: 'new', easyRead: true, addedById: jonas, createdDaysAgo: 2 })
  step("residents' wishes at Skovbrynet (every state; one ad written from them) and the residents' feedback on Frederik's visits")

  // --- Follow-ups ----------------------------------------------------------------------------
  const followUpFrederik = await tx.followUp.create({
    data: { matchId: matchFrederik.id, dueAt: ago(33), status: 'answered', sentAt: ago(33), createdAt: ago(61) },
  })
  await tx.followUpResponse.create({
    data: {
      followUpId: followUpFrederik.id,
      respondentId: frederik,
      respondentRole: 'volunteer',
      satisfaction: 5,
      expectationsAligned: true,
      wishes: 'Det fungerer godt. Jeg kunne godt tænke mig at mødes med de andre IT-frivillige og høre, hvad de gør med videoopkald.',
      answeredAt: ago(31),
      createdAt: ago(31),
    },
  })
  await tx.followUpResponse.create({
    data: {
      followUpId: followUpFrederik.id,
      respondentId: jonas,
      respondentRole: 'contact_person',
      satisfaction: 5,
      expectationsAligned: true,
      wishes: 'Beboerne ser frem til tirsdagene. Vi vil gerne have én frivillig mere, så vi kan nå flere.',
      answeredAt: ago(30),
      createdAt: ago(30),
    },
  })
  await tx.followUp.create({ data: { matchId: matchFrederik.id, dueAt: ahead(58), status: 'due', createdAt: ago(30) } })
  // Sofie's first check-in fell due while the server was down: the housekeeping run at start sends
  // it (links and all), and it shows as overdue to the coordinator until both have answered.
  await tx.followUp.create({ data: { matchId: matchSofie.id, dueAt: ago(23), status: 'due', createdAt: ago(51) } })
  await tx.followUp.create({ data: { matchId: matchLone.id, dueAt: ago(39), status: 'closed', sentAt: ago(39), createdAt: ago(67) } })
  await tx.followUp.create({ data: { matchId: matchLone.id, dueAt: ahead(52), status: 'due', createdAt: ago(32) } })
  step('follow-ups (answered by volunteer and contact person, overdue and sent at start, closed, due)')

  // --- Cooperation agreements and follow-up meetings -----------------------------------------
  // Each approved match has its agreement as made at approval (from today's facts). Frederik's,
  // Lone's, Hanne's and Jens's are accepted by both; Nikolaj has accepted his and Camilla not yet;
  // Sofie's waits for both (the coordinator sees "aftale mangler" for those two).
  const acceptances: [{ id: string }, number, [string, number] | null, [string, number] | null][] = [
    [matchFrederik, 61, [frederik, 60], [jonas, 59]],
    [matchSofie, 51, null, null],
    [matchHanne, 167, [hanne, 166], [lars, 165]],
    [matchJens, 210, [jens, 209], [birgitte, 208]],
    [matchLone, 67, [lone, 66], [rasmus, 66]],
    [matchNikolaj, 129, [nikolaj, 128], null],
  ]
  for (const [match, approvedDaysAgo, volunteerAccepted, facilityAccepted] of acceptances) {
    const version = await refreshAgreement(tx, match.id, ago(approvedDaysAgo))
    if (!version) continue
    await tx.agreementVersion.update({
      where: { id: version.id },
      data: {
        ...(volunteerAccepted ? { volunteerAcceptedById: volunteerAccepted[0], volunteerAcceptedAt: ago(volunteerAccepted[1]) } : {}),
        ...(facilityAccepted ? { facilityAcceptedById: facilityAccepted[0], facilityAcceptedAt: ago(facilityAccepted[1]) } : {}),
      },
    })
  }
  // Hanne's pause followed a talk: the centre met her and Lars when expectations had drifted apart.
  await tx.followUpMeeting.create({
    data: {
      matchId: matchHanne.id,
      heldOn: copenhagenDate(ago(16)),
      participants: 'Hanne Kristensen, Lars Holm og Karin Koordinator',
      note: 'Spilleaftenerne var blevet for store til én frivillig. Vi aftalte en pause, til der er to frivillige.',
      recordedById: karin,
      createdAt: ago(16),
    },
  })
  step('cooperation agreements (4 accepted by both, 2 waiting) and a follow-up meeting')

  // --- Experience sharing --------------------------------------------------------------------
  type PostSeed = { author: string; daysAgo: number; body: string; hidden?: { by: string; reason: string; daysAgo: number }; quote?: number }
  const thread = async (data: {
    centreId: string
    facilityId?: string
    title: string
    tags: string[]
    authorId: string
    isAnnouncement?: boolean
    pinned?: boolean
    status?: 'open' | 'locked'
    posts: PostSeed[]
  }) => {
    const createdAt = ago(data.posts[0].daysAgo)
    const lastPostAt = ago(data.posts[data.posts.length - 1].daysAgo)
    const created = await tx.thread.create({
      data: {
        centreId: data.centreId,
        facilityId: data.facilityId,
        title: data.title,
        tags: json(data.tags),
        isAnnouncement: data.isAnnouncement ?? false,
        pinned: data.pinned ?? false,
        status: data.status ?? 'open',
        authorId: data.authorId,
        postCount: data.posts.length,
        lastPostAt,
        createdAt,
      },
      select: { id: true },
    })
    const postIds: string[] = []
    for (const post of data.posts) {
      const createdPost = await tx.post.create({
        data: {
          threadId: created.id,
          authorId: post.author,
          body: post.body,
          quotedPostId: post.quote === undefined ? null : postIds[post.quote],
          hiddenAt: post.hidden ? ago(post.hidden.daysAgo) : null,
          hiddenById: post.hidden?.by,
          hiddenReason: post.hidden?.reason,
          createdAt: ago(post.daysAgo),
        },
        select: { id: true },
      })
      postIds.push(createdPost.id)
    }
    const subscribers = [...new Set([data.authorId, ...data.posts.map((post) => post.author)])]
    await tx.threadSubscription.createMany({
      data: subscribers.map((userId) => ({
        userId,
        threadId: created.id,
        createdAt: ago(data.posts.find((post) => post.author === userId)?.daysAgo ?? data.posts[0].daysAgo),
      })),
    })
    return { id: created.id, postIds, lastPostAt }
  }

  const ipadThread = await thread({
    centreId: gribskovCentre.id,
    facilityId: skovbrynet,
    title: 'Videoopkald på fælles-iPad’erne – sådan gør vi',
    tags: ['ipad', 'video_calls', 'tablets_phones'],
    authorId: jonas,
    posts: [
      {
        author: jonas,
        daysAgo: 40,
        body:
          'Flere beboere vil gerne ringe til familien med video. Vi har to fælles-iPads i hus B. Hvad virker bedst – ' +
          'FaceTime, Messenger eller noget helt tredje? Familierne har både iPhone og Android.',
      },
      {
        author: frederik,
        daysAgo: 39,
        body:
          'Jeg har prøvet både FaceTime og Messenger. FaceTime er nemmest, men virker bedst, når familien har iPhone. ' +
          'Til Android-familier har Google Meet fungeret fint: man kan ringe op via et link uden at have en konto.\n\n' +
          'Mit forslag: vi laver en genvej på hjemmeskærmen for hver, der vil ringe, med et tydeligt billede af den, ' +
          'der skal ringes til. Så er det ét tryk.',
      },
      {
        author: tina,
        daysAgo: 38,
        quote: 1,
        body:
          'God idé med genvejene. Husk, at det er personalet, der opretter kontakterne sammen med beboeren, så vi ' +
          'ved, hvem der står på listen – det står også i vores politik for digital etik.',
      },
      {
        author: sofie,
        daysAgo: 30,
        body:
          'Et tip: Slå "Guidet adgang" til under Indstillinger → Tilgængelighed, mens opkaldet er i gang. Så kommer ' +
          'man ikke til at lægge på ved et uheld, når man rører skærmen. Tryk tre gange på sideknappen for at slå det fra igen.',
      },
      {
        author: frederik,
        daysAgo: 6,
        body:
          'Status: Fire beboere ringer nu selv op hver uge. Husk at sætte iPad’erne til opladning mandag aften – ellers ' +
          'løber de tør midt i et opkald tirsdag.',
      },
    ],
  })
  await thread({
    centreId: gribskovCentre.id,
    facilityId: skovbrynet,
    title: 'En beboer vil være Facebook-ven med mig – hvad gør jeg?',
    tags: ['facebook', 'social_media'],
    authorId: sofie,
    posts: [
      {
        author: sofie,
        daysAgo: 20,
        body:
          'I dag spurgte en beboer, om vi ikke skulle være venner på Facebook. Jeg sagde, at jeg lige ville høre ad. ' +
          'Det var svært at sige nej uden at gøre vedkommende ked af det. Hvordan gør I andre?',
      },
      {
        author: tina,
        daysAgo: 20,
        body:
          'Godt, at du spurgte! Vores politik for digital etik siger, at beboere ikke er venner med personalets eller ' +
          'de frivilliges private profiler. Du kan sige, at det er en regel for alle på Skovbrynet – så handler det ' +
          'ikke om personen. Foreslå i stedet, at I følger Skovbrynets fælles Facebook-side sammen.',
      },
      {
        author: frederik,
        daysAgo: 19,
        body:
          'Jeg plejer at sige: "Jeg er her som frivillig, og så er vi venner her i huset." Det har de fleste taget godt ' +
          'imod. Og så glæder vi os til næste tirsdag i stedet.',
      },
    ],
  })

  await thread({
    centreId: gribskovCentre.id,
    title: 'Velkommen til erfaringsdelingen for IT-frivillige i Gribskov',
    tags: [],
    authorId: karin,
    isAnnouncement: true,
    pinned: true,
    posts: [
      {
        author: karin,
        daysAgo: 120,
        body:
          'Her kan frivillige og personale fra alle tilbud i Gribskov dele erfaringer: hvilke apps der virker, gode ' +
          'måder at forklare tingene på, og de dilemmaer I står i.\n\nTo regler: Skriv aldrig noget, der kan ' +
          'identificere en beboer eller gæst – ingen navne, billeder, diagnoser eller adresser. Og husk ' +
          'tavshedserklæringen, også her.\n\nVi holder netværksmøde hver tredje måned på Frivilligcenter Gribskov i ' +
          'Helsinge. Skriv til mig, hvis I har spørgsmål. Venlig hilsen Karin',
      },
    ],
  })

  const musicThread = await thread({
    centreId: gribskovCentre.id,
    title: 'Musik: Spotify, YouTube eller DR LYD?',
    tags: ['spotify', 'youtube', 'music_streaming'],
    authorId: sofie,
    posts: [
      {
        author: sofie,
        daysAgo: 16,
        body:
          'I internetcaféen vil mange høre musik. Gratis-Spotify har reklamer og blander numrene, og det forvirrer ' +
          'nogle. Hvad bruger I andre?',
      },
      {
        author: birgitte,
        daysAgo: 15,
        body:
          'På Fyrtårnet har vi et familieabonnement på Spotify, som værestedet betaler. Hver bruger får sin egen ' +
          'profil, så anbefalingerne ikke blandes sammen. Det har gjort en stor forskel.',
      },
      {
        author: ole,
        daysAgo: 12,
        body:
          'Mads i hus 2 på Kildevang – ham med epilepsien – kan kun finde ud af YouTube, så vi har lavet en playliste til ham.',
        hidden: {
          by: karin,
          daysAgo: 12,
          reason: 'Skjult: indlægget nævnte en beboer ved navn og med helbredsoplysninger. Skriv gerne igen uden noget, der kan identificere personen.',
        },
      },
      {
        author: lars,
        daysAgo: 11,
        body:
          'YouTube med en fast playliste virker godt hos os. Vi laver playlisten sammen med brugeren og lægger den som ' +
          'genvej på skærmen. DR LYD er gratis og uden reklamer – godt til radio og podcasts.',
      },
      {
        author: hanne,
        daysAgo: 3,
        body: 'Husk at slå automatisk afspilning fra i YouTube, ellers ender man hurtigt et helt andet sted end planlagt.',
      },
    ],
  })
  const hiddenPostId = musicThread.postIds[2]
  await tx.postReport.create({
    data: {
      postId: hiddenPostId,
      reporterId: mette,
      reason: 'Indlægget nævner en af vores beboere ved navn.',
      status: 'handled',
      handledById: karin,
      handledAt: ago(12),
      createdAt: ago(12),
    },
  })

  const meetingDay = addDays(previousWeekday(4), -14)
  await thread({
    centreId: gribskovCentre.id,
    title: 'Netværksmøde for IT-frivillige – tilmelding',
    tags: [],
    authorId: karin,
    status: 'locked',
    posts: [
      {
        author: karin,
        daysAgo: 35,
        body:
          `Vi holder netværksmøde ${danishDate(meetingDay)} kl. 17–19 på Frivilligcenter Gribskov, Østergade 20 i ` +
          'Helsinge. Program: erfaringer fra internetcaféen på Skovbrynet, svindel-sms’er – og kaffe og kage. Skriv ' +
          'herunder, hvis du kommer.',
      },
      { author: frederik, daysAgo: 34, body: 'Jeg kommer gerne og fortæller om videoopkaldene.' },
      { author: lars, daysAgo: 30, body: 'Vi kommer to fra Tværs.' },
      {
        author: karin,
        daysAgo: 12,
        body: 'Tak for et godt møde! Noterne om svindel-sms’er ligger i tråden om netop det. Jeg lukker denne tråd nu.',
      },
    ],
  })

  await thread({
    centreId: gribskovCentre.id,
    title: 'Svindel-sms’er og falske opkald – sådan taler vi om det',
    tags: ['online_safety', 'mitid'],
    authorId: lars,
    posts: [
      {
        author: lars,
        daysAgo: 25,
        body:
          'Flere af vores brugere har fået sms’er om "pakker, der venter" og beskeder fra "banken". Hvordan ' +
          'forklarer I, hvad man skal være opmærksom på, uden at gøre folk bange for at bruge telefonen?',
      },
      {
        author: frederik,
        daysAgo: 24,
        body:
          'Vi bruger tre enkle regler:\n1. Klik aldrig på links i sms’er om pakker eller penge.\n2. Banken og MitID ' +
          'ringer aldrig og beder om din kode.\n3. Er du i tvivl, så spørg personalet.\nVi har skrevet dem på et kort, ' +
          'der ligger ved iPad’erne.',
      },
      {
        author: karin,
        daysAgo: 11,
        quote: 1,
        body:
          'Godt kort, Frederik! Må vi dele det med de andre tilbud efter netværksmødet? Digitaliseringsstyrelsen har ' +
          'også gode materialer på sikkerdigital.dk.',
      },
      {
        author: birgitte,
        daysAgo: 9,
        body:
          'Vi har øvet med "falske" sms’er, som personalet selv sendte, så alle kunne se, hvordan de ser ud. Det gjorde ' +
          'det meget konkret, og ingen blev forskrækkede.',
      },
    ],
  })

  await thread({
    centreId: hillerodCentre.id,
    title: 'Tablets med store ikoner – hvilken startskærm bruger I?',
    tags: ['android', 'tablets_phones'],
    authorId: rasmus,
    posts: [
      {
        author: rasmus,
        daysAgo: 21,
        body: 'Vi har seks Android-tablets på Lindehuset. Hvilken forenklet startskærm har I gode erfaringer med?',
      },
      {
        author: lone,
        daysAgo: 17,
        body:
          'Samsungs "Nem tilstand" er indbygget og gratis: store ikoner, større skrift og længere tryk. Vi har valgt ' +
          'den og lagt kun fire apps på forsiden.',
      },
    ],
  })

  await tx.threadRead.createMany({
    data: [
      { userId: frederik, threadId: ipadThread.id, lastReadAt: ipadThread.lastPostAt },
      { userId: sofie, threadId: musicThread.id, lastReadAt: ago(11) },
    ],
  })
  step('experience sharing (2 facility threads at Skovbrynet, 4 network threads in Gribskov incl. an announcement and a locked thread, 1 in Hillerød; one post hidden)')

  // --- Events ----------------------------------------------------------------------------------
  // An intro course with room left and a network meeting that is full with two in line, so both
  // the places-left count and the waiting list show on /events and /centre/events.
  const introDays = [addDays(copenhagenDate(), 14), addDays(copenhagenDate(), 21)]
  await tx.event.create({
    data: {
      centreId: gribskovCentre.id,
      kind: 'intro_meeting',
      title: 'Introkursus for nye IT-frivillige',
      description:
        'To aftener for dig, der er ny som IT-frivillig: hvordan et besøg på et bosted foregår, tavshedspligt, og hvordan man hjælper med MitID og videoopkald uden at tage over.',
      capacity: 12,
      audience: 'volunteers',
      status: 'published',
      signupDeadline: at(addDays(introDays[0], -1), '23:59'),
      createdById: karin,
      createdAt: ago(10),
      sessions: { create: introDays.map((day) => ({ localDate: day, startsAt: at(day, '17:00'), endsAt: at(day, '19:30'), place: 'Frivilligcenter Gribskov, Østergade 20, 3200 Helsinge' })) },
      signups: { create: [sofie, ole, aisha].map((userId, index) => ({ userId, status: 'confirmed', position: index + 1, createdAt: ago(9 - index) })) },
    },
  })
  const networkDay = addDays(copenhagenDate(), 10)
  // The meeting's agenda lives in a thread of the centre's network space (issue 10), posted when it was planned.
  const agenda = await tx.thread.create({
    data: {
      centreId: gribskovCentre.id,
      title: 'Dagsorden og referat: Netværksmøde om tablets og videoopkald',
      tags: json(['tablets_phones', 'video_calls']),
      authorId: karin,
      postCount: 1,
      lastPostAt: ago(20),
      createdAt: ago(20),
      posts: {
        create: [
          {
            authorId: karin,
            createdAt: ago(20),
            body: 'Dagsorden:\n1. Velkommen og kaffe\n2. Tablets med store ikoner – hvad virker?\n3. Videoopkald med pårørende: gode og dårlige erfaringer\n4. Eventuelt\n\nSkriv gerne flere punkter her i tråden. Referatet kommer som svar efter mødet.',
          },
        ],
      },
      subscriptions: { create: [{ userId: karin, createdAt: ago(20) }] },
    },
  })
  await tx.event.create({
    data: {
      centreId: gribskovCentre.id,
      threadId: agenda.id,
      kind: 'network_meeting',
      title: 'Netværksmøde: tablets, videoopkald og tålmodighed',
      description: 'Erfaringsudveksling mellem frivillige og personale. Kaffe og kage fra kl. 16.30.',
      capacity: 4,
      audience: 'network',
      status: 'published',
      signupDeadline: at(networkDay, '17:00'),
      createdById: karin,
      createdAt: ago(20),
      sessions: { create: [{ localDate: networkDay, startsAt: at(networkDay, '17:00'), endsAt: at(networkDay, '19:00'), place: 'Helsinge Bibliotek, mødelokale 2' }] },
      signups: {
        create: [hanne, jens, emma, kasper, lone, nikolaj].map((userId, index) => ({ userId, status: index < 4 ? 'confirmed' : 'waiting', position: index + 1, createdAt: ago(18 - index) })),
      },
    },
  })
  // An internet café open to everyone: members of the public sign up with name and e-mail.
  const cafeDay = addDays(copenhagenDate(), 7)
  await tx.event.create({
    data: {
      centreId: gribskovCentre.id,
      kind: 'internet_cafe',
      title: 'Åben internetcafé på Helsinge Bibliotek',
      description: 'Tag din telefon, tablet eller computer med. IT-frivillige hjælper med MitID, videoopkald, billeder og det, du ellers går og bøvler med. Kaffen er gratis.',
      capacity: 15,
      audience: 'public',
      status: 'published',
      signupDeadline: at(cafeDay, '10:00'),
      createdById: karin,
      createdAt: ago(6),
      sessions: { create: [{ localDate: cafeDay, startsAt: at(cafeDay, '10:00'), endsAt: at(cafeDay, '12:00'), place: 'Helsinge Bibliotek, Torvegade 1, 3200 Helsinge' }] },
      signups: { create: [{ name: 'Grethe Hansen', email: 'grethe.hansen@example.test', status: 'confirmed', position: 1, createdAt: ago(3) }] },
    },
  })
  // Last month's café, so that /centre/events has a past event to show under "Tidligere".
  const pastCafeDay = addDays(copenhagenDate(), -14)
  await tx.event.create({
    data: {
      centreId: gribskovCentre.id,
      kind: 'internet_cafe',
      title: 'Internetcafé: billeder og videoopkald',
      description: 'IT-frivillige hjalp med at sende billeder og ringe op med video. Kaffen var gratis.',
      capacity: 15,
      audience: 'public',
      status: 'published',
      signupDeadline: at(pastCafeDay, '10:00'),
      createdById: karin,
      createdAt: ago(30),
      sessions: { create: [{ localDate: pastCafeDay, startsAt: at(pastCafeDay, '10:00'), endsAt: at(pastCafeDay, '12:00'), place: 'Helsinge Bibliotek, Torvegade 1, 3200 Helsinge' }] },
      signups: {
        create: [
          { name: 'Bent Mortensen', email: 'bent.mortensen@example.test', status: 'confirmed', position: 1, createdAt: ago(20) },
          { name: 'Inger Poulsen', email: 'inger.poulsen@example.test', status: 'confirmed', position: 2, createdAt: ago(18) },
        ],
      },
    },
  })
  step('events (an intro course with 3 of 12 places taken; a full network meeting with 2 on the waiting list and its agenda thread; a public internet café; a past café)')

  // --- Audit trail ---------------------------------------------------------------------------
  const audit = (actorId: string, action: string, entityType: string, entityId: string, daysAgo: number, data?: Record<string, unknown>) =>
    tx.auditLog.create({
      data: { actorId, action, entityType, entityId, data: data ? json(data) : null, createdAt: ago(daysAgo) },
    })
  await audit(admin, 'centre.created', 'Centre', gribskovCentre.id, 400, { name: 'Frivilligcenter Gribskov' })
  await audit(karin, 'facility.approved', 'Facility', skovbrynet, 126, { from: 'pending', to: 'active' })
  await audit(karin, 'ad.published', 'JobAd', adVideo, 81, { from: 'submitted', to: 'published' })
  await audit(karin, 'ad.published', 'JobAd', adCafe, 60, { from: 'submitted', to: 'published' })
  await audit(karin, 'match.approved', 'Match', matchFrederik.id, 61, { from: 'proposed', to: 'active' })
  await audit(karin, 'check.recorded', 'VolunteerCheck', frederikRecord.id, 63, { kind: 'criminal_record', volunteerId: frederik })
  await audit(karin, 'application.declined', 'Application', appEmma, 44, { from: 'in_review', to: 'declined' })
  await audit(karin, 'match.paused', 'Match', matchHanne.id, 14, { from: 'active', to: 'paused' })
  await audit(karin, 'match.ended', 'Match', matchJens.id, 45, { from: 'active', to: 'ended' })
  await audit(karin, 'ad.returned', 'JobAd', adStaffPrograms, 5, { from: 'submitted', to: 'draft' })
  await audit(karin, 'post.hidden', 'Post', hiddenPostId, 12, { reason: 'identifies a resident' })
  step('audit log')

  // --- The municipality's view, its ethics template, a year of history (issue 14) ------------
  const kirsten = await user({ email: 'kommune@frivilligbro.test', name: 'Kirsten Kommune', role: 'municipality', phone: '72 49 60 00', createdDaysAgo: 300 })
  await tx.municipalityAccess.create({ data: { userId: kirsten, municipalityId: gribskovId, createdAt: ago(300) } })
  await writeEthicsTemplateDemo(tx, { gribskovId, kirsten, karin, fyrtaarnet, kildevang, skovbrynet, tina, mette, birgitte })
  step('municipality account (Gribskov), ethics template, adoptions and reviews')
  const history = await writeHistory(tx, {
    facilities: [
      { id: skovbrynet, contact: tina, volunteers: [hanne, emma] },
      { id: kildevang, contact: mette, volunteers: [sofie, ole] },
      { id: tvaers, contact: lars, volunteers: [jens, emma] },
      { id: fyrtaarnet, contact: birgitte, volunteers: [frederik, hanne] },
      { id: lindehuset, contact: rasmus, volunteers: [nikolaj, kasper] },
      { id: nordlys, contact: camilla, volunteers: [lone, kasper] },
    ],
    approver: { gribskov: karin, hillerod: henrik },
  })
  step(`a year of history (${history.matches} ended matches, ${history.visits} visits, ${history.answers} check-in answers)`)
}

type HistoryFacility = { id: string; contact: string; volunteers: string[] }

/** The municipal template (Gribskov): Fyrtårnet adopted an earlier version, the template has changed since. */
async function writeEthicsTemplateDemo(
  tx: Tx,
  ids: { gribskovId: string; kirsten: string; karin: string; fyrtaarnet: string; kildevang: string; skovbrynet: string; tina: string; mette: string; birgitte: string },
) {
  const first = {
    id: 'gribskov-skabelon-1',
    technology: 'Sociale medier',
    dilemma: 'Beboere vil gerne være venner med personale og frivillige på Facebook.',
    agreedValues: 'Personale og frivillige bruger ikke deres private profiler sammen med beboerne. Stedet har en fælles profil, hvis beboerne ønsker det.',
  }
  const second = {
    id: 'gribskov-skabelon-2',
    technology: 'Billeder og video',
    dilemma: 'Beboere tager billeder af hinanden og vil dele dem.',
    agreedValues: 'Man spørger, før man tager og deler et billede af en anden. Frivillige hjælper med at indstille, hvem der kan se billeder.',
  }
  const secondNow = { ...second, agreedValues: `${second.agreedValues} Billeder fra fællesarrangementer deles kun i stedets lukkede gruppe.` }
  const third = {
    id: 'gribskov-skabelon-3',
    technology: 'Kunstig intelligens og chatbots',
    dilemma: 'Beboere spørger en chatbot til råds om helbred, penge eller forhold til andre.',
    agreedValues: 'Frivillige hjælper beboerne med at bruge chatbots og fortæller, at svarene kan være forkerte. Spørgsmål om helbred og penge tages med personalet.',
  }
  await tx.ethicsTemplate.create({
    data: { municipalityId: ids.gribskovId, entries: JSON.stringify([first, secondNow, third]), version: 3, updatedById: ids.kirsten, updatedAt: ago(20) },
  })
  // Fyrtårnet took version 1 in use; since then one entry changed and one was added.
  const adoptedAt = ago(150)
  const position = (await tx.ethicsPolicyEntry.count({ where: { facilityId: ids.fyrtaarnet } })) + 0
  await tx.ethicsPolicyEntry.createMany({
    data: [first, second].map((entry, offset) => ({
      facilityId: ids.fyrtaarnet,
      technology: entry.technology,
      dilemma: entry.dilemma,
      agreedValues: entry.agreedValues,
      position: position + offset,
      createdAt: adoptedAt,
    })),
  })
  await tx.ethicsPolicyState.create({
    data: {
      facilityId: ids.fyrtaarnet,
      updatedAt: adoptedAt,
      templateAdoptedAt: adoptedAt,
      templateVersion: 1,
      templateSnapshot: JSON.stringify([first, second]),
      reviewedOn: copenhagenDate(ago(140)),
      reviewReminderFor: null,
    },
  })
  await tx.ethicsPolicyReview.create({
    data: { facilityId: ids.fyrtaarnet, reviewedOn: copenhagenDate(ago(140)), residents: 6, staff: 3, otherRoles: 'IT-frivillig', note: 'Vi tog skabelonen i brug og gennemgik den på husmødet.', recordedById: ids.birgitte, createdAt: ago(140) },
  })
  // Kildevang reviewed its own policy this autumn; Skovbrynet's last review is over a year old (the reminder is due).
  await tx.ethicsPolicyState.create({ data: { facilityId: ids.kildevang, updatedAt: ago(110), reviewedOn: copenhagenDate(ago(75)) } })
  await tx.ethicsPolicyReview.create({
    data: { facilityId: ids.kildevang, reviewedOn: copenhagenDate(ago(75)), residents: 4, staff: 2, otherRoles: 'pårørenderåd', note: 'Ingen ændringer.', recordedById: ids.mette, createdAt: ago(75) },
  })
  await tx.ethicsPolicyState.create({ data: { facilityId: ids.skovbrynet, updatedAt: ago(130), reviewedOn: copenhagenDate(ago(420)) } })
  await tx.ethicsPolicyReview.create({
    data: { facilityId: ids.skovbrynet, reviewedOn: copenhagenDate(ago(420)), residents: 5, staff: 4, otherRoles: '', note: '', recordedById: ids.tina, createdAt: ago(420) },
  })
}

const HISTORY_END_REASONS = [
  'Forløbet er afsluttet som planlagt.',
  'Den frivillige er flyttet fra området.',
  'Den frivillige har fået nyt arbejde og har ikke tid.',
  'Forløbet er afsluttet som planlagt.',
  'Den frivillige er flyttet fra området.',
  'Beboerne ønskede et andet tidspunkt, som den frivillige ikke kunne.',
]
const HISTORY_TASKS: Task[][] = [['video_calls'], ['photos', 'social_media'], ['email'], ['tablets_phones'], ['music_streaming', 'games'], ['online_safety', 'social_media']]

/**
 * About a year of finished volunteering, so the results report, its charts and everyone's own
 * figures look real: for each facility two earlier matches, approved 11–7 months ago and ended
 * 6–2 months ago, with a weekly visit (mostly done and logged, some cancelled, a no-show now and
 * then) and check-ins answered by both sides. Deterministic: the same counts on every seed.
 */
async function writeHistory(tx: Tx, input: { facilities: HistoryFacility[]; approver: { gribskov: string; hillerod: string } }) {
  let matches = 0
  let visits = 0
  let answers = 0
  for (const [f, facility] of input.facilities.entries()) {
    const place = await tx.facility.findUniqueOrThrow({ where: { id: facility.id }, select: { municipality: { select: { centreId: true, name: true } } } })
    const ad = await tx.jobAd.findFirst({ where: { facilityId: facility.id, publishedAt: { not: null } }, orderBy: { publishedAt: 'asc' }, select: { id: true, tasks: true } })
    if (!ad) continue
    const approver = place.municipality.name === 'Hillerød Kommune' ? input.approver.hillerod : input.approver.gribskov
    for (const [k, volunteerId] of facility.volunteers.entries()) {
      const n = f * 2 + k
      const approvedDaysAgo = 340 - n * 12
      const endedDaysAgo = 190 - n * 10
      const approvedAt = ago(approvedDaysAgo)
      const endedAt = ago(endedDaysAgo)
      const match = await tx.match.create({
        data: {
          jobAdId: ad.id,
          facilityId: facility.id,
          volunteerId,
          status: 'ended',
          introAt: ago(approvedDaysAgo - 3),
          introPlace: 'Fællesstuen',
          approvedAt,
          approvedById: approver,
          endedAt,
          endReason: HISTORY_END_REASONS[n % HISTORY_END_REASONS.length],
          createdAt: ago(approvedDaysAgo + 1),
        },
        select: { id: true },
      })
      matches += 1
      // One visit a week from ten days after approval until the match ended; 10:00–12:00, away from the demo's own plans.
      const rows = []
      const firstDay = copenhagenDate(ago(approvedDaysAgo - 10))
      const lastDay = copenhagenDate(endedAt)
      for (let week = 0; ; week++) {
        const day = addDays(firstDay, week * 7)
        if (day >= lastDay) break
        const startsAt = at(day, '10:00')
        const endsAt = at(day, '12:00')
        const i = week + n
        const status = i % 11 === 5 ? 'cancelled' : i % 17 === 8 ? 'no_show' : 'done'
        rows.push({
          matchId: match.id,
          facilityId: facility.id,
          volunteerId,
          localDate: day,
          startsAt,
          endsAt,
          status,
          hours: status === 'done' ? (i % 4 === 0 ? 1.5 : 2) : null,
          helpedWith: status === 'done' ? json(HISTORY_TASKS[i % HISTORY_TASKS.length]) : '[]',
          loggedById: status === 'cancelled' ? null : volunteerId,
          loggedAt: status === 'cancelled' ? null : new Date(endsAt.getTime() + 3 * 3_600_000),
          cancelledById: status === 'cancelled' ? volunteerId : null,
          cancelledAt: status === 'cancelled' ? new Date(startsAt.getTime() - (i % 2 === 0 ? 5 : 50) * 3_600_000) : null,
          cancelReason: status === 'cancelled' ? 'Syg' : null,
          lateCancellation: status === 'cancelled' && i % 2 === 0,
          createdAt: approvedAt,
        })
      }
      await tx.visit.createMany({ data: rows })
      visits += rows.length
      // Check-ins 28 days after approval, then every 3 months, while the match lasted.
      for (let due = approvedDaysAgo - 28, c = 0; due > endedDaysAgo; due -= 91, c++) {
        const followUp = await tx.followUp.create({ data: { matchId: match.id, dueAt: ago(due), status: 'answered', sentAt: ago(due), createdAt: ago(due + 14) } })
        const volunteerSatisfaction = [5, 4, 4, 3, 5, 2][(n + c) % 6]
        const staffSatisfaction = [4, 5, 3, 4, 4, 5][(n + c) % 6]
        await tx.followUpResponse.createMany({
          data: [
            { followUpId: followUp.id, respondentId: volunteerId, respondentRole: 'volunteer', satisfaction: volunteerSatisfaction, expectationsAligned: volunteerSatisfaction >= 3, answeredAt: ago(due - 1), createdAt: ago(due) },
            { followUpId: followUp.id, respondentId: facility.contact, respondentRole: 'contact_person', satisfaction: staffSatisfaction, expectationsAligned: staffSatisfaction >= 4, answeredAt: ago(due - 2), createdAt: ago(due) },
          ],
        })
        answers += 2
      }
    }
  }
  return { matches, visits, answers }
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function createClient(url: string | undefined) {
  const adapter = new PrismaBetterSQLite3({ url: databaseFilePath(url), timeout: 5000 })
  return new PrismaClient({ adapter })
}

function progressBar() {
  let lastDraw = 0
  return ({ phase, done, total }: LargeSeedProgress) => {
    const time = Date.now()
    if (done < total && time - lastDraw < 100) return
    lastDraw = time
    const share = total === 0 ? 1 : done / total
    const filled = Math.round(share * 30)
    const line = `[${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')}`
    process.stderr.write(`\r${line.padEnd(90)}`)
    if (done >= total) process.stderr.write('\n')
  }
}

async function main() {
  const url = process.env.DATABASE_URL
  if (process.argv.includes('--large')) {
    await seedLarge(url ?? 'file:./data/frivilligbro.db', progressBar())
    return
  }
  const db = createClient(url)
  try {
    const result = await seedIfEmpty(db, {
      demo: process.env.DEMO_DATA !== 'off',
      adminEmail: process.env.ADMIN_EMAIL || undefined,
      adminPassword: process.env.ADMIN_PASSWORD || undefined,
    })
    if (result === 'already-seeded') console.log(`Database ${databaseFilePath(url)} already has users; nothing seeded.`)
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
