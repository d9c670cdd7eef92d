import crypto from 'node:crypto'
import { releaseEventPlacesIn } from '~/models/event.server'
import { changeMatchStatusIn, type MatchChangeTelling } from '~/models/follow-up.server'
import { checkCurrentPassword } from '~/models/user.server'
import { audit } from '~/utils/audit.server'
import { checkpointDatabase, prisma, type Tx } from '~/utils/db.server'
import type { Locale } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'

/**
 * Deleting an account (GDPR art. 17) anonymises it instead of removing the row: visits, hours and
 * matches stay countable for the municipality's statistics, while everything that names the person
 * goes. See README decision 22.
 */

/** Matches that still bind the volunteer to a facility; all of them end when the account goes. */
const OPEN_MATCH_STATUSES = ['proposed', 'active', 'paused']
const OPEN_APPLICATION_STATUSES = ['submitted', 'in_review']
/** What replaces the person's name, e-mail or phone inside text that stays (posts, notes, audit data). */
const REDACTED = '[…]'

export type DeletionBlock =
  | { kind: 'coordinator' }
  | { kind: 'admin' }
  | { kind: 'last-leader'; facilities: { id: string; name: string }[] }

export type AnonymizeResult = { ok: true } | { ok: false; reason: 'not-found' | 'already-deleted' | DeletionBlock['kind'] }

/**
 * Who cannot delete themselves, and what must happen first: a centre needs its coordinators and
 * the installation its admins (an administrator closes those accounts), and a facility must never
 * be left without a leader (the leader hands the role on first).
 */
export async function deletionBlocks(userId: string, db: Tx = prisma): Promise<DeletionBlock[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } })
  if (!user) return []
  if (user.role === 'coordinator') return [{ kind: 'coordinator' }]
  if (user.role === 'admin') return [{ kind: 'admin' }]
  const leading = await db.facilityMembership.findMany({
    where: { userId, role: 'leader', status: 'active', facility: { status: { not: 'inactive' } } },
    select: { facility: { select: { id: true, name: true, memberships: { where: { role: 'leader', status: 'active', userId: { not: userId } }, select: { id: true } } } } },
  })
  const alone = leading.filter((membership) => membership.facility.memberships.length === 0).map(({ facility }) => ({ id: facility.id, name: facility.name }))
  return alone.length > 0 ? [{ kind: 'last-leader', facilities: alone }] : []
}

// ---------------------------------------------------------------------------------------------
// Finding the person's name, e-mail and phone inside text
// ---------------------------------------------------------------------------------------------

type Needle = { text: string; pattern: RegExp; caseInsensitive: boolean }

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** React escapes these in e-mail HTML, so a name like O'Brien is stored as O&#x27;Brien there. */
const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

/**
 * What to look for. A name is matched as written and as a whole word (a short name like "Ib" must
 * not hit "Ibsen" or every "tilbud"); an e-mail address in any case; a phone number as typed, as
 * bare digits and, for numbers with a country code, as its last eight digits.
 */
export function needlesFor(person: { name: string; emails: string[]; phone: string | null }): Needle[] {
  const needles: Needle[] = []
  const add = (text: string, caseInsensitive: boolean, boundary: 'word' | 'digit' | 'none') => {
    if (!text || needles.some((needle) => needle.text === text)) return
    const body = escapeRegExp(text)
    const source =
      boundary === 'word' ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : boundary === 'digit' ? `(?<!\\d)${body}(?!\\d)` : body
    needles.push({ text, caseInsensitive, pattern: new RegExp(source, caseInsensitive ? 'giu' : 'gu') })
  }
  const name = person.name.trim()
  if (name) {
    add(name, false, 'word')
    add(escapeHtml(name), false, 'word')
  }
  for (const email of person.emails) add(email.trim(), true, 'none')
  const phone = person.phone?.trim()
  if (phone) {
    add(phone, false, 'digit')
    const digits = phone.replace(/\D/g, '')
    if (digits.length >= 6) add(digits, false, 'digit')
    if (digits.length > 8) add(digits.slice(-8), false, 'digit')
  }
  return needles
}

