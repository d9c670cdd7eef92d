import { forbidden, notFound, requireRole } from '~/utils/permissions.server'
import { parseSpaceKey } from '~/utils/threads'
import { accessTo, spacesFor } from './space.server'
import { resolveSpace, threadPlace } from './thread.server'

/*
 * The guards of the experience-sharing pages: every loader and action under /threads starts with
 * one of these. Who is in which space is decided by ./space.server.ts alone.
 */


/** Roles that take part in experience sharing; admins run the system, not the conversations. */
export const SPACE_ROLES = ['volunteer', 'facility_staff', 'coordinator'] as const
export type SpaceNeed = 'read' | 'post' | 'moderate'

/** Signed in with a role that has spaces; returns the user, actor and their spaces. */
export async function requireSpaces(request: Request) {
  const { user, actor } = await requireRole(request, SPACE_ROLES)
  return { user, actor, spaces: await spacesFor(actor) }
}

/** For a space page (`network-<centreId>` / `facility-<facilityId>`): 404 when unknown, 403 when closed to the user. */
export async function requireSpaceAccess(request: Request, key: string | undefined, need: SpaceNeed) {
  const { user, actor, spaces } = await requireSpaces(request)
  const ref = parseSpaceKey(key)
  const space = ref ? await resolveSpace(ref) : null
  if (!space) notFound()
  const access = accessTo(spaces, space)
  if (!access[need]) forbidden()
  return { user, actor, spaces, space, access }
}

/** For a thread and everything on its page: 404 when unknown, 403 when its space is closed to the user. */
export async function requireThreadAccess(request: Request, threadId: string | undefined, need: SpaceNeed) {
  const { user, actor, spaces } = await requireSpaces(request)
  const thread = threadId ? await threadPlace(threadId) : null
  if (!thread) notFound()
  const access = accessTo(spaces, thread)
  if (!access[need]) forbidden()
  return { user, actor, spaces, thread, access }
}
