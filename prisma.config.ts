import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'
import { databaseFilePath } from './app/utils/database-url'

// Prisma 7's CLI and the classic engines download native binaries, which these machines cannot
// do; the JS schema engine over better-sqlite3 runs everything offline (README decision 1).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseFilePath(process.env.DATABASE_URL) })
  },
})