export function mentions(value: string | null | undefined, needles: Needle[]) {
  if (!value) return false
  return needles.some((needle) => {
    needle.pattern.lastIndex = 0
    return needle.pattern.test(value)
  })
}

export function redact(value: string, needles: Needle[]) {
  return needles.reduce((text, needle) => text.replace(needle.pattern, REDACTED), value)
}

function redactJson(value: unknown, needles: Needle[]): unknown {
  if (typeof value === 'string') return redact(value, needles)
  if (Array.isArray(value)) return value.map((item) => redactJson(item, needles))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactJson(item, needles)]))
  return value
}

/** A cheap SQL pre-filter (instr), so only rows that may name the person are read into JS. */
function prefilter(columns: string[], needles: Needle[]) {
  const clauses: string[] = []
  const values: string[] = []
  for (const column of columns) {
    for (const needle of needles) {
      clauses.push(needle.caseInsensitive ? `instr(lower("${column}"), ?) > 0` : `instr("${column}", ?) > 0`)
      values.push(needle.caseInsensitive ? needle.text.toLowerCase() : needle.text)
    }
  }
  return { sql: clauses.join(' OR '), values }
}

/**
 * Free text that stays after the account goes but may name the person: their own posts ("Hilsen
 * Emma Holm"), others' posts and notes about them, reasons typed by staff. Each is kept with the
 * name, address or number replaced. Tables and columns are constants of this file, never input.
 */
const TEXT_COLUMNS: { table: string; columns: string[] }[] = [
  { table: 'Post', columns: ['body', 'hiddenReason'] },
  { table: 'Thread', columns: ['title'] },
  { table: 'PostReport', columns: ['reason'] },
  { table: 'Visit', columns: ['note', 'cancelReason', 'location', 'residentWords'] },
  { table: 'VisitPlan', columns: ['location'] },
  { table: 'VisitPlanException', columns: ['reason'] },
  { table: 'Application', columns: ['motivation', 'decisionNote'] },
  { table: 'Match', columns: ['introPlace', 'endReason'] },
  { table: 'FollowUpResponse', columns: ['wishes'] },
  { table: 'VolunteerCheck', columns: ['note'] },
  { table: 'JobAd', columns: ['reviewComment'] },
  // Agreement versions name both parties (JSON: the replacement has no quote, so it stays valid).
  { table: 'AgreementVersion', columns: ['content'] },
  { table: 'FollowUpMeeting', columns: ['participants', 'note'] },
  { table: 'ApplicationInvitation', columns: ['message'] },
  // Residents' wishes name no one by design, but a staff member may have written "ask Jonas".
  { table: 'ResidentWish', columns: ['what'] },
]

/** Returns whether a thread title or post changed, i.e. whether the search index saw the person's words. */
async function redactFreeText(tx: Tx, needles: Needle[]) {
  let searchTouched = false
  for (const { table, columns } of TEXT_COLUMNS) {
    const filter = prefilter(columns, needles)
    const rows = await tx.$queryRawUnsafe<Record<string, string | null>[]>(
      `SELECT "id", ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE ${filter.sql}`,
      ...filter.values,
    )
    for (const row of rows) {
      const changed = columns.filter((column) => mentions(row[column], needles))
      if (changed.length === 0) continue
      if (table === 'Post' || table === 'Thread') searchTouched = true
      const sets = changed.map((column) => `"${column}" = ?`).join(', ')
      await tx.$executeRawUnsafe(`UPDATE "${table}" SET ${sets} WHERE "id" = ?`, ...changed.map((column) => redact(row[column] ?? '', needles)), row.id)
    }
  }
  return searchTouched
}

