/** Page titles: "<page> · Frivilligbro". Loaders return the translated page name as `title`. */
export function pageTitle(title: string | undefined) {
  return [{ title: title ? `${title} · Frivilligbro` : 'Frivilligbro' }]
}

type MetaArgs = { data: unknown; matches?: ReadonlyArray<{ id: string; data: unknown }> }

/** A page's meta description: what the page says of itself, else the site's own (root loader), in the page's language. */
const MAX_DESCRIPTION = 160

function describe(text: string) {
  const plain = text.replace(/\s+/g, ' ').trim()
  return plain.length > MAX_DESCRIPTION ? `${plain.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : plain
}

/**
 * Title and meta description for a route's `meta`: the loader's `title` and, when it has one, its
 * `description`; otherwise the root loader's description of Frivilligbro in the reader's language.
 */
export function pageMeta({ data, matches }: MetaArgs) {
  const own = (data ?? {}) as { title?: string; description?: string }
  const site = (matches?.find((match) => match.id === 'root')?.data ?? {}) as { description?: string }
  const description = own.description || site.description
  return [...pageTitle(own.title), ...(description ? [{ name: 'description', content: describe(description) }] : [])]
}
