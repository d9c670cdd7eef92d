import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicEventFeed } from '~/models/event.server'
import { eventsJsonFeed } from '~/utils/event-feeds.server'
import { FEED_CACHE_CONTROL } from '~/utils/feeds.server'

export async function loader({ request }: LoaderFunctionArgs) {
  // Deliberately public: the events open to everyone, with the list's filters; ?lang=en for English.
  const feed = eventsJsonFeed(await publicEventFeed(new URL(request.url)))
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': FEED_CACHE_CONTROL } })
}