/**
 * FTS5 does not rewrite its index when a document changes: it adds the new version and a delete
 * marker, and the old words (a surname from a signed post) stay in older segments until they are
 * merged. 'optimize' merges every segment into one, so they are gone; the freed pages are zeroed
 * by secure_delete. It rewrites the whole index (about 2 s for 20,000 long threads on this
 * machine), so it runs only when the person's words were in a thread. FTS5's own 'secure-delete'
 * option would avoid that, but made every reply ~30 times slower (replies rewrite their thread's
 * document, README decision 6) and does not reach segments written before it was switched on.
 */
async function purgeSearchIndex() {
  await prisma.$executeRawUnsafe(`INSERT INTO "ThreadSearch"("ThreadSearch") VALUES ('optimize')`)
}

/**
 * E-mails ABOUT the person to others ("Emma has applied", a calendar invitation naming her) keep
 * their row, so the admin's queue and counts stay true, but lose subject, bodies and attachments.
 * One not yet delivered is marked failed instead of being sent empty.
 */
async function redactOutbox(tx: Tx, needles: Needle[]) {
  const filter = prefilter(['subject', 'html', 'text', 'attachments'], needles)
  const rows = await tx.$queryRawUnsafe<{ id: string; subject: string; html: string; text: string; attachments: string | null; status: string }[]>(
    `SELECT "id", "subject", "html", "text", "attachments", "status" FROM "OutboxMessage" WHERE ${filter.sql}`,
    ...filter.values,
  )
  for (const row of rows) {
    if (![row.subject, row.html, row.text, row.attachments].some((value) => mentions(value, needles))) continue
    const undelivered = ['pending', 'sending', 'failed'].includes(row.status)
    await tx.outboxMessage.update({
      where: { id: row.id },
      data: {
        subject: '[…]',
        html: '',
        text: '',
        attachments: null,
        ...(undelivered ? { status: 'failed', lastError: 'Emptied: the message named a person whose account was deleted.' } : {}),
      },
    })
  }
}

/** Audit rows stay (they are kept for five years) without the person's name, e-mail or phone in their data. */
async function redactAudit(tx: Tx, needles: Needle[]) {
  const filter = prefilter(['data'], needles)
  const rows = await tx.$queryRawUnsafe<{ id: string; data: string }[]>(`SELECT "id", "data" FROM "AuditLog" WHERE ${filter.sql}`, ...filter.values)
  for (const row of rows) {
    if (!mentions(row.data, needles)) continue
    let data: string
    try {
      data = JSON.stringify(redactJson(JSON.parse(row.data), needles))
    } catch {
      data = redact(row.data, needles)
    }
    await tx.auditLog.update({ where: { id: row.id }, data: { data } })
  }
}

/** Earlier addresses of the account (changed e-mail) and ones it was asked to move to. */
async function addressesOf(tx: Tx, userId: string, email: string) {
  const emails = new Set([email.toLowerCase()])
  const changes = await tx.auditLog.findMany({ where: { entityType: 'User', entityId: userId, action: 'user.email_changed' }, select: { data: true } })
  for (const change of changes) {
    try {
      const data = JSON.parse(change.data ?? '{}') as { from?: unknown; to?: unknown }
      for (const value of [data.from, data.to]) if (typeof value === 'string' && value.includes('@')) emails.add(value.toLowerCase())
    } catch {
      // Not JSON: nothing to learn from it.
    }
  }
  for (const token of await tx.oneTimeToken.findMany({ where: { userId }, select: { email: true } })) emails.add(token.email.toLowerCase())
  return [...emails]
}

// ---------------------------------------------------------------------------------------------
// Ending what binds the person to others (deletion and an admin's deactivation)
// ---------------------------------------------------------------------------------------------

/**
 * Nobody may go on waiting for a person who is leaving: their open applications are withdrawn,
 * their matches ended (the facility's contact person — and, unless `telling` says otherwise, the
 * volunteer — get the usual "match ended" e-mail; planned visits are cancelled), and any visit
 * booked outside a match is cancelled. In the caller's transaction.
 */
