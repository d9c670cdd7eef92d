import { createContext, createElement, useContext, type ReactNode } from 'react'

/**
 * The Content-Security-Policy nonce of the response being rendered (app/server/security.ts →
 * getLoadContext → app/entry.server.tsx), for the inline scripts Remix writes in root.tsx. In the
 * browser it is the empty string: browsers hide a nonce from the DOM once the policy applied, so
 * the attribute reads "" there too and hydration sees no difference.
 */
const NonceContext = createContext('')

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return createElement(NonceContext.Provider, { value }, children)
}

export function useNonce() {
  return useContext(NonceContext)
}
