import { describe, expect, test } from 'vitest'
import byMunicipality from '../../prisma/reference/dk-postcodes-by-municipality.json'
import { distanceKm, postcodePoint, postcodesByDistance } from './places'

describe('distances between postcodes', () => {
  test('from 3400 Hillerød, 3200 Helsinge is nearer than 3250 Gilleleje (the numbers say otherwise)', () => {
    const hilleroed = postcodePoint('3400')!
    const helsinge = distanceKm(hilleroed, postcodePoint('3200')!)
    const gilleleje = distanceKm(hilleroed, postcodePoint('3250')!)
    expect(helsinge).toBeGreaterThan(8)
    expect(helsinge).toBeLessThan(16)
    expect(gilleleje).toBeGreaterThan(18)
    expect(gilleleje).toBeLessThan(26)
    const order = postcodesByDistance('3400').map((entry) => entry.code)
    expect(order[0]).toBe('3400')
    expect(order.indexOf('3200')).toBeLessThan(order.indexOf('3250'))
  })

  test('every postcode in the reference list has a point; a postcode without its own town sits among its municipalities', () => {
    const codes = Object.values(byMunicipality).flatMap((municipalities) => Object.values(municipalities).flatMap((postcodes) => Object.keys(postcodes)))
    expect(codes.length).toBeGreaterThan(1000)
    expect(codes.map((code) => code.padStart(4, '0')).filter((code) => postcodePoint(code) === null)).toEqual([])
    expect(['0001', '9999'].filter((code) => postcodePoint(code) !== null)).toEqual([])
    // 8000 Aarhus C has no point of its own: it is placed at Aarhus.
    expect(distanceKm(postcodePoint('8000')!, { lat: 56.157, lon: 10.211 })).toBeLessThan(1)
    // Copenhagen to Aalborg is about 240 km as the crow flies.
    expect(distanceKm(postcodePoint('1000')!, postcodePoint('9000')!)).toBeGreaterThan(220)
    expect(distanceKm(postcodePoint('1000')!, postcodePoint('9000')!)).toBeLessThan(260)
    expect(postcodesByDistance('0001')).toEqual([])
  })
})

