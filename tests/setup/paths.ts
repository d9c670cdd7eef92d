import path from 'node:path'

/** Scratch space for test databases and the e-mail catcher; git-ignored, removed by the tests. */
export const TMP_DIR = path.resolve(process.cwd(), 'tests', '.tmp')
/** A migrated database with reference data, copied for every test file. */
export const BASE_DB = path.join(TMP_DIR, 'base.db')
