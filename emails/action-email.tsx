import { Button, Link, Text } from '@react-email/components'
import { EmailLayout, button, paragraph, small } from './layout'
import type { EmailT } from './types'

/** The shape most messages share: greeting, a few lines, one button, the link spelled out. */
export function ActionEmail({
  t,
  name,
  lines,
  action,
  url,
  after,
}: {
  t: EmailT
  name: string
  lines: string[]
  action: string
  url: string
  after?: string
}) {
  return (
    <EmailLayout t={t} preview={lines[0] ?? action} heading={t('layout.greeting', { name })}>
      {lines.map((line) => (
        <Text key={line} style={paragraph}>
          {line}
        </Text>
      ))}
      <Button href={url} style={button}>
        {action}
      </Button>
      <Text style={small}>
        {t('layout.linkFallback')} <Link href={url}>{url}</Link>
      </Text>
      {after ? <Text style={paragraph}>{after}</Text> : null}
    </EmailLayout>
  )
}
