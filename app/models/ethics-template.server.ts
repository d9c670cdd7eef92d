import crypto from 'node:crypto'
import { audit } from '~/utils/audit.server'
import { refreshFacilityAgreements } from './agreement.server'
import { prisma, type Tx } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueAfterClaim } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { addDays, copenhagenDate } from '~/utils/time'

/**
 * The municipality's digital-ethics policy, kept alive (issue 14, after "Social IT i kommunen"):
 * one municipal template of entries (technology → dilemma → agreed values) kept by the
 * municipality's own role or the coordinators covering it; a facility adopts it in one step and
 * then develops its own copy. The facility keeps a snapshot of the template as adopted, so it can
 * be shown what the municipality has added, changed or removed since. Each policy is reviewed
 * with residents and staff; the leader is reminded once a year.
 */

export type TemplateEntry = { id: string; technology: string; dilemma: string; agreedValues: string }
export type TemplateEntryInput = Omit<TemplateEntry, 'id'>

function parseEntries(value: string | null | undefined): TemplateEntry[] {
  if (!value) return []
  try {
    const parsed: unknown = JSON.parse(value)
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (entry): entry is TemplateEntry =>
        typeof entry === 'object' && entry !== null && ['id', 'technology', 'dilemma', 'agreedValues'].every((key) => typeof (entry as Record<string, unknown>)[key] === 'string'),
    )
  } catch {
    return []
  }
}

export async function ethicsTemplate(municipalityId: string) {
  const template = await prisma.ethicsTemplate.findUnique({
    where: { municipalityId },
    select: { entries: true, version: true, updatedAt: true, municipality: { select: { name: true } } },
  })
  return template ? { entries: parseEntries(template.entries), version: template.version, updatedAt: template.updatedAt, municipality: template.municipality.name } : null
}

type TemplateChange =
  | { intent: 'add'; entry: TemplateEntryInput }
  | { intent: 'update'; entryId: string; entry: TemplateEntryInput }
  | { intent: 'delete'; entryId: string }
  | { intent: 'move'; entryId: string; direction: 'up' | 'down' }

/** One change to a municipality's template; every change raises its version. */
export async function changeEthicsTemplate(actorId: string, municipalityId: string, change: TemplateChange) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.ethicsTemplate.findUnique({ where: { municipalityId }, select: { entries: true, version: true } })
    const entries = parseEntries(current?.entries)
    const index = change.intent === 'add' ? -1 : entries.findIndex((entry) => entry.id === change.entryId)
    if (change.intent !== 'add' && index === -1) return { ok: false as const, reason: 'not-found' as const }
    switch (change.intent) {
      case 'add':
        entries.push({ id: crypto.randomUUID(), ...fields(change.entry) })
        break
      case 'update':
        entries[index] = { id: change.entryId, ...fields(change.entry) }
        break
      case 'delete':
        entries.splice(index, 1)
        break
      case 'move': {
        const target = change.direction === 'up' ? index - 1 : index + 1
        if (target < 0 || target >= entries.length) return { ok: true as const }
        ;[entries[index], entries[target]] = [entries[target], entries[index]]
        break
      }
    }
    const data = { entries: JSON.stringify(entries), updatedById: actorId }
    await tx.ethicsTemplate.upsert({ where: { municipalityId }, create: { municipalityId, ...data }, update: { ...data, version: { increment: 1 } } })
    await audit(tx, { actorId, action: `ethics_template.${change.intent}`, entityType: 'Municipality', entityId: municipalityId, data: 'entryId' in change ? { entryId: change.entryId } : {} })
    return { ok: true as const }
  })
}

function fields({ technology, dilemma, agreedValues }: TemplateEntryInput) {
  return { technology, dilemma, agreedValues }
}

/** Marks a facility's policy as changed now (any entry added, changed, moved or removed). */
export async function touchEthicsPolicy(tx: Tx, facilityId: string, now = new Date()) {
  await tx.ethicsPolicyState.upsert({ where: { facilityId }, create: { facilityId, updatedAt: now }, update: { updatedAt: now } })
}

/**
 * A facility takes over its municipality's template in one step: the template's entries are
 * added after the facility's own (nothing of theirs is replaced), and the template as adopted is
 * kept to compare with later. Once only: a second click (or a second tab) adds nothing twice.
 */
