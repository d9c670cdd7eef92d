import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import type { EmailT } from './types'

const styles = {
  body: { backgroundColor: '#f4f1ea', fontFamily: 'Verdana, Arial, sans-serif', color: '#1f2933', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', maxWidth: '560px', margin: '0 auto', padding: '24px 32px', borderRadius: '8px' },
  brand: { fontSize: '18px', fontWeight: 700, color: '#0b5c4b', margin: '0 0 16px' },
  heading: { fontSize: '22px', lineHeight: '30px', margin: '0 0 16px', color: '#1f2933' },
  footer: { fontSize: '12px', lineHeight: '18px', color: '#52606d' },
}

export function EmailLayout({ t, preview, heading, children }: { t: EmailT; preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang={t('layout.lang')}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Frivilligbro</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>{t('layout.footer')}</Text>
        </Container>
      </Body>
    </Html>
  )
}

export const paragraph = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' }
export const button = {
  backgroundColor: '#0b5c4b',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  fontSize: '16px',
  fontWeight: 700,
  textDecoration: 'none',
  display: 'inline-block',
}
export const small = { fontSize: '13px', lineHeight: '20px', color: '#52606d', wordBreak: 'break-all' as const }