export async function releaseCommitmentsIn(
  tx: Tx,
  userId: string,
  options: { actorId: string | null; endReason: string; telling?: MatchChangeTelling },
  now: Date,
) {
  const withdrawn = await tx.application.updateMany({
    where: { volunteerId: userId, status: { in: OPEN_APPLICATION_STATUSES } },
    data: { status: 'withdrawn', decidedAt: now },
  })
  const matches = await tx.match.findMany({ where: { volunteerId: userId, status: { in: OPEN_MATCH_STATUSES } }, select: { id: true } })
  for (const match of matches) {
    await changeMatchStatusIn(tx, options.actorId, { matchId: match.id, change: 'end', reason: options.endReason, fromStatuses: OPEN_MATCH_STATUSES }, now, options.telling)
  }
  // Visits booked outside a live match (none should be left, but nobody may wait for someone who left).
  await tx.visit.updateMany({
    where: { volunteerId: userId, status: 'planned', startsAt: { gt: now } },
    data: { status: 'cancelled', cancelledById: options.actorId, cancelReason: options.endReason, cancelledAt: now, sequence: { increment: 1 } },
  })
  return { matchesEnded: matches.length, applicationsWithdrawn: withdrawn.count }
}

// ---------------------------------------------------------------------------------------------
// Anonymising
// ---------------------------------------------------------------------------------------------

/**
 * Anonymises an account: by the person themselves (`self`, from the settings page) or by the
 * retention job after long inactivity (`inactive`). In one transaction; afterwards the write-ahead
 * log is checkpointed so the old values are gone from the file, not only from the tables.
 */
export async function anonymizeAccount(userId: string, options: { reason: 'self' | 'inactive'; now?: Date }): Promise<AnonymizeResult> {
  const now = options.now ?? new Date()
  const result = await prisma.$transaction(async (tx): Promise<Extract<AnonymizeResult, { ok: false }> | { ok: true; needles: Needle[]; searchTouched: boolean }> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, phone: true, role: true, anonymizedAt: true } })
    if (!user) return { ok: false, reason: 'not-found' }
    if (user.anonymizedAt) return { ok: false, reason: 'already-deleted' }
    const [block] = await deletionBlocks(userId, tx)
    if (block) return { ok: false, reason: block.kind }
    const actorId = options.reason === 'self' ? userId : null
    const emails = await addressesOf(tx, userId, user.email)
    const needles = needlesFor({ name: user.name, emails, phone: user.phone })

    // Messages to the person go; messages about them are emptied. Done before the matches end,
    // whose e-mails to the other side name nobody.
    await tx.outboxMessage.deleteMany({ where: { toEmail: { in: [...emails, user.email] } } })
    await redactOutbox(tx, needles)
    await redactAudit(tx, needles)
    const searchTouched = await redactFreeText(tx, needles)

    const endReason = (await getFixedT('da', 'rights'))('deleteAccount.matchEndReason')
    const telling: MatchChangeTelling = {
      cause: 'account-deleted',
      tellVolunteer: false,
      volunteerName: async (locale: Locale) => (await getFixedT(locale, 'rights'))('formerPerson.volunteer'),
      // The intro says why; a "Reason:" line would repeat it.
      reason: async () => '',
    }
    const released = await releaseCommitmentsIn(tx, userId, { actorId, endReason, telling }, now)
    // The motivation was written to the centre about this person; the application's status is what counts.
    await tx.application.updateMany({ where: { volunteerId: userId }, data: { motivation: '' } })

    await releaseEventPlacesIn(tx, userId, [...new Set([...emails, user.email])], now)
    await tx.volunteerCheck.deleteMany({ where: { volunteerId: userId } })
    await tx.session.deleteMany({ where: { userId } })
    await tx.oneTimeToken.deleteMany({ where: { OR: [{ userId }, { email: { in: emails } }] } })
    await tx.threadSubscription.deleteMany({ where: { userId } })
    await tx.threadRead.deleteMany({ where: { userId } })
    await tx.followUpResponse.updateMany({ where: { respondentId: userId }, data: { wishes: null } })
    // A statement's sign-off is about the volunteer (and may name them); the signer's printed name is theirs.
    await tx.volunteerStatementSignoff.deleteMany({ where: { volunteerId: userId } })
    await tx.volunteerStatementSignoff.updateMany({ where: { signedById: userId }, data: { signerName: '', signedById: null } })
    await tx.municipalityAccess.deleteMany({ where: { userId } })
    // The board photo is a picture of their face: gone with the account (secure_delete overwrites its pages).
    await tx.volunteerPhoto.deleteMany({ where: { userId } })

    const profile = await tx.volunteerProfile.findUnique({ where: { userId }, select: { id: true } })
    if (profile) {
      await tx.volunteerSkill.deleteMany({ where: { profileId: profile.id } })
      await tx.volunteerAvailability.deleteMany({ where: { profileId: profile.id } })
      await tx.volunteerArea.deleteMany({ where: { profileId: profile.id } })
      // The municipality stays for the statistics; paused keeps the row out of every candidate list.
      await tx.volunteerProfile.update({
        where: { id: profile.id },
        data: { bio: '', postcode: null, employer: null, birthYear: null, languages: '[]', consentDataAt: null, pausedAt: now },
      })
    }

    // Staff: out of the facility's staff lists; their ads fall back to the leader as contact.
    await tx.facilityMembership.updateMany({ where: { userId }, data: { status: 'removed', isContactPerson: false } })
    await tx.jobAd.updateMany({ where: { contactPersonId: userId }, data: { contactPersonId: null } })

    await tx.user.update({
      where: { id: userId },
      data: {
        name: '',
        email: `deleted-${crypto.randomBytes(12).toString('hex')}@invalid`,
        phone: null,
        passwordHash: null,
        calendarToken: null,
        emailVerifiedAt: null,
        visitReminders: false,
        inactivityWarnedAt: null,
        deactivatedAt: now,
        anonymizedAt: now,
      },
    })
    await audit(tx, {
      actorId,
      action: 'user.anonymized',
      entityType: 'User',
      entityId: userId,
      data: { reason: options.reason, role: user.role, ...released },
    })
    return { ok: true, needles, searchTouched }
    // The text scans read whole tables on a national installation: more than the default 5 s.
  }, { timeout: 60_000 })
  if (result.ok) {
    if (result.searchTouched) await purgeSearchIndex()
    await forgetStatistics(result.needles)
    await checkpointDatabase()
  }
  return result.ok ? { ok: true } : result
}