export async function adoptEthicsTemplate(actorId: string, facilityId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const facility = await tx.facility.findUnique({ where: { id: facilityId }, select: { municipalityId: true } })
    if (!facility) return { ok: false as const, reason: 'not-found' as const }
    const template = await tx.ethicsTemplate.findUnique({ where: { municipalityId: facility.municipalityId }, select: { entries: true, version: true } })
    const entries = parseEntries(template?.entries)
    if (!template || entries.length === 0) return { ok: false as const, reason: 'no-template' as const }
    // The claim is the transaction's first write, so a second adoption waits for it and then finds it taken.
    await tx.ethicsPolicyState.upsert({ where: { facilityId }, create: { facilityId }, update: {} })
    const state = { updatedAt: now, templateAdoptedAt: now, templateVersion: template.version, templateSnapshot: template.entries }
    const claimed = await tx.ethicsPolicyState.updateMany({ where: { facilityId, templateAdoptedAt: null }, data: state })
    if (claimed.count === 0) return { ok: false as const, reason: 'already-adopted' as const }
    const last = await tx.ethicsPolicyEntry.findFirst({ where: { facilityId }, orderBy: { position: 'desc' }, select: { position: true } })
    const start = (last?.position ?? -1) + 1
    await tx.ethicsPolicyEntry.createMany({ data: entries.map((entry, offset) => ({ facilityId, ...fields(entry), position: start + offset })) })
    // The facility's agreements quote its ethics policy: a new version for its matches to accept.
    await refreshFacilityAgreements(tx, facilityId, now, actorId)
    await audit(tx, { actorId, action: 'facility.ethics_template_adopted', entityType: 'Facility', entityId: facilityId, data: { version: template.version, entries: entries.length } })
    return { ok: true as const, added: entries.length }
  })
}

/** The facility has read what changed in the template: the current template becomes what it compares with. */
export async function acknowledgeTemplateChanges(actorId: string, facilityId: string) {
  return prisma.$transaction(async (tx) => {
    const facility = await tx.facility.findUnique({ where: { id: facilityId }, select: { municipalityId: true, ethicsPolicyState: { select: { templateAdoptedAt: true } } } })
    if (!facility?.ethicsPolicyState?.templateAdoptedAt) return { ok: false as const, reason: 'not-adopted' as const }
    const template = await tx.ethicsTemplate.findUnique({ where: { municipalityId: facility.municipalityId }, select: { entries: true, version: true } })
    if (!template) return { ok: false as const, reason: 'no-template' as const }
    await tx.ethicsPolicyState.update({ where: { facilityId }, data: { templateVersion: template.version, templateSnapshot: template.entries } })
    await audit(tx, { actorId, action: 'facility.ethics_template_acknowledged', entityType: 'Facility', entityId: facilityId, data: { version: template.version } })
    return { ok: true as const }
  })
}

export type TemplateChanges = { added: TemplateEntry[]; changed: { before: TemplateEntry; after: TemplateEntry }[]; removed: TemplateEntry[] }

/** What differs between two versions of a template, entry by entry. */
export function compareTemplates(before: TemplateEntry[], after: TemplateEntry[]): TemplateChanges {
  const old = new Map(before.map((entry) => [entry.id, entry]))
  const now = new Map(after.map((entry) => [entry.id, entry]))
  return {
    added: after.filter((entry) => !old.has(entry.id)),
    changed: after
      .filter((entry) => {
        const was = old.get(entry.id)
        return was && (was.technology !== entry.technology || was.dilemma !== entry.dilemma || was.agreedValues !== entry.agreedValues)
      })
      .map((entry) => ({ before: old.get(entry.id)!, after: entry })),
    removed: before.filter((entry) => !now.has(entry.id)),
  }
}

/**
 * A facility's policy as a whole for its ethics page: the municipal template (if any), whether it
 * was adopted and whether the template changed since (its version moved and something differs),
 * the last review, and the reviews recorded.
 */
export async function ethicsPolicyOverview(facilityId: string) {
  const facility = await prisma.facility.findUnique({
    where: { id: facilityId },
    select: {
      municipalityId: true,
      municipality: { select: { name: true } },
      ethicsPolicyState: { select: { updatedAt: true, templateAdoptedAt: true, templateVersion: true, templateSnapshot: true, reviewedOn: true } },
      ethicsReviews: { select: { id: true, reviewedOn: true, residents: true, staff: true, otherRoles: true, note: true }, orderBy: { reviewedOn: 'desc' }, take: 10 },
    },
  })
  if (!facility) return null
  const template = await ethicsTemplate(facility.municipalityId)
  const state = facility.ethicsPolicyState
  const adopted = Boolean(state?.templateAdoptedAt)
  const changes = adopted && template ? compareTemplates(parseEntries(state?.templateSnapshot), template.entries) : null
  const changedSince = Boolean(
    changes && template && template.version !== state?.templateVersion && changes.added.length + changes.changed.length + changes.removed.length > 0,
  )
  return {
    municipality: facility.municipality.name,
    template: template && template.entries.length > 0 ? { entries: template.entries.length, updatedAt: template.updatedAt } : null,
    adoptedAt: state?.templateAdoptedAt ?? null,
    changedSince,
    changes: changedSince ? changes : null,
    updatedAt: state?.updatedAt ?? null,
    reviewedOn: state?.reviewedOn ?? null,
    reviews: facility.ethicsReviews,
  }
}

