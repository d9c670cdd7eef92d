/** The translate function templates receive: keys of the `emails` namespace. */
export type EmailT = (key: string, options?: Record<string, unknown>) => string
