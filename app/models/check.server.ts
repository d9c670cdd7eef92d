import { z } from 'zod'
import { prisma } from '~/utils/db.server'
import { audit } from '~/utils/audit.server'
import { CHECK_KINDS, type CheckKind } from '~/utils/domain'
import { multiLineText } from '~/utils/text-fields'
import { isLocalDate, wallClockInstant } from '~/utils/time'

/** The checks an ad requires, from its three flags. */
export function requiredChecks(ad: { requiresConfidentiality: boolean; requiresCriminalRecord: boolean; requiresChildCertificate: boolean }): CheckKind[] {
  const kinds: CheckKind[] = []
  if (ad.requiresConfidentiality) kinds.push('confidentiality')
  if (ad.requiresCriminalRecord) kinds.push('criminal_record')
  if (ad.requiresChildCertificate) kinds.push('child_certificate')
  return kinds
}

export type MissingCheck = { kind: CheckKind; reason: 'missing' | 'expired'; expiredAt?: Date }

const checkSelect = {
  id: true,
  kind: true,
  checkedAt: true,
  expiresAt: true,
  note: true,
  createdAt: true,
  recordedBy: { select: { name: true } },
} as const

/** A volunteer's checks, newest first. Only for people allowed `volunteer:view-private`. */
export function listChecks(volunteerId: string) {
  return prisma.volunteerCheck.findMany({ where: { volunteerId }, select: checkSelect, orderBy: [{ checkedAt: 'desc' }, { createdAt: 'desc' }] })
}
export type CheckRecord = Awaited<ReturnType<typeof listChecks>>[number]

/**
 * Which of the ad's required checks the volunteer lacks: never recorded, or every record of that
 * kind has expired by `at` (a new record supersedes an old one, so the latest valid one counts).
 */
export async function missingChecks(
  volunteerId: string,
  ad: { requiresConfidentiality: boolean; requiresCriminalRecord: boolean; requiresChildCertificate: boolean },
  at = new Date(),
  db: Pick<typeof prisma, 'volunteerCheck'> = prisma,
): Promise<MissingCheck[]> {
  const required = requiredChecks(ad)
  if (required.length === 0) return []
  const checks = await db.volunteerCheck.findMany({ where: { volunteerId, kind: { in: required } }, select: { kind: true, expiresAt: true } })
  const missing: MissingCheck[] = []
  for (const kind of required) {
    const ofKind = checks.filter((check) => check.kind === kind)
    if (ofKind.length === 0) {
      missing.push({ kind, reason: 'missing' })
      continue
    }
    const valid = ofKind.some((check) => !check.expiresAt || check.expiresAt.getTime() > at.getTime())
    if (!valid) {
      const latest = ofKind.reduce((a, b) => ((a.expiresAt?.getTime() ?? 0) > (b.expiresAt?.getTime() ?? 0) ? a : b))
      missing.push({ kind, reason: 'expired', expiredAt: latest.expiresAt ?? undefined })
    }
  }
  return missing
}

export type RecordCheckInput = { kind: CheckKind; checkedAt: Date; expiresAt: Date | null; note: string | null }

/** A coordinator records that a check was signed or seen. Audited. */
export async function recordCheck(actorId: string, volunteerId: string, input: RecordCheckInput) {
  if (!(CHECK_KINDS as readonly string[]).includes(input.kind)) throw new Error(`unknown check kind ${input.kind}`)
  return prisma.$transaction(async (tx) => {
    const check = await tx.volunteerCheck.create({
      data: { volunteerId, kind: input.kind, checkedAt: input.checkedAt, expiresAt: input.expiresAt, note: input.note, recordedById: actorId },
      select: { id: true },
    })
    await audit(tx, {
      actorId,
      action: 'check.recorded',
      entityType: 'VolunteerCheck',
      entityId: check.id,
      data: { volunteerId, kind: input.kind, checkedAt: input.checkedAt.toISOString(), expiresAt: input.expiresAt?.toISOString() ?? null },
    })
    return check
  })
}

const dateField = z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')

/** Midnight of a "yyyy-MM-dd" day in Copenhagen, as a plain Date for Prisma. */
export function copenhagenDay(value: string) {
  return isLocalDate(value) ? wallClockInstant(value, '00:00') : null
}

/** The record-check form, shared by the application page and the volunteer page. */
export const RecordCheckSchema = z
  .object({
    intent: z.literal('record-check'),
    kind: z.enum(CHECK_KINDS, { errorMap: () => ({ message: 'validation.choose' }) }),
    checkedAt: dateField,
    expiresAt: z.string().trim().max(10).optional(),
    note: multiLineText().trim().max(500, 'validation.tooLong?maximum=500').optional(),
  })
  .transform((value, ctx) => {
    const checkedAt = copenhagenDay(value.checkedAt)
    if (!checkedAt) {
      ctx.addIssue({ code: 'custom', path: ['checkedAt'], message: 'validation.date' })
      return z.NEVER
    }
    if (checkedAt.getTime() > Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['checkedAt'], message: 'matching:checks.futureDate' })
      return z.NEVER
    }
    let expiresAt: Date | null = null
    if (value.expiresAt) {
      expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(value.expiresAt) ? copenhagenDay(value.expiresAt) : null
      if (!expiresAt) {
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'validation.date' })
        return z.NEVER
      }
      if (expiresAt.getTime() <= checkedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'matching:checks.expiryBeforeCheck' })
        return z.NEVER
      }
    }
    return { kind: value.kind, checkedAt, expiresAt, note: value.note || null }
  })
