import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedAds } from '~/models/job-board.server'
import { boardFiltersFromUrl, boardQueryString, hasActiveFilters } from '~/utils/job-board-query'
import { FEED_CACHE_CONTROL, rssFeed } from '~/utils/feeds.server'
import { getFixedT } from '~/utils/i18n.server'

export async function loader({ request }: LoaderFunctionArgs) {
  // Deliberately public: the published ads of the board, with the board's filters (?municipality=…).
  // The language is ?lang=en or Danish, never a cookie, so one cached copy fits every reader.
  const url = new URL(request.url)
  const locale = url.searchParams.get('lang') === 'en' ? 'en' : 'da'
  const filters = boardFiltersFromUrl(url.searchParams)
  const t = await getFixedT(locale, ['board', 'common'])
  const query = boardQueryString({ ...filters, sort: 'newest', postcode: undefined }, locale === 'en' ? { lang: 'en' } : {})
  const body = rssFeed({ ads: await feedAds(filters), locale, t, query, filtered: hasActiveFilters(filters) })
  return new Response(body, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': FEED_CACHE_CONTROL },
  })
}
