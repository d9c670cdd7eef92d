/** Page titles: "<page> · Frivilligbro". Loaders return the translated page name as `title`. */
export function pageTitle(title: string | undefined) {
  return [{ title: title ? `${title} · Frivilligbro` : 'Frivilligbro' }]
}
