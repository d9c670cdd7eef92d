import type { Tx } from './db.server'

/** Records who did what to which entity; written in the same transaction as the change. */
export async function audit(
  tx: Tx,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; data?: Record<string, unknown> },
) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data ? JSON.stringify(entry.data) : null,
    },
  })
}
