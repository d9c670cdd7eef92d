import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicEventFeed } from '~/models/event.server'
import { eventsRssFeed } from '~/utils/event-feeds.server'
import { FEED_CACHE_CONTROL } from '~/utils/feeds.server'

export async function loader({ request }: LoaderFunctionArgs) {
  // Deliberately public: the events open to everyone, with the list's filters; ?lang=en for English.
  const body = eventsRssFeed(await publicEventFeed(new URL(request.url)))
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': FEED_CACHE_CONTROL } })
}
