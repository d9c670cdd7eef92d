/** A route module's loader or action, as tests call it. */
export type RouteHandler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response> | Response

/**
 * Runs a loader or action the way Remix does: a thrown Response (a redirect, 403, 404 …) counts as
 * the response; anything else thrown is a failure of the test. `context` is what the Express
 * server would pass (e.g. `{ clientIp }`).
 */
export async function callRoute(handler: RouteHandler, request: Request, params: Record<string, string> = {}, context: Record<string, unknown> = {}) {
  try {
    return await handler({ request, params, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
