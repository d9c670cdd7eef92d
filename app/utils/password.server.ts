import { hash, verify } from '@node-rs/argon2'

// Argon2id with OWASP's minimum recommended parameters (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export function hashPassword(password: string) {
  return hash(password, OPTIONS)
}

/**
 * Only `login` and `checkCurrentPassword` (app/models/user.server.ts) should call this: they count
 * and throttle the guesses. Anything else that asks for a password uses `checkCurrentPassword`.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string) {
  if (!passwordHash) {
    // Spend the same time as a real check so a missing account cannot be told apart by timing.
    await hash(password, OPTIONS)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
