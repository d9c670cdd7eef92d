import { Button, Heading, Link, Text } from '@react-email/components'
import { EmailLayout, button, paragraph, small } from './layout'
import type { EmailT } from './types'

/**
 * Sent to both parties when the centre approves a match: the other party's contact details
 * (revealed only now), the intro meeting (also attached as an .ics) and the facility's ethics policy.
 */
export type MatchApprovedProps = {
  name: string
  /** Who receives it: the volunteer, or the ad's contact person. */
  recipient: 'volunteer' | 'contact'
  adTitle: string
  facilityName: string
  other: { name: string; phone: string | null; email: string }
  introWhen: string
  introPlace: string
  ethics: { technology: string; dilemma: string; agreedValues: string }[]
  url: string
}

const heading = { fontSize: '18px', lineHeight: '26px', margin: '16px 0 8px' }

export function MatchApproved({ t, name, recipient, adTitle, facilityName, other, introWhen, introPlace, ethics, url }: MatchApprovedProps & { t: EmailT }) {
  const values = { adTitle, facilityName, otherName: other.name }
  return (
    <EmailLayout t={t} preview={t(`matchApproved.intro.${recipient}`, values)} heading={t('layout.greeting', { name })}>
      <Text style={paragraph}>{t(`matchApproved.intro.${recipient}`, values)}</Text>
      <Heading as="h2" style={heading}>
        {t('matchApproved.meetingHeading')}
      </Heading>
      <Text style={paragraph}>
        {t('matchApproved.when', { when: introWhen })}
        <br />
        {t('matchApproved.where', { place: introPlace })}
      </Text>
      <Text style={small}>{t('matchApproved.calendar')}</Text>
      <Heading as="h2" style={heading}>
        {t(`matchApproved.contactHeading.${recipient}`)}
      </Heading>
      <Text style={paragraph}>
        {other.name}
        <br />
        {t('matchApproved.phone', { phone: other.phone ?? t('matchApproved.noPhone') })}
        <br />
        {t('matchApproved.email')} <Link href={`mailto:${other.email}`}>{other.email}</Link>
      </Text>
      <Heading as="h2" style={heading}>
        {t('matchApproved.ethicsHeading', { facilityName })}
      </Heading>
      {ethics.length === 0 ? (
        <Text style={paragraph}>{t('matchApproved.noEthics')}</Text>
      ) : (
        ethics.map((entry) => (
          <Text key={entry.technology + entry.dilemma} style={paragraph}>
            <strong>{entry.technology}</strong>: {entry.dilemma}
            <br />
            {t('matchApproved.agreed', { values: entry.agreedValues })}
          </Text>
        ))
      )}
      <Text style={paragraph}>{t('matchApproved.agreement')}</Text>
      <Button href={url} style={button}>
        {t(`matchApproved.action.${recipient}`)}
      </Button>
      <Text style={small}>
        {t('layout.linkFallback')} <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  )
}
