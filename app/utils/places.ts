import byMunicipality from '../../prisma/reference/dk-postcodes-by-municipality.json'
import places from '../../prisma/reference/dk-places.json'

/**
 * Where places are, for the board's "nearest". Postcode numbers are no measure of distance (from
 * 3400 Hillerød, 3250 Gilleleje is numerically nearer than 3200 Helsinge but twice as far away),
 * so distances come from points: a postcode's own town where prisma/reference/dk-places.json has
 * one, otherwise the middle of its municipalities' main towns. Good to a few kilometres, which is
 * what "which ad is nearer" needs.
 */
export type Point = { lat: number; lon: number }

type ReferenceFile = Record<string, Record<string, Record<string, string>>>

const municipalityPoints = new Map(Object.entries(places.municipalities).map(([name, [lat, lon]]) => [name, { lat, lon }]))

const postcodePoints = (() => {
  const municipalitiesOf = new Map<string, string[]>()
  for (const municipalities of Object.values(byMunicipality as ReferenceFile)) {
    for (const [name, postcodes] of Object.entries(municipalities)) {
      for (const code of Object.keys(postcodes)) {
        const key = code.padStart(4, '0')
        municipalitiesOf.set(key, [...(municipalitiesOf.get(key) ?? []), name])
      }
    }
  }
  const points = new Map<string, Point>()
  for (const [code, names] of municipalitiesOf) {
    const own = (places.postcodes as Record<string, number[]>)[code]
    if (own) {
      points.set(code, { lat: own[0], lon: own[1] })
      continue
    }
    const around = names.map((name) => municipalityPoints.get(name)).filter((point): point is Point => Boolean(point))
    if (!around.length) continue
    points.set(code, { lat: around.reduce((sum, p) => sum + p.lat, 0) / around.length, lon: around.reduce((sum, p) => sum + p.lon, 0) / around.length })
  }
  return points
})()

export function postcodePoint(code: string): Point | null {
  return postcodePoints.get(code) ?? null
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point) {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

const kept = new Map<string, { code: string; km: number }[]>()

/** Every known postcode with its distance from `from`, nearest first; empty for an unknown postcode. */
export function postcodesByDistance(from: string) {
  const cached = kept.get(from)
  if (cached) return cached
  const origin = postcodePoint(from)
  if (!origin) return []
  const list = [...postcodePoints].map(([code, point]) => ({ code, km: Math.round(distanceKm(origin, point) * 10) / 10 })).sort((a, b) => a.km - b.km)
  if (kept.size > 200) kept.clear()
  kept.set(from, list)
  return list
}
