// schema.org JSON-LD for public pages. The JSON goes inside a <script> element, where "</script>"
// or "<!--" in an ad's text would end or corrupt the element: every "<", ">" and "&" is written as
// a \u escape, which JSON parsers read back as the same character.

/** JSON that is safe to place inside <script type="application/ld+json">. */
export function serializeJsonLd(value: unknown) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

type JobPostingAd = {
  title: string
  description: string
  publishedAt: Date | string | null
  expiresAt: Date | string | null
  startDate?: string | null
  facility: { name: string; postcode: string; town: string }
  municipality: { name: string; region: string }
}

/** A volunteer job ad as a schema.org JobPosting (employmentType VOLUNTEER, no salary). */
export function jobPostingJsonLd(ad: JobPostingAd, url: string) {
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : undefined)
  return serializeJsonLd({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: ad.title,
    description: ad.description,
    datePosted: iso(ad.publishedAt),
    validThrough: iso(ad.expiresAt),
    jobStartDate: ad.startDate ?? undefined,
    employmentType: 'VOLUNTEER',
    url,
    directApply: true,
    hiringOrganization: { '@type': 'Organization', name: ad.facility.name },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        postalCode: ad.facility.postcode,
        addressLocality: ad.facility.town,
        addressRegion: ad.municipality.region,
        addressCountry: 'DK',
      },
    },
  })
}
