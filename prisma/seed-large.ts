// The national-scale data set for benchmarks (`tsx prisma/seed.ts --large`): all 98 municipalities,
// one volunteer centre per municipality, 3,000 facilities, 10,000 published job ads, 50,000
// volunteers, 200,000 visits, 20,000 threads with 200,000 posts, 4,000 events with their sessions,
// sign-ups and attendance — plus the demo log-ins.
//
// Rows are written straight through better-sqlite3 in large transactions; going through Prisma
// would take an hour. Column names are Prisma's field names. DateTime columns hold exactly what
// Prisma's SQLite adapter writes — ISO 8601 in UTC with "+00:00" instead of "Z" — because the app
// compares them as text in WHERE clauses. Booleans are 0/1. Randomness is seeded, so runs give
// the same names, places and texts; dates are relative to the moment of the run, and because
// matches are made until there are exactly 200,000 visits, their number moves a little with the
// weekday the seed runs on.
import { createRequire } from 'node:module'
import { fakerDA } from '@faker-js/faker'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../app/generated/prisma/client'
import { ensureReferenceData } from '../app/models/reference.server'
import { databaseFilePath } from '../app/utils/database-url'
import { TASKS, type Task } from '../app/utils/domain'
import { hashPassword } from '../app/utils/password.server'
import { copenhagenDate, dateOfDay, dayNumber, isoWeekdayOfDay, minutesOf, sqliteInstant, wallClockInstantOfDay } from '../app/utils/time'
import { DEMO_PASSWORD, type LargeSeedProgress } from './seed'

// better-sqlite3 ships no type declarations (and @types/better-sqlite3 is not installed); this is
// the little of its API used here.
type Row = Record<string, string | number | null>
interface Statement {
  run(...params: unknown[]): unknown
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}
interface SqliteDatabase {
  pragma(source: string): unknown
  prepare(source: string): Statement
  transaction<F extends (...args: never[]) => void>(fn: F): F
  close(): void
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteDatabase

export const LARGE_COUNTS = {
  facilities: 3_000,
  publishedAds: 10_000,
  otherAds: { draft: 400, submitted: 300, paused: 300, filled: 1_500, closed: 1_500 },
  volunteers: 50_000,
  /** Matches with visits are made until there are `visits` visits; these wait for approval. */
  proposedMatches: 800,
  openApplications: { submitted: 8_000, in_review: 3_000, declined: 5_000, withdrawn: 4_000 },
  visits: 200_000,
  threads: 20_000,
  posts: 200_000,
  /** Intro meetings, courses, network meetings and internet cafés over the past year and the coming four months. */
  events: 4_000,
} as const

// ---------------------------------------------------------------------------------------------
// Randomness, ids and time
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast and seedable. */
function createRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = createRandom(20_260_301)
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const chance = (probability: number) => random() < probability
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
function sample<T>(items: readonly T[], count: number): T[] {
  const copy = items.slice()
  const result: T[] = []
  while (result.length < count && copy.length > 0) result.push(copy.splice(Math.floor(random() * copy.length), 1)[0])
  return result
}
function weightedPicker(weights: number[]) {
  const cumulative: number[] = []
  let sum = 0
  for (const weight of weights) cumulative.push((sum += weight))
  return () => {
    const target = random() * sum
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] > target) high = middle
      else low = middle + 1
    }
    return low
  }
}

/** cuid-shaped ids (25 lowercase characters starting with "c"), increasing so inserts stay in index order. */
let idCounter = 0
function newId() {
  idCounter++
  const tail = Math.floor(random() * 2_176_782_336).toString(36).padStart(6, '0') + Math.floor(random() * 2_176_782_336).toString(36).padStart(6, '0')
  return `c${idCounter.toString(36).padStart(12, '0')}${tail}`
}

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
const NOW = Date.now()

/** How Prisma's SQLite adapter stores a DateTime. */
const iso = (ms: number) => sqliteInstant(new Date(ms))
const daysAgo = (days: number) => NOW - days * DAY

// Calendar days are day numbers (days since 1970-01-01), as in app/utils/time.ts.
const dateStringCache = new Map<number, string>()
function dateString(day: number) {
  let value = dateStringCache.get(day)
  if (!value) {
    value = dateOfDay(day)
    dateStringCache.set(day, value)
  }
  return value
}
/** UTC milliseconds of a Copenhagen wall-clock time on a calendar day. */
function instant(day: number, time: string) {
  return wallClockInstantOfDay(day, minutesOf(time)).getTime()
}
function todayNumber() {
  return dayNumber(copenhagenDate(new Date(NOW)))
}
/** The first day on or after `day` with this ISO weekday. */
const onOrAfter = (day: number, weekday: number) => day + ((weekday - isoWeekdayOfDay(day) + 7) % 7)

