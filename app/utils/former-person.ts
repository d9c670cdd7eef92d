import type { TFunction } from 'i18next'

type T = TFunction | ((key: string, options?: Record<string, unknown>) => string)

/**
 * The name to show for a person. A deleted (anonymised) account keeps its row with an empty name,
 * so what it wrote stays readable; it is shown by what the person was ("Tidligere frivillig").
 * A missing person (no author at all) is a "former user".
 */
export function shownName(t: T, person: { name: string; role?: string | null } | null | undefined): string {
  if (person?.name) return person.name
  const kind = person?.role === 'volunteer' ? 'volunteer' : person?.role === 'facility_staff' ? 'staff' : 'user'
  return t(`formerPerson.${kind}`, { ns: 'rights' }) as string
}

/** A volunteer's name where the page knows only the name (lists of visits, matches, answers). */
export function shownVolunteerName(t: T, name: string) {
  return shownName(t, { name, role: 'volunteer' })
}