export type ReviewInput = { reviewedOn: string; residents: number; staff: number; otherRoles: string; note: string }

/** The leader records a review of the policy with residents and staff: counts and roles, no names. */
export async function recordEthicsReview(actorId: string, facilityId: string, input: ReviewInput) {
  return prisma.$transaction(async (tx) => {
    if ((await tx.facility.count({ where: { id: facilityId } })) === 0) return { ok: false as const, reason: 'not-found' as const }
    const { reviewedOn, residents, staff, otherRoles, note } = input
    await tx.ethicsPolicyReview.create({ data: { facilityId, reviewedOn, residents, staff, otherRoles, note, recordedById: actorId } })
    const state = await tx.ethicsPolicyState.findUnique({ where: { facilityId }, select: { reviewedOn: true } })
    // A review entered late for an earlier date does not make the policy look older.
    const newest = state?.reviewedOn && state.reviewedOn > reviewedOn ? state.reviewedOn : reviewedOn
    await tx.ethicsPolicyState.upsert({ where: { facilityId }, create: { facilityId, reviewedOn: newest }, update: { reviewedOn: newest } })
    await audit(tx, { actorId, action: 'facility.ethics_reviewed', entityType: 'Facility', entityId: facilityId, data: { reviewedOn, residents, staff } })
    return { ok: true as const }
  })
}

/** A policy is due for review a year after its last review, or a year after it was first written. */
export const REVIEW_EVERY_DAYS = 365

/**
 * The yearly reminder to review the policy with residents and staff, to every active leader of an
 * active facility whose policy is due. Claimed per due date (EthicsPolicyState.reviewReminderFor)
 * in the transaction that queues the e-mails (rendered before it, queueAfterClaim), each with a
 * dedupe key: a rerun, a restart or a parallel run sends nothing twice; the next reminder comes a
 * year after the next review (or, with no review, a year after this one).
 */
export async function queueEthicsReviewReminders(now = new Date(), limit = 200) {
  const today = copenhagenDate(now)
  const candidates = await prisma.facility.findMany({
    where: { status: 'active', ethicsEntries: { some: {} } },
    select: {
      id: true,
      name: true,
      ethicsPolicyState: { select: { reviewedOn: true, reviewReminderFor: true } },
      ethicsEntries: { select: { createdAt: true }, orderBy: { createdAt: 'asc' }, take: 1 },
    },
  })
  let queued = 0
  let facilities = 0
  for (const facility of candidates) {
    if (facilities >= limit) break
    const state = facility.ethicsPolicyState
    const since = state?.reviewedOn ?? copenhagenDate(facility.ethicsEntries[0]!.createdAt)
    let due = addDays(since, REVIEW_EVERY_DAYS)
    // With no review since the last reminder, the next one is a year after that reminder.
    if (state?.reviewReminderFor && state.reviewReminderFor >= due) due = addDays(state.reviewReminderFor, REVIEW_EVERY_DAYS)
    if (due > today) continue
    const leaders = await prisma.facilityMembership.findMany({
      where: { facilityId: facility.id, role: 'leader', status: 'active', user: { deactivatedAt: null, anonymizedAt: null } },
      select: { user: { select: { id: true, email: true, name: true, locale: true } } },
    })
    const requests = leaders.map(({ user }) => ({
      to: user.email,
      toName: user.name,
      locale: localeOf(user.locale),
      template: 'notice' as const,
      props: { kind: 'ethicsReviewDue' as const, name: user.name, url: appUrl(`/facility/${facility.id}/ethics#review`), values: { facility: facility.name, since } },
      dedupeKey: `ethics-review:${facility.id}:${due}:${user.id}`,
    }))
    const sent = await queueAfterClaim(requests, async (tx) => {
      await tx.ethicsPolicyState.upsert({ where: { facilityId: facility.id }, create: { facilityId: facility.id }, update: {} })
      const claimed = await tx.ethicsPolicyState.updateMany({
        where: { facilityId: facility.id, OR: [{ reviewReminderFor: null }, { reviewReminderFor: { lt: due } }] },
        data: { reviewReminderFor: due },
      })
      return claimed.count > 0
    })
    facilities += 1
    queued += sent ?? 0
  }
  return { queued }
}
