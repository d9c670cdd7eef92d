import crypto from 'node:crypto'
import type { Tx } from './db.server'

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invitation' | 'change_email' | 'follow_up'

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  follow_up: 30 * 24 * 60 * 60 * 1000,
}

export function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * Creates a single-use token for a link in an e-mail. Earlier unused tokens of the same purpose
 * for the same user stop working, so only the newest link counts.
 */
export async function issueToken(
  tx: Tx,
  { purpose, userId, email, data, now = new Date() }: { purpose: TokenPurpose; userId: string; email: string; data?: unknown; now?: Date },
) {
  await tx.oneTimeToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } })
  const token = crypto.randomBytes(32).toString('base64url')
  await tx.oneTimeToken.create({
    data: {
      tokenHash: hashToken(token),
      purpose,
      userId,
      email,
      data: data === undefined ? null : JSON.stringify(data),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    },
  })
  return token
}

/** A token that exists, has this purpose, is unused and unexpired — or null. Does not use it up. */
export async function findValidToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()) {
  if (!token || token.length > 200) return null
  const row = await tx.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } })
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now || !row.userId) return null
  return { ...row, userId: row.userId }
}

/** Uses a token up; returns false when it was already used (a double submit), so callers stop. */
export async function consumeToken(tx: Tx, id: string, now = new Date()) {
  const result = await tx.oneTimeToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } })
  return result.count === 1
}