/**
 * The query planner's statistics (sqlite_stat4, written by ANALYZE at start and by PRAGMA
 * optimize) keep copies of sample index keys — a User.email key among them. Tables whose samples
 * still hold the person's values are analysed again, which draws new samples from the rows as
 * they are now.
 */
async function forgetStatistics(needles: Needle[]) {
  const [exists] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS "n" FROM sqlite_master WHERE name = 'sqlite_stat4'`)
  if (!exists || Number(exists.n) === 0) return
  const clauses = needles.map(() => `instr("sample", CAST(? AS BLOB)) > 0`).join(' OR ')
  const tables = await prisma.$queryRawUnsafe<{ tbl: string }[]>(`SELECT DISTINCT "tbl" FROM sqlite_stat4 WHERE ${clauses}`, ...needles.map((needle) => needle.text))
  for (const { tbl } of tables) await prisma.$executeRawUnsafe(`ANALYZE "${tbl.replace(/"/g, '""')}"`)
}

// ---------------------------------------------------------------------------------------------
// Self-service, from the settings page
// ---------------------------------------------------------------------------------------------

export type DeleteOwnAccountResult =
  | { ok: true }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'not-found' | 'already-deleted' | DeletionBlock['kind'] }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/** The person deletes their own account, confirming with their password. */
export async function deleteOwnAccount(userId: string, password: string, context: { ip: string }): Promise<DeleteOwnAccountResult> {
  // The same throttled check as every other current-password form (growing delay per account).
  const check = await checkCurrentPassword(userId, password, context.ip)
  if (!check.ok) return check
  return anonymizeAccount(userId, { reason: 'self' })
}