function slug(text: string) {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const KINDS = ['bosted', 'botilbud', 'aktivitetstilbud', 'vaerested', 'other'] as const
type Kind = (typeof KINDS)[number]
const pickKind = weightedPicker([35, 25, 15, 15, 10])
const KIND_PREFIXES: Record<Kind, string[]> = {
  bosted: ['Bostedet', 'Bofællesskabet'],
  botilbud: ['Botilbuddet', 'Bocentret'],
  aktivitetstilbud: ['Aktivitetshuset', 'Dagtilbuddet', 'Værkstedet'],
  vaerested: ['Værestedet', 'Klubhuset', 'Caféen'],
  other: ['Dagcentret', 'Kulturhuset', 'Netværkshuset'],
}
const PLACE_NAMES = [
  'Egely', 'Solbakken', 'Lindegården', 'Kildevang', 'Bøgely', 'Engvang', 'Havkær', 'Nordlys', 'Fyrtårnet',
  'Kastanjen', 'Granly', 'Birkely', 'Rosenhaven', 'Møllegården', 'Elmehøj', 'Strandlyst', 'Søholm', 'Tjørnely',
  'Højvang', 'Ådalen', 'Lærkereden', 'Svanen', 'Fuglsang', 'Bakkehuset', 'Hyldebo', 'Pilehuset', 'Ahornhuset',
  'Regnbuen', 'Trekløveret', 'Solsikken', 'Mågen', 'Ankeret', 'Kompasset', 'Stjernen', 'Bølgen', 'Marehalm',
  'Enghaven', 'Lyngbo', 'Vibegården', 'Rønnebo', 'Valmuen', 'Kornblomsten', 'Tusindfryd', 'Havebo', 'Skovly',
  'Bakkely', 'Åbo', 'Nørrevang', 'Søndervang', 'Vestergården', 'Østerled', 'Kirsebærhaven', 'Æblehaven',
  'Lundegården', 'Kløverhuset', 'Fjordglimt', 'Vindrosen', 'Lyset', 'Broen', 'Spiren',
]
const TARGET_GROUPS = [
  'udviklingshæmning', 'autisme', 'psykisk sårbarhed', 'erhvervet hjerneskade', 'fysisk funktionsnedsættelse',
  'ældre', 'demens', 'unge voksne', 'misbrug', 'hjemløshed', 'ensomhed',
]
const TASK_TITLES: Record<Task, string[]> = {
  social_media: ['Hjælp til Facebook og sociale medier', 'Trygt og sjovt på sociale medier'],
  email: ['Hjælp til e-mail og Digital Post', 'E-mail uden besvær'],
  video_calls: ['Videoopkald med familien', 'Fast IT-ven til videoopkald'],
  music_streaming: ['Musik og Spotify i fællesstuen', 'Musik, radio og podcasts'],
  photos: ['Billeder og fotoalbum på telefonen', 'Foto-hjørnet'],
  games: ['Spil og gaming-eftermiddag', 'Brætspil og computerspil'],
  tablets_phones: ['IT-ven til tablets og telefoner', 'Hjælp til iPad og smartphone'],
  online_safety: ['Sikker på nettet – svindel og adgangskoder', 'Tryg på nettet'],
  internet_cafe: ['Internetcafé for beboerne', 'Ugentlig internetcafé'],
  staff_programs: ['IT-hjælp til personalet', 'Personalet og de nye programmer'],
  relatives_support: ['Kontakt med pårørende via tablet', 'Hold kontakten med familien'],
}
const TASK_SENTENCES: Record<Task, string> = {
  social_media: 'Beboerne vil gerne bruge Facebook og Messenger, men er usikre på indstillinger og hvad man deler.',
  email: 'Flere har svært ved at finde rundt i e-mail og Digital Post og vil gerne klare mere selv.',
  video_calls: 'Mange vil gerne kunne videoringe til familie og venner uden at skulle have hjælp hver gang.',
  music_streaming: 'Musik fylder meget, og beboerne vil gerne lære at finde deres yndlingsmusik selv.',
  photos: 'Telefonerne er fulde af billeder, som beboerne gerne vil ordne, dele og vise frem.',
  games: 'Spil er et godt fællesskab, og vi mangler en, der kan hjælpe i gang og spille med.',
  tablets_phones: 'Beboerne har tablets og telefoner, men mangler en tålmodig hånd til opsætning og apps.',
  online_safety: 'Falske sms’er og svindelopkald fylder, og vi vil gerne gøre beboerne trygge på nettet.',
  internet_cafe: 'Vi holder en ugentlig internetcafé, hvor beboerne kommer med det, de gerne vil have hjælp til.',
  staff_programs: 'Personalet har fået nye programmer og vil gerne have hjælp til genveje og gode vaner.',
  relatives_support: 'Pårørende bor langt væk, og kontakten via tablet betyder meget for beboerne.',
}
const WEEKDAY_NAMES = ['', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']
const SLOTS = [
  { from: '10:00', to: '12:00', part: 'formiddag' },
  { from: '13:00', to: '15:00', part: 'eftermiddag' },
  { from: '14:00', to: '16:00', part: 'eftermiddag' },
  { from: '15:00', to: '17:00', part: 'eftermiddag' },
  { from: '16:30', to: '18:00', part: 'eftermiddag' },
  { from: '18:30', to: '20:00', part: 'aften' },
  { from: '19:00', to: '21:00', part: 'aften' },
]
const BOUNDARIES =
  'Du er frivillig, ikke personale: Du hjælper ikke med personlig pleje, medicin eller økonomi. Du må aldrig ' +
  'håndtere beboernes penge, betalingskort, MitID, pinkoder eller adgangskoder – beder en beboer om det, henviser ' +
  'du venligt til personalet. Du er ikke alene med en beboer bag en lukket dør, og personalet har altid ansvaret.'
const ETHICS = [
  ['Facebook', 'Beboere vil gerne være venner med personalet og de frivillige på Facebook.', 'Beboere må ikke være Facebook-venner med personalets eller de frivilliges private profiler.'],
  ['MitID og adgangskoder', 'Beboere beder den frivillige logge ind for dem eller fortæller deres kode.', 'Frivillige må aldrig kende eller indtaste en beboers MitID, pinkode eller adgangskode.'],
  ['Billeder', 'Beboere vil dele billeder af hinanden på nettet.', 'Billeder af andre deles kun med deres ja, og frivillige tager ikke selv billeder af beboere.'],
  ['Videoopkald', 'En beboer vil ringe til en person, personalet ikke kender.', 'Kontakter oprettes sammen med personalet, så vi ved, hvem der står på listen.'],
  ['Køb og abonnementer', 'Beboere vil købe apps eller abonnementer under besøget.', 'Køb aftales altid med personalet først.'],
  ['Spil', 'Beboere vil spille spil med voldsomt indhold.', 'Vi følger spillenes aldersmærkning og taler om det, hvis nogen bliver utrygge.'],
] as const
const BIO_SENTENCES = [
  'Jeg er pensionist og har god tid.', 'Jeg læser på universitetet og vil gerne bruge min IT-viden til noget meningsfuldt.',
  'Jeg har arbejdet med IT-support i mange år.', 'Jeg er tålmodig og god til at forklare tingene trin for trin.',
  'Jeg hjælper min egen familie med telefoner og tablets.', 'Musik og spil er mine store interesser.',
  'Jeg vil gerne møde nye mennesker i mit lokalområde.', 'Min arbejdsplads giver os tid til frivilligt arbejde.',
  'Jeg har erfaring fra ældreplejen.', 'Jeg kender både iPhone og Android godt.',
  'Jeg er vant til at undervise voksne.', 'Jeg kan bedst sidst på eftermiddagen.',
]
const EMPLOYERS = ['Netcompany', 'Danske Bank', 'Novo Nordisk', 'TDC NET', 'Kommunens IT-afdeling', 'Systematic', 'Nykredit', 'KMD']
const VISIT_NOTES = [
  'Vi satte videoopkald op på fælles-iPad’en; det virkede fint på wifi i fællesstuen.',
  'Ryddede op i billeder og lavede et delt album til familien.',
  'Talte om falske sms’er og lavede et kort med tre huskeregler.',
  'Opdaterede tablets og lavede genveje med store ikoner.',
  'Fandt yndlingsmusik på Spotify og lavede to playlister.',
  'Spillede Mario Kart og hjalp med at sætte en ny controller op.',
  'Hjalp med at finde rundt i Digital Post – beboeren loggede selv ind.',
  'Stille og rolig eftermiddag; mest hjælp til opdateringer.',
  'Øvede Messenger-videoopkald, og nu kan en beboer selv ringe op.',
  'Satte Chromecast op, så vi kan vise billeder på tv’et.',
]
const CANCEL_REASONS = ['Syg – har givet kontaktpersonen besked.', 'Tilbuddet har udflugt den dag.', 'Ferie.', 'Personalemøde i huset.', 'Bilen ville ikke starte.']
const END_REASONS = ['Forløbet er afsluttet som aftalt.', 'Den frivillige er flyttet.', 'Den frivillige har fået nyt arbejde og har ikke længere tid.', 'Tilbuddet har ikke længere brug for hjælpen.']
const THREAD_TITLES: [string, string[]][] = [
  ['Videoopkald på tablets – hvad virker bedst?', ['video_calls', 'ipad']],
  ['FaceTime eller Messenger til familier med Android?', ['video_calls', 'messenger', 'android']],
  ['En beboer vil være Facebook-ven med mig', ['facebook', 'social_media']],
  ['Spotify, YouTube eller DR LYD?', ['spotify', 'youtube', 'music_streaming']],
  ['Svindel-sms’er – sådan taler vi om det', ['online_safety']],
  ['MitID: hvor går grænsen for hjælpen?', ['mitid', 'online_safety']],
  ['Store ikoner og enkel startskærm på Android', ['android', 'tablets_phones']],
  ['Guidet adgang på iPad – erfaringer', ['ipad', 'tablets_phones']],
  ['Gode spil til en gaming-eftermiddag', ['games']],
  ['Internetcafé: hvordan får vi flere med?', ['internet_cafe']],
  ['Billeder fra fællesspisning – må vi dele dem?', ['photos', 'facebook']],
  ['Digital Post uden at tage over', ['email', 'mitid']],
  ['YouTube og automatisk afspilning', ['youtube']],
  ['Opladning og vedligehold af fælles-tablets', ['ipad', 'android']],
  ['Når wifi’en driller i fællesstuen', ['tablets_phones']],
  ['Pårørende der vil overvåge via tablet', ['relatives_support']],
  ['Nyt program til personalet – tips?', ['staff_programs']],
  ['Hvordan forklarer I adgangskoder?', ['online_safety']],
  ['Messenger-grupper med familien', ['messenger', 'social_media']],
  ['Første besøg som IT-frivillig – gode råd', []],
]
const POST_SENTENCES = [
  'Vi har haft gode erfaringer med at lave genveje med store billeder på hjemmeskærmen.',
  'Husk at sætte tablets til opladning aftenen før.',
  'Det virker bedst, når man viser det én gang og derefter lader beboeren selv trykke.',
  'Vores politik for digital etik siger, at vi ikke er venner med beboerne på private profiler.',
  'Google Meet kan bruges uden konto, hvis familien får et link.',
  'Vi skrev tre huskeregler på et kort, som ligger ved fælles-iPad’en.',
  'Spørg altid personalet, hvis noget handler om MitID eller penge.',
  'En fast playliste på YouTube har gjort det meget nemmere hos os.',
  'Slå automatisk afspilning fra, ellers ender man et helt andet sted.',
  'Vi øvede med falske sms’er, som personalet selv sendte – det gjorde det konkret.',
  'Samsungs "Nem tilstand" giver store ikoner og større skrift.',
  'Guidet adgang på iPad forhindrer, at man lægger på ved et uheld.',
  'Det er en god idé at aftale med kontaktpersonen, hvem der opretter nye kontakter.',
  'Hos os kommer beboerne forbi, når de har lyst – det giver ro.',
  'Tak for tippet, det prøver vi på tirsdag!',
  'Det samme oplevede vi i sidste måned.',
  'Jeg kan anbefale materialerne på sikkerdigital.dk.',
  'Vi har lavet en fælles Facebook-side for stedet, som beboerne kan følge.',
  'Det hjalp at skrive trinene ned med store bogstaver.',
  'Vi tager det i små bidder – én ny app ad gangen.',
  'Nogle gange er det bedste at sætte sig og lytte til musik sammen.',
  'Kontaktpersonen er god at spørge, hvis man er i tvivl om noget.',
  'Wifi-dækningen er bedst i fællesstuen, så vi sidder der.',
  'Vi har fået en ekstra oplader, så tablets ikke løber tør.',
  'Det tog tre gange, før det sad fast, men nu kører det.',
  'Godt spørgsmål – vi tager det op på næste netværksmøde.',
]
const HIDDEN_REASON = 'Skjult af koordinatoren: indlægget kunne identificere en beboer. Skriv gerne igen uden navne eller helbredsoplysninger.'

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

type Progress = (progress: LargeSeedProgress) => void

export async function seedLargeDatabase(databaseUrl: string, onProgress: Progress = () => {}) {
  const started = Date.now()
  const file = databaseFilePath(databaseUrl)
  fakerDA.seed(2026)

  // Municipalities and postcodes through the app's own loader, so they match what the app expects.
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 5000 }) })
  try {
    await ensureReferenceData(prisma)
    if ((await prisma.user.count()) > 0) {
      throw new Error(`${file} already has users; the large seed needs a freshly migrated, empty database.`)
    }
  } finally {
    await prisma.$disconnect()
  }
  onProgress({ phase: 'reference data', done: 1, total: 1 })
  const passwordHash = await hashPassword(DEMO_PASSWORD)

  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('foreign_keys = ON')
  db.pragma('cache_size = -200000')
  db.pragma('temp_store = MEMORY')

  const statements = new Map<string, Statement>()
  const insert = (table: string, row: Row) => {
    let statement = statements.get(table)
    if (!statement) {
      const columns = Object.keys(row)
      statement = db.prepare(
        `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
      )
      statements.set(table, statement)
    }
    statement.run(row)
  }
  const assignCentre = db.prepare('UPDATE "Municipality" SET "centreId" = ? WHERE "id" = ?')
  /** Runs `write(i)` for i in [0, total) in transactions of `size`, reporting progress after each. */
  const inBatches = (phase: string, total: number, write: (index: number) => void, size = 5_000) => {
    const run = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index++) write(index)
    })
    for (let from = 0; from < total; from += size) {
      run(from, Math.min(total, from + size))
      onProgress({ phase, done: Math.min(total, from + size), total })
    }
    if (total === 0) onProgress({ phase, done: 0, total: 0 })
  }

  const today = todayNumber()

  // --- Municipalities, centres, coordinators, admin -----------------------------------------
  const municipalities = db.prepare('SELECT id, name, region FROM "Municipality" ORDER BY region, name').all() as { id: string; name: string; region: string }[]
  const postcodeRows = db.prepare('SELECT code, town, municipalityId FROM "Postcode"').all() as { code: string; town: string; municipalityId: string }[]
  const postcodesByMunicipality = municipalities.map((municipality) => postcodeRows.filter((row) => row.municipalityId === municipality.id))
  // Bigger municipalities (more postcodes) get more facilities and volunteers.
  const pickMunicipality = weightedPicker(postcodesByMunicipality.map((rows) => 3 + rows.length))
  const gribskov = municipalities.findIndex((municipality) => municipality.name === 'Gribskov Kommune')

  const userCreated = (min: number, max: number) => daysAgo(int(min, max)) + int(0, DAY / MINUTE) * MINUTE
  const addUser = (data: { email: string; name: string; role: string; phone: string | null; centreId?: string; createdAt: number; verified?: boolean; demo?: boolean }) => {
    const id = newId()
    insert('User', {
      id,
      email: data.email,
      emailVerifiedAt: data.verified === false ? null : iso(data.createdAt + 15 * MINUTE),
      passwordHash,
      name: data.name,
      phone: data.phone,
      role: data.role,
      locale: data.demo || chance(0.93) ? 'da' : 'en',
      centreId: data.centreId ?? null,
      calendarToken: null,
      deactivatedAt: null,
      // Everyone used the app within the last year (spread without drawing from the random
      // sequence, so the rest of the data set is unchanged): no burst of inactivity warnings
      // from the retention pass while the bench measures.
      lastLoginAt: iso(Math.max(data.createdAt, NOW - (Math.floor(data.createdAt / MINUTE) % 365) * DAY)),
      createdAt: iso(data.createdAt),
      updatedAt: iso(data.createdAt),
    })
    return id
  }
  const phone = () => fakerDA.phone.number()
  const personName = () => `${fakerDA.person.firstName()} ${fakerDA.person.lastName()}`

  const centreIds: string[] = []
  const coordinatorIds: string[] = []
  let admin = ''
  inBatches('centres', municipalities.length, (index) => {
    if (index === 0) admin = addUser({ email: 'admin@frivilligbro.test', name: 'Anne Admin', role: 'admin', phone: null, createdAt: daysAgo(900), demo: true })
    const municipality = municipalities[index]
    const place = municipality.name.replace(/ Kommune$/, '').replace(/^(København|Bornholm)s$/, '$1')
    const centreId = newId()
    insert('Centre', {
      id: centreId,
      name: `Frivilligcenter ${place}`,
      email: `${slug(place)}@frivilligcenter.test`,
      phone: phone(),
      address: `${fakerDA.location.street()} ${int(1, 60)}, ${postcodesByMunicipality[index][0]?.code ?? ''} ${postcodesByMunicipality[index][0]?.town ?? place}`,
      createdAt: iso(daysAgo(int(700, 900))),
    })
    assignCentre.run(centreId, municipality.id)
    centreIds.push(centreId)
    coordinatorIds.push(
      addUser({
        email: index === gribskov ? 'koordinator@frivilligbro.test' : `koordinator.${slug(place)}@frivilligbro.test`,
        name: index === gribskov ? 'Karin Koordinator' : personName(),
        role: 'coordinator',
        phone: phone(),
        centreId,
        createdAt: daysAgo(int(600, 700)),
        demo: index === gribskov,
      }),
    )
  })

  // --- Facilities ---------------------------------------------------------------------------
  type Facility = { id: string; municipality: number; kind: Kind; status: string; leader: string; contact: string; town: string; name: string; createdAt: number }
  const facilities: Facility[] = []
  const facilitiesByMunicipality: number[][] = municipalities.map(() => [])
  inBatches('facilities', LARGE_COUNTS.facilities, (index) => {
    const demo = index === 0
    const municipality = demo ? gribskov : pickMunicipality()
    const kind = demo ? 'bosted' : KINDS[pickKind()]
    const postcode = demo ? { code: '3200', town: 'Helsinge' } : pick(postcodesByMunicipality[municipality])
    const status = demo ? 'active' : pick(['active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'pending', 'inactive'])
    const name = demo ? 'Bostedet Skovbrynet' : `${pick(KIND_PREFIXES[kind])} ${pick(PLACE_NAMES)}`
    const createdAt = demo ? daysAgo(400) : userCreated(20, 1_000)
    const id = newId()
    const leader = addUser({
      email: demo ? 'tilbud@frivilligbro.test' : `leder${index}@frivilligbro.test`,
      name: demo ? 'Tina Tilbud' : personName(),
      role: 'facility_staff',
      phone: phone(),
      createdAt: createdAt - HOUR,
      demo,
    })
    const contact = addUser({ email: `kontakt${index}@frivilligbro.test`, name: personName(), role: 'facility_staff', phone: phone(), createdAt: createdAt + DAY })
    const groups = sample(TARGET_GROUPS, int(1, 3))
    const tasks = sample(TASKS, int(2, 5))
    insert('Facility', {
      id,
      name,
      kind,
      targetGroups: JSON.stringify(groups),
      address: `${fakerDA.location.street()} ${int(1, 120)}`,
      postcode: postcode.code,
      town: postcode.town,
      municipalityId: municipalities[municipality].id,
      description:
        `${name} er et ${kind === 'vaerested' ? 'værested' : kind === 'aktivitetstilbud' ? 'aktivitetstilbud' : 'tilbud'} i ${postcode.town} for ` +
        `borgere med ${groups.join(' og ')}. ${TASK_SENTENCES[tasks[0]]} ${TASK_SENTENCES[tasks[1]]}`,
      practicalInfo: 'Parkering foran huset. Ring på ved kontoret og spørg efter din kontaktperson; første gang får du en rundvisning og wifi-koden.',
      phone: phone(),
      email: `kontakt@${slug(name)}-${index}.test`,
      website: null,
      status,
      approvedAt: status === 'pending' ? null : iso(createdAt + 2 * DAY),
      approvedById: status === 'pending' ? null : coordinatorIds[municipality],
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt + 2 * DAY),
    })
    insert('FacilityMembership', { id: newId(), facilityId: id, userId: leader, role: 'leader', isContactPerson: demo ? 1 : 0, status: 'active', createdAt: iso(createdAt) })
    insert('FacilityMembership', { id: newId(), facilityId: id, userId: contact, role: 'staff', isContactPerson: 1, status: 'active', createdAt: iso(createdAt + DAY) })
    insert('FacilityItScreening', {
      id: newId(),
      facilityId: id,
      residentWishes: tasks.map((task) => TASK_SENTENCES[task]).join(' '),
      wishedTasks: JSON.stringify(tasks),
      technology: pick(['To fælles-iPads og en pc i fællesstuen.', 'Beboerne har egne telefoner; en fælles Android-tablet.', 'Et smart-tv med Chromecast og tre tablets.']),
      network: pick(['Gæste-wifi i hele huset.', 'Wifi i fællesstuen; svag dækning i lejlighederne.', 'Fibernet med wifi overalt.']),
      staffReadiness: pick(['Personalet kan det basale, men mangler tid.', 'Personalet er usikre på sikkerhed på nettet.', 'En IT-ansvarlig i personalegruppen.']),
      updatedAt: iso(createdAt + 3 * DAY),
    })
    sample(ETHICS, int(2, 3)).forEach(([technology, dilemma, agreedValues], position) =>
      insert('EthicsPolicyEntry', { id: newId(), facilityId: id, technology, dilemma, agreedValues, position, createdAt: iso(createdAt + 3 * DAY) }),
    )
    facilities.push({ id, municipality, kind, status, leader, contact, town: postcode.town, name, createdAt })
    facilitiesByMunicipality[municipality].push(index)
  })
  const activeFacilities = facilities.map((_, index) => index).filter((index) => facilities[index].status === 'active')

  // --- Job ads ------------------------------------------------------------------------------
  type Ad = { id: string; facility: number; status: string; weekday: number; slot: (typeof SLOTS)[number]; frequency: string; tasks: Task[]; publishedAt: number; closedAt: number | null }
  const ads: Ad[] = []
  const adStatuses: string[] = [
    ...Array<string>(LARGE_COUNTS.publishedAds).fill('published'),
    ...Object.entries(LARGE_COUNTS.otherAds).flatMap(([status, count]) => Array<string>(count).fill(status)),
  ]
  for (let index = adStatuses.length - 1; index > 1; index--) {
    const other = 1 + Math.floor(random() * index)
    ;[adStatuses[index], adStatuses[other]] = [adStatuses[other], adStatuses[index]]
  }
  inBatches('job ads', adStatuses.length, (index) => {
    const demo = index === 0
    const status = adStatuses[index]
    const facilityIndex = demo ? 0 : pick(activeFacilities)
    const facility = facilities[facilityIndex]
    const tasks: Task[] = demo ? ['video_calls', 'tablets_phones', 'social_media'] : sample(TASKS, int(1, 3))
    const weekday = demo ? 2 : int(1, 10) > 9 ? int(6, 7) : int(1, 5)
    const slot = demo ? SLOTS[3] : pick(SLOTS)
    const frequency = demo ? 'weekly' : pick(['weekly', 'weekly', 'weekly', 'biweekly', 'biweekly', 'monthly', 'flexible'])
    const lifetime = Math.min(1_000, Math.max(1, Math.floor((NOW - facility.createdAt) / DAY) - 3))
    // Published, paused and filled ads are live or recent; closed ads are older.
    const publishedDaysAgo = demo
      ? 120
      : status === 'closed'
        ? int(Math.min(lifetime, 150), lifetime)
        : status === 'filled'
          ? int(1, Math.min(lifetime, 400))
          : int(1, Math.min(lifetime, 170))
    const publishedAt = daysAgo(publishedDaysAgo) + int(8 * 60, 16 * 60) * MINUTE
    const hasBeenPublished = status !== 'draft' && status !== 'submitted'
    const submittedAt = hasBeenPublished ? publishedAt - int(4, 72) * HOUR : status === 'submitted' ? NOW - int(1, 240) * HOUR : null
    const createdAt = (submittedAt ?? NOW - int(1, 30) * DAY) - int(1, 48) * HOUR
    const closedAt = status === 'closed' ? Math.min(NOW - DAY, publishedAt + int(30, 140) * DAY) : null
    const id = newId()
    const title = demo ? 'Fast IT-ven til beboerne – videoopkald og tablets' : `${pick(TASK_TITLES[tasks[0]])} – ${WEEKDAY_NAMES[weekday]} ${slot.part}`
    insert('JobAd', {
      id,
      facilityId: facility.id,
      municipalityId: municipalities[facility.municipality].id,
      title,
      tasks: JSON.stringify(tasks),
      description:
        `${facility.name} i ${facility.town} søger en IT-frivillig ${WEEKDAY_NAMES[weekday]} ${slot.part}. ` +
        tasks.map((task) => TASK_SENTENCES[task]).join(' ') +
        ' Du får en fast kontaktperson og en god introduktion. Tålmodighed betyder mere end teknisk ekspertise.',
      boundaries: BOUNDARIES,
      targetGroup: `Borgere i ${facility.name}`,
      weekdays: JSON.stringify(frequency === 'flexible' ? [] : [weekday]),
      timeFrom: frequency === 'flexible' ? null : slot.from,
      timeTo: frequency === 'flexible' ? null : slot.to,
      frequency,
      startDate: dateString(Math.round(publishedAt / DAY) + 14),
      volunteersWanted: demo ? 2 : pick([1, 1, 1, 2, 2, 3]),
      requiresConfidentiality: 1,
      requiresCriminalRecord: chance(0.4) ? 1 : 0,
      requiresChildCertificate: chance(0.05) ? 1 : 0,
      minimumAge: chance(0.8) ? 18 : null,
      languages: JSON.stringify(chance(0.9) ? ['da'] : ['da', 'en']),
      offers: 'En fast kontaktperson, kaffe, introduktion til stedet og netværk med andre IT-frivillige via frivilligcentret.',
      contactPersonId: facility.contact,
      createdById: chance(0.5) ? facility.leader : facility.contact,
      status,
      reviewComment: status === 'draft' && chance(0.25) ? 'Beskriv gerne tydeligere, hvad den frivillige ikke skal hjælpe med, og send opslaget ind igen.' : null,
      submittedAt: submittedAt === null ? null : iso(submittedAt),
      publishedAt: hasBeenPublished ? iso(publishedAt) : null,
      expiresAt: hasBeenPublished ? iso(publishedAt + 182 * DAY) : null,
      closedAt: closedAt === null ? null : iso(closedAt),
      createdAt: iso(createdAt),
      updatedAt: iso(closedAt ?? (hasBeenPublished ? publishedAt : createdAt)),
    })
    ads.push({ id, facility: facilityIndex, status, weekday, slot, frequency, tasks, publishedAt, closedAt })
  })

  // --- Volunteers ---------------------------------------------------------------------------
  const PARTS = ['morning', 'afternoon', 'evening'] as const
  const volunteers: { id: string; municipality: number }[] = []
  const volunteersByMunicipality: number[][] = municipalities.map(() => [])
  inBatches('volunteers', LARGE_COUNTS.volunteers, (index) => {
    const demo = index === 0
    const municipality = demo ? gribskov : pickMunicipality()
    const createdAt = demo ? daysAgo(230) : userCreated(1, 900)
    const userId = addUser({
      email: demo ? 'frivillig@frivilligbro.test' : `frivillig${index}@frivilligbro.test`,
      name: demo ? 'Frederik Frivillig' : personName(),
      role: 'volunteer',
      phone: chance(0.9) ? phone() : null,
      createdAt,
      verified: demo || chance(0.97),
      demo,
    })
    const profileId = newId()
    const postcode = demo ? { code: '3200' } : pick(postcodesByMunicipality[municipality])
    insert('VolunteerProfile', {
      id: profileId,
      userId,
      bio: sample(BIO_SENTENCES, int(1, 3)).join(' '),
      postcode: postcode.code,
      municipalityId: municipalities[municipality].id,
      employer: chance(0.1) ? pick(EMPLOYERS) : null,
      languages: JSON.stringify(chance(0.8) ? ['da'] : chance(0.75) ? ['da', 'en'] : ['da', 'en', pick(['de', 'ar', 'tr', 'pl', 'uk'])]),
      birthYear: int(1945, 2007),
      pausedAt: !demo && chance(0.05) ? iso(NOW - int(1, 120) * DAY) : null,
      consentDataAt: iso(createdAt),
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
    })
    for (const task of demo ? (['video_calls', 'tablets_phones', 'social_media', 'online_safety'] as Task[]) : sample(TASKS, int(2, 4))) {
      insert('VolunteerSkill', { id: newId(), profileId, task, level: int(1, 3) })
    }
    const slots = new Set<number>(demo ? [2 * 3 + 1, 3 * 3 + 1] : [])
    const wanted = int(2, 5)
    while (slots.size < wanted) slots.add(int(1, 7) * 3 + int(0, 2))
    for (const slot of slots) insert('VolunteerAvailability', { id: newId(), profileId, weekday: Math.floor(slot / 3), part: PARTS[slot % 3] })
    insert('VolunteerArea', { profileId, municipalityId: municipalities[municipality].id })
    if (chance(0.4)) {
      const region = municipalities[municipality].region
      const neighbour = pick(municipalities.filter((other, otherIndex) => other.region === region && otherIndex !== municipality))
      if (neighbour) insert('VolunteerArea', { profileId, municipalityId: neighbour.id })
    }
    volunteers.push({ id: userId, municipality })
    volunteersByMunicipality[municipality].push(index)
  })
  const volunteerNear = (municipality: number) => {
    const local = volunteersByMunicipality[municipality]
    return local.length > 0 && chance(0.85) ? pick(local) : int(1, volunteers.length - 1)
  }

  // --- Matches with their plans and visits, then the open applications --------------------
  // Each match gets an application that led to it, checks, follow-ups and a recurring plan
  // whose visits run from the first week after the intro meeting to the end of the match (or
  // about two months ahead for active ones). Matches are made until there are exactly
  // LARGE_COUNTS.visits visits.
  const applied = new Set<number>()
  const pairKey = (volunteer: number, ad: number) => volunteer * 100_000 + ad
  const adsByStatus = (statuses: string[]) => ads.map((_, index) => index).filter((index) => index !== 0 && statuses.includes(ads[index].status))
  const adsForMatch = {
    active: adsByStatus(['published', 'filled']),
    proposed: adsByStatus(['published']),
    paused: adsByStatus(['published', 'paused', 'filled']),
    ended: adsByStatus(['closed', 'filled']),
  }
  type MatchStatus = keyof typeof adsForMatch
  const checkedVolunteers = new Set<number>()
  const matchCounts: Record<MatchStatus, number> = { active: 0, proposed: 0, paused: 0, ended: 0 }
  let visitsWritten = 0

  const freePair = (status: MatchStatus) => {
    for (;;) {
      const adIndex = pick(adsForMatch[status])
      const volunteer = volunteerNear(facilities[ads[adIndex].facility].municipality)
      if (!applied.has(pairKey(volunteer, adIndex))) {
        applied.add(pairKey(volunteer, adIndex))
        return { adIndex, volunteer }
      }
    }
  }

  const createMatch = (wanted: MatchStatus, demo: boolean) => {
    let status: MatchStatus = wanted
    const { adIndex, volunteer } = demo ? { adIndex: 0, volunteer: 0 } : freePair(status)
    if (demo) applied.add(pairKey(0, 0))
    const ad = ads[adIndex]
    const facility = facilities[ad.facility]
    const volunteerId = volunteers[volunteer].id
    const coordinator = coordinatorIds[facility.municipality]
    const horizon = Math.min(NOW, ad.closedAt ?? NOW)
    const applicationCreated = Math.max(ad.publishedAt + HOUR, Math.min(horizon - 20 * DAY, ad.publishedAt + int(1, 30) * DAY))
    const decidedAt = Math.min(NOW - 2 * HOUR, applicationCreated + int(2, 8) * DAY)
    const approvedAt = status === 'proposed' ? NOW - int(1, 72) * HOUR : Math.min(NOW - HOUR, decidedAt + int(1, 3) * DAY)
    const introAt = approvedAt + 3 * DAY
    // A match that is too young to have been paused or ended is still active.
    if ((status === 'paused' || status === 'ended') && horizon - introAt < 30 * DAY) status = 'active'
    const endAt =
      status === 'ended'
        ? introAt + 28 * DAY + random() * (horizon - DAY - introAt - 28 * DAY)
        : status === 'paused'
          ? introAt + 28 * DAY + random() * (NOW - DAY - introAt - 28 * DAY)
          : null
    const applicationId = newId()
    insert('Application', {
      id: applicationId,
      jobAdId: ad.id,
      volunteerId,
      motivation: 'Jeg vil gerne hjælpe og har tid på det tidspunkt, I nævner.',
      status: 'matched',
      decisionNote: null,
      decidedAt: iso(decidedAt),
      createdAt: iso(applicationCreated),
      updatedAt: iso(decidedAt),
    })
    const matchId = newId()
    insert('Match', {
      id: matchId,
      jobAdId: ad.id,
      facilityId: facility.id,
      volunteerId,
      applicationId,
      status,
      introAt: status === 'proposed' ? null : iso(introAt),
      introPlace: status === 'proposed' ? null : `${facility.name}, kontoret – spørg efter kontaktpersonen`,
      approvedAt: status === 'proposed' ? null : iso(approvedAt),
      approvedById: status === 'proposed' ? null : coordinator,
      pausedAt: status === 'paused' && endAt ? iso(endAt) : null,
      endedAt: status === 'ended' && endAt ? iso(endAt) : null,
      endReason: status === 'ended' ? pick(END_REASONS) : null,
      createdAt: iso(decidedAt),
      updatedAt: iso(endAt ?? approvedAt),
    })
    matchCounts[status]++
    if (status === 'proposed') return

    if (!checkedVolunteers.has(volunteer)) {
      checkedVolunteers.add(volunteer)
      const checkedAt = decidedAt - DAY
      insert('VolunteerCheck', { id: newId(), volunteerId, kind: 'confidentiality', checkedAt: iso(checkedAt), expiresAt: null, note: null, recordedById: coordinator, createdAt: iso(checkedAt) })
      if (demo || chance(0.45)) {
        insert('VolunteerCheck', { id: newId(), volunteerId, kind: 'criminal_record', checkedAt: iso(checkedAt), expiresAt: iso(checkedAt + 730 * DAY), note: null, recordedById: coordinator, createdAt: iso(checkedAt) })
      }
    }
    // Follow-ups: four weeks after approval, then every three months while the match lasts.
    const followUpsUntil = endAt ?? NOW
    for (let dueAt = approvedAt + 28 * DAY; ; dueAt += 91 * DAY) {
      const followUpId = newId()
      if (dueAt > followUpsUntil) {
        if (status === 'active') insert('FollowUp', { id: followUpId, matchId, dueAt: iso(dueAt), status: 'due', sentAt: null, createdAt: iso(dueAt - 91 * DAY) })
        break
      }
      const answered = chance(0.75)
      insert('FollowUp', { id: followUpId, matchId, dueAt: iso(dueAt), status: answered ? 'answered' : 'closed', sentAt: iso(dueAt), createdAt: iso(approvedAt) })
      if (answered) {
        const answeredAt = Math.min(NOW - MINUTE, dueAt + int(1, 72) * HOUR)
        insert('FollowUpResponse', {
          id: newId(),
          followUpId,
          respondentId: volunteerId,
          respondentRole: 'volunteer',
          satisfaction: int(3, 5),
          expectationsAligned: chance(0.9) ? 1 : 0,
          wishes: chance(0.3) ? 'Det går godt. Jeg vil gerne mødes med andre IT-frivillige.' : null,
          answeredAt: iso(answeredAt),
          createdAt: iso(answeredAt),
        })
      }
    }

    // The plan and its visits.
    const step = ad.frequency === 'biweekly' ? 14 : 7
    const weekday = ad.weekday
    const { from: startTime, to: endTime } = ad.slot
    const firstDay = onOrAfter(Math.floor(introAt / DAY) + 2, weekday)
    const lastDay =
      status === 'active' ? onOrAfter(today, weekday) + (Math.floor(56 / step) - 1) * step : Math.floor((endAt ?? NOW) / DAY) - 1
    const possible = lastDay >= firstDay ? Math.floor((lastDay - firstDay) / step) + 1 : 0
    const count = Math.min(possible, LARGE_COUNTS.visits - visitsWritten)
    const location = demo ? 'Fællesstuen i hus B' : pick(['Fællesstuen', 'Caféen', 'IT-hjørnet', 'Dagligstuen', 'Fælleshuset'])
    const planId = newId()
    const planCreated = Math.min(NOW - MINUTE, introAt + HOUR)
    insert('VisitPlan', {
      id: planId,
      matchId,
      weekday,
      startTime,
      endTime,
      frequency: step === 14 ? 'biweekly' : 'weekly',
      nthWeekday: null,
      startDate: dateString(firstDay),
      endDate: status === 'ended' ? dateString(firstDay + Math.max(0, count - 1) * step) : null,
      location,
      status: status === 'ended' ? 'ended' : 'confirmed',
      proposedById: facility.contact,
      confirmedAt: iso(planCreated),
      generatedUntil: count > 0 ? dateString(firstDay + (count - 1) * step) : null,
      createdAt: iso(planCreated),
      updatedAt: iso(planCreated),
    })
    const hours = (instant(firstDay, endTime) - instant(firstDay, startTime)) / HOUR
    for (let visit = 0; visit < count; visit++) {
      const day = firstDay + visit * step
      const startsAt = instant(day, startTime)
      const endsAt = instant(day, endTime)
      const past = endsAt < NOW
      const roll = random()
      // A few recent visits are not logged yet.
      const visitStatus = !past
        ? 'planned'
        : demo
          ? visit % 9 === 4 ? 'cancelled' : 'done'
          : roll < 0.87 ? 'done' : roll < 0.94 ? 'cancelled' : roll < 0.97 || NOW - endsAt > 21 * DAY ? 'no_show' : 'planned'
      const cancelledAt = visitStatus === 'cancelled' ? Math.max(planCreated, startsAt - int(2, 96) * HOUR) : null
      const loggedBy = visitStatus === 'done' ? (chance(0.7) ? volunteerId : facility.contact) : visitStatus === 'no_show' ? facility.contact : null
      const loggedAt = loggedBy ? Math.min(NOW - MINUTE, endsAt + int(1, 30) * HOUR) : null
      insert('Visit', {
        id: newId(),
        matchId,
        facilityId: facility.id,
        volunteerId,
        planId,
        windowId: null,
        localDate: dateString(day),
        startsAt: iso(startsAt),
        endsAt: iso(endsAt),
        location,
        status: visitStatus,
        cancelledById: visitStatus === 'cancelled' ? (chance(0.6) ? volunteerId : facility.contact) : null,
        cancelReason: visitStatus === 'cancelled' ? pick(CANCEL_REASONS) : null,
        cancelledAt: cancelledAt === null ? null : iso(cancelledAt),
        lateCancellation: cancelledAt !== null && startsAt - cancelledAt < 24 * HOUR ? 1 : 0,
        hours: visitStatus === 'done' ? (chance(0.8) ? hours : Math.max(0.5, hours - 0.5)) : null,
        helpedWith: JSON.stringify(visitStatus === 'done' ? sample(ad.tasks, int(1, ad.tasks.length)) : []),
        note: visitStatus === 'done' && chance(0.6) ? pick(VISIT_NOTES) : null,
        loggedById: loggedBy,
        loggedAt: loggedAt === null ? null : iso(loggedAt),
        reminderQueuedAt: startsAt - DAY < NOW ? iso(Math.max(planCreated, startsAt - DAY)) : null,
        sequence: visitStatus === 'cancelled' ? 1 : 0,
        createdAt: iso(planCreated),
        updatedAt: iso(loggedAt ?? cancelledAt ?? planCreated),
      })
    }
    visitsWritten += count
  }

  const pickMatchStatus = weightedPicker([75, 7, 18])
  const matchRun = db.transaction((first: boolean) => {
    for (let n = 0; n < 250 && visitsWritten < LARGE_COUNTS.visits; n++) {
      createMatch(first && n === 0 ? 'active' : (['active', 'paused', 'ended'] as const)[pickMatchStatus()], first && n === 0)
    }
  })
  for (let first = true; visitsWritten < LARGE_COUNTS.visits; first = false) {
    matchRun(first)
    onProgress({ phase: 'matches and visits', done: visitsWritten, total: LARGE_COUNTS.visits })
  }
  inBatches('proposed matches', LARGE_COUNTS.proposedMatches, () => createMatch('proposed', false))

  const openStatuses = Object.entries(LARGE_COUNTS.openApplications).flatMap(([status, count]) => Array<string>(count).fill(status))
  const applicationAds = adsByStatus(['published'])
  inBatches('applications', openStatuses.length, (index) => {
    const status = openStatuses[index]
    let adIndex: number
    let volunteer: number
    do {
      adIndex = pick(applicationAds)
      volunteer = volunteerNear(facilities[ads[adIndex].facility].municipality)
    } while (applied.has(pairKey(volunteer, adIndex)))
    applied.add(pairKey(volunteer, adIndex))
    const ad = ads[adIndex]
    const earliest = Math.max(ad.publishedAt + HOUR, NOW - 60 * DAY)
    // New applications are days old; some have waited in review for longer than 48 hours.
    const createdAt = status === 'submitted' ? Math.max(earliest, NOW - int(1, 6 * 24) * HOUR) : earliest + random() * (NOW - HOUR - earliest)
    const decided = status === 'declined' || status === 'withdrawn'
    const decidedAt = decided ? Math.min(NOW - MINUTE, createdAt + int(1, 10) * DAY) : null
    insert('Application', {
      id: newId(),
      jobAdId: ad.id,
      volunteerId: volunteers[volunteer].id,
      motivation: pick(['Jeg har tid på det tidspunkt og vil gerne hjælpe.', 'Jeg bor tæt på og kender de apps, I nævner.', 'Jeg hjælper min familie med det samme og vil gerne gøre det for flere.']),
      status,
      decisionNote: status === 'declined' ? 'Tak for din ansøgning. Opslaget er desværre besat, men vi har gemt din profil og kontakter dig, når der kommer noget, der passer.' : null,
      decidedAt: status === 'declined' && decidedAt ? iso(decidedAt) : null,
      createdAt: iso(createdAt),
      updatedAt: iso(decidedAt ?? createdAt),
    })
  })

  // Open visit times ("internet café") at every tenth active facility.
  const windowFacilities = activeFacilities.filter((_, index) => index % 10 === 0)
  inBatches('visit windows', windowFacilities.length, (index) => {
    const facility = facilities[windowFacilities[index]]
    const weekday = int(1, 5)
    insert('VisitWindow', {
      id: newId(),
      facilityId: facility.id,
      title: `Internetcafé ${WEEKDAY_NAMES[weekday]}`,
      weekday,
      startTime: '14:00',
      endTime: '16:00',
      capacity: int(2, 4),
      validFrom: dateString(today - int(10, 200)),
      validTo: null,
      location: 'Caféen',
      active: 1,
      createdAt: iso(daysAgo(int(10, 200))),
    })
  })

  // --- Threads and posts --------------------------------------------------------------------
  const staffByMunicipality = facilitiesByMunicipality.map((list) => list.flatMap((index) => [facilities[index].leader, facilities[index].contact]))
  const threadCount = LARGE_COUNTS.threads
  // Every thread has one post; the rest go mostly to a minority of lively threads.
  const postCounts = new Array<number>(threadCount).fill(1)
  const liveliness = Array.from({ length: threadCount }, (_, index) => index)
  for (let index = threadCount - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[liveliness[index], liveliness[other]] = [liveliness[other], liveliness[index]]
  }
  for (let post = threadCount; post < LARGE_COUNTS.posts; post++) postCounts[liveliness[Math.floor(threadCount * random() ** 1.5)]]++
  let postsWritten = 0
  const threadRun = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const announcement = index < municipalities.length
      const facilityIndex = !announcement && chance(0.4) ? pick(activeFacilities) : null
      const municipality = announcement ? index : facilityIndex !== null ? facilities[facilityIndex].municipality : pickMunicipality()
      const centreId = centreIds[municipality]
      const coordinator = coordinatorIds[municipality]
      const localVolunteers = volunteersByMunicipality[municipality]
      const pool: string[] = [coordinator]
      if (facilityIndex !== null) pool.push(facilities[facilityIndex].leader, facilities[facilityIndex].contact)
      else pool.push(...sample(staffByMunicipality[municipality], 3))
      for (let n = 0; n < 5 && localVolunteers.length > 0; n++) pool.push(volunteers[pick(localVolunteers)].id)
      const [title, tags] = announcement ? ['Velkommen til erfaringsdelingen for IT-frivillige', []] : pick(THREAD_TITLES)
      const authorId = announcement || pool.length === 1 ? coordinator : pool[int(1, pool.length - 1)]
      const count = postCounts[index]
      const createdAt = NOW - int(1, 730) * DAY + int(0, 23 * 60) * MINUTE
      // Posts follow each other by minutes to days, always before now.
      const gaps = Array.from({ length: count - 1 }, () => int(5, 3 * 24 * 60) * MINUTE)
      const span = gaps.reduce((sum, gap) => sum + gap, 0)
      const room = NOW - MINUTE - createdAt
      const scale = span > room ? room / span : 1
      const times = [createdAt]
      for (const gap of gaps) times.push(times[times.length - 1] + Math.floor(gap * scale))
      const threadId = newId()
      insert('Thread', {
        id: threadId,
        centreId,
        facilityId: facilityIndex === null ? null : facilities[facilityIndex].id,
        title,
        tags: JSON.stringify(tags),
        isAnnouncement: announcement ? 1 : 0,
        status: !announcement && chance(0.03) ? 'locked' : 'open',
        pinned: announcement ? 1 : 0,
        authorId,
        postCount: count,
        lastPostAt: iso(times[times.length - 1]),
        createdAt: iso(createdAt),
      })
      const postIds: string[] = []
      const subscribers = new Map<string, number>()
      for (let post = 0; post < count; post++) {
        const author = post === 0 ? authorId : pick(pool)
        const postId = newId()
        const hidden = post > 0 && chance(0.005)
        insert('Post', {
          id: postId,
          threadId,
          authorId: author,
          body: announcement && post === 0
            ? 'Her deler frivillige og personale erfaringer på tværs af tilbud. Skriv aldrig noget, der kan identificere en beboer, og husk tavshedserklæringen.'
            : sample(POST_SENTENCES, int(1, 4)).join(' '),
          quotedPostId: post > 1 && chance(0.05) ? pick(postIds) : null,
          editedAt: chance(0.03) ? iso(Math.min(NOW, times[post] + 10 * MINUTE)) : null,
          hiddenAt: hidden ? iso(Math.min(NOW, times[post] + HOUR)) : null,
          hiddenById: hidden ? coordinator : null,
          hiddenReason: hidden ? HIDDEN_REASON : null,
          createdAt: iso(times[post]),
        })
        postIds.push(postId)
        if (!subscribers.has(author)) subscribers.set(author, times[post])
      }
      for (const [userId, since] of subscribers) {
        insert('ThreadSubscription', { userId, threadId, lastNotifiedAt: null, createdAt: iso(since) })
      }
      postsWritten += count
    }
  })
  // The search index appends each new post to its thread's document (a trigger); for 200,000
  // posts that rewrites long documents over and over. Here the trigger is set aside and every
  // document is written once at the end; the trigger's own SQL is put back unchanged.
  const postIndexTrigger = db.prepare(`SELECT "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" = 'ThreadSearch_post_insert'`).get() as { sql: string } | undefined
  if (postIndexTrigger) db.prepare('DROP TRIGGER "ThreadSearch_post_insert"').run()
  for (let from = 0; from < threadCount; from += 500) {
    threadRun(from, Math.min(threadCount, from + 500))
    onProgress({ phase: 'threads and posts', done: postsWritten, total: LARGE_COUNTS.posts })
  }
  if (postIndexTrigger) {
    db.prepare(`
      UPDATE "ThreadSearch" SET "body" = coalesce((SELECT group_concat("b", char(10)) FROM (
        SELECT p."body" AS "b" FROM "Post" p
        WHERE p."threadId" = (SELECT d."threadId" FROM "ThreadSearchDoc" d WHERE d."docId" = "ThreadSearch"."rowid") AND p."hiddenAt" IS NULL
        ORDER BY p."createdAt", p."id")), '')`).run()
    db.prepare(postIndexTrigger.sql).run()
  }

  // --- Events (issue 10) ----------------------------------------------------------------------
  // Last of all, so the seeded randomness of everything above is unchanged. Each centre's events
  // follow its size; past sessions have their attendance ticked, and a course attended every time
  // is completed. Some past network meetings link a thread of the centre's network space.
  const networkThreads = new Map<string, string[]>()
  for (const row of db.prepare('SELECT "id", "centreId" FROM "Thread" WHERE "facilityId" IS NULL ORDER BY "createdAt"').all() as { id: string; centreId: string }[]) {
    const list = networkThreads.get(row.centreId) ?? []
    list.push(row.id)
    networkThreads.set(row.centreId, list)
  }
  const EVENT_KINDS = [
    { kind: 'intro_meeting', audience: 'volunteers', title: 'Introaften for nye IT-frivillige', sessions: 1, course: true },
    { kind: 'course_volunteers', audience: 'volunteers', title: 'Kursus: tablets og videoopkald med beboere', sessions: 2, course: true },
    { kind: 'course_staff', audience: 'staff', title: 'Kursus for IT-ambassadører', sessions: 3, course: true },
    { kind: 'network_meeting', audience: 'network', title: 'Netværksmøde for IT-frivillige og personale', sessions: 1, course: false },
    { kind: 'internet_cafe', audience: 'public', title: 'Åben internetcafé', sessions: 1, course: false },
  ] as const
  const pickEventKind = weightedPicker([30, 20, 15, 20, 15])
  let signupsWritten = 0
  inBatches('events', LARGE_COUNTS.events, (index) => {
    const municipality = pickMunicipality()
    const centreId = centreIds[municipality]
    const coordinator = coordinatorIds[municipality]
    const type = EVENT_KINDS[pickEventKind()]
    const firstDay = today + int(-365, 120)
    const days = Array.from({ length: type.sessions }, (_, n) => firstDay + n * 7)
    const sessions = days.map((day) => ({ id: newId(), day, startsAt: instant(day, '17:00'), endsAt: instant(day, '19:00') }))
    const past = sessions[0].startsAt <= NOW
    const status = past ? 'published' : chance(0.05) ? 'draft' : chance(0.03) ? 'cancelled' : 'published'
    const capacity = int(8, 30)
    const createdAt = Math.min(NOW - HOUR, sessions[0].startsAt - int(20, 60) * DAY)
    const threads = networkThreads.get(centreId) ?? []
    const threadId = type.kind === 'network_meeting' && past && threads.length > 0 && chance(0.3) ? pick(threads) : null
    const eventId = newId()
    insert('Event', {
      id: eventId,
      centreId,
      kind: type.kind,
      title: `${type.title} ${index % 2 === 0 ? 'i centret' : `– ${WEEKDAY_NAMES[isoWeekdayOfDay(firstDay)]}`}`,
      description: type.course ? 'Vi gennemgår det vigtigste, og der er tid til spørgsmål. Tag gerne din egen tablet eller telefon med.' : 'Kom og mød andre, del erfaringer og få en kop kaffe.',
      capacity,
      audience: type.audience,
      signupDeadline: iso(sessions[0].startsAt),
      status,
      sequence: status === 'cancelled' ? 1 : 0,
      threadId,
      createdById: coordinator,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
    })
    for (const session of sessions) {
      insert('EventSession', {
        id: session.id,
        eventId,
        localDate: dateString(session.day),
        startsAt: iso(session.startsAt),
        endsAt: iso(session.endsAt),
        place: 'Frivilligcentret, mødelokalet',
        onlineUrl: null,
      })
    }
    if (status === 'draft') return
    // Who signs up: the centre's volunteers, its facilities' staff, or (public) people without an account.
    const people = type.audience === 'staff' ? staffByMunicipality[municipality] : volunteersByMunicipality[municipality].map((v) => volunteers[v].id)
    const wanted = Math.min(int(0, capacity + 6), people.length + (type.audience === 'public' ? 10 : 0))
    const chosen = new Set<string>()
    for (let n = 0; n < wanted * 2 && chosen.size < wanted; n++) {
      if (type.audience === 'public' && (people.length === 0 || chance(0.4))) chosen.add(`public:${index}:${n}`)
      else if (people.length > 0) chosen.add(pick(people))
    }
    let position = 0
    for (const person of chosen) {
      position++
      const publicPerson = person.startsWith('public:')
      const cancelled = chance(0.05)
      const signupStatus = cancelled ? 'cancelled' : position <= capacity ? 'confirmed' : 'waiting'
      const attended = signupStatus === 'confirmed' && past ? sessions.filter((session) => session.startsAt <= NOW && chance(0.85)) : []
      const completed = type.course && attended.length === sessions.length && sessions.every((session) => session.endsAt <= NOW)
      const signupId = newId()
      const signedUpAt = createdAt + int(1, 15) * DAY
      insert('EventSignup', {
        id: signupId,
        eventId,
        userId: publicPerson ? null : person,
        name: publicPerson ? personName() : null,
        email: publicPerson ? `borger${index}-${position}@example.test` : null,
        status: signupStatus,
        position,
        createdAt: iso(Math.min(NOW - MINUTE, signedUpAt)),
        updatedAt: iso(Math.min(NOW - MINUTE, signedUpAt)),
        tokenHash: null,
        completedAt: completed ? iso(sessions[sessions.length - 1].endsAt) : null,
      })
      for (const session of attended) {
        insert('EventAttendance', { id: newId(), sessionId: session.id, signupId, recordedById: coordinator, createdAt: iso(Math.min(NOW - MINUTE, session.endsAt + HOUR)) })
      }
      signupsWritten++
    }
  }, 500)
  onProgress({ phase: 'event sign-ups', done: signupsWritten, total: signupsWritten })

  insert('AuditLog', { id: newId(), actorId: admin, action: 'seed.large', entityType: 'Database', entityId: 'large', data: JSON.stringify(LARGE_COUNTS), createdAt: iso(NOW) })

  db.pragma('wal_checkpoint(TRUNCATE)')
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
  const summary = ['Municipality', 'Centre', 'User', 'Facility', 'JobAd', 'VolunteerProfile', 'VolunteerSkill', 'VolunteerAvailability', 'Application', 'Match', 'Visit', 'Thread', 'Post', 'ThreadSubscription', 'Event', 'EventSession', 'EventSignup', 'EventAttendance']
    .map((table) => `${table} ${count(table).toLocaleString('en')}`)
    .join(' · ')
  const published = (db.prepare(`SELECT count(*) AS n FROM "JobAd" WHERE status = 'published'`).get() as { n: number }).n
  db.close()
  console.log(`Large data set in ${file}: ${summary} (published ads ${published.toLocaleString('en')})`)
  console.log(`Log in as admin@, koordinator@ (Gribskov), tilbud@, frivillig@frivilligbro.test — or leder<n>@, kontakt<n>@, frivillig<n>@frivilligbro.test — with ${DEMO_PASSWORD}.`)
  console.log(`Total time ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
