import fs from 'node:fs'
import path from 'node:path'

/** Scratch space for test databases and the e-mail catcher; git-ignored. */
export const TMP_DIR = path.resolve(process.cwd(), 'tests', '.tmp')
/**
 * Where the test databases live: in memory (/dev/shm) where the system has it. The tests need no
 * durability, and on disk every commit waited for fsync (SQLite's default, synchronous=FULL): the
 * largest part of the suite's time on a busy machine. Elsewhere (macOS, Windows) tests/.tmp.
 */
const DB_PARENT = fs.existsSync('/dev/shm') ? path.join('/dev/shm', 'frivilligbro-tests') : TMP_DIR
/**
 * Each `vitest run` works in a folder of its own (named by the global setup's process id, passed
 * to the workers through the environment), so two runs side by side never touch each other's files.
 */
export const RUN_DIR = process.env.FRIVILLIGBRO_TEST_RUN_DIR ?? path.join(DB_PARENT, `vitest-${process.pid}`)
/** A migrated database with reference data, copied for every test file. */
export const BASE_DB = path.join(RUN_DIR, 'base.db')
