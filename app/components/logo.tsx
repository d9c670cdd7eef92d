/**
 * The Frivilligbro mark: a bridge (bro) with a heart above it, on a rounded square. Inline SVG, so
 * it costs no request; public/favicon.svg draws the same mark. Decorative: the link around it
 * carries the name "Frivilligbro" as text.
 */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="logo-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0b5c4b" />
      <path d="M4 15.5h24V25h-4.5a7.5 7.5 0 0 0-15 0H4z" fill="#fff" />
      <path d="M16 6.4c-1-1.7-3.8-1.4-3.8.8 0 1.7 2.2 3.1 3.8 4.3 1.6-1.2 3.8-2.6 3.8-4.3 0-2.2-2.8-2.5-3.8-.8z" fill="#ffbf47" />
    </svg>
  )
}
