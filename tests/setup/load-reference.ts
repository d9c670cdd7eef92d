import { ensureReferenceData } from '~/models/reference.server'
import { configureDatabase, prisma } from '~/utils/db.server'

// Run by the global setup (in its own process) against the base test database.
await ensureReferenceData(prisma)
// Tests copy the file; folding the write-ahead log in first makes the copy complete.
await configureDatabase(prisma)
await prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
await prisma.$queryRawUnsafe('PRAGMA journal_mode = DELETE')
await prisma.$disconnect()
