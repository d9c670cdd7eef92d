// The common-room board ("hvem kommer hvornår"): rules shared by the server and the browser.

/** The secret in a screen address: 24 random bytes in base64url, or the seed's fixed demo token. */
export const WHO_COMES_TOKEN = /^[A-Za-z0-9_-]{20,64}$/

/** The most a photo upload may be before it is decoded. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** The side of the square photo the board shows (and all that is stored). */
export const PHOTO_SIZE = 400

/**
 * The first name of a full name as the board shows it. The board is seen by residents and
 * visitors in a common room, so it never carries a surname (PRODUCT.md): the first word only,
 * "Anne-Mette Holm" → "Anne-Mette".
 */
export function firstNameOf(fullName: string) {
  return fullName.trim().split(/\s+/u)[0] ?? ''
}

/** The initial in the circle shown when there is no photo: of the first name only, not a surname's. */
export function initialOf(firstName: string) {
  return (Array.from(firstName)[0] ?? '?').toLocaleUpperCase('da')
}
