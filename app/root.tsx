import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, UNSAFE_RemixContext, useLoaderData, useLocation, useMatches, useRouteLoaderData } from '@remix-run/react'
import { CalendarDays, ChartColumn, House, type LucideIcon, Mail, Megaphone, Menu as MenuIcon, MessagesSquare, Search, Settings, Users, X } from 'lucide-react'
import { useContext, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { browserMessagesHref } from './utils/browser-messages'
import { GeneralErrorBoundary } from './components/error-boundary'
import { LogoMark } from './components/logo'
import { ToastMessage } from './components/toast'
import { getSession } from './utils/auth.server'
import { isDemo } from './utils/env.server'
import { getFixedT, getLocale } from './utils/i18n.server'
import { mailboxOpenToEveryone } from './utils/mailbox.server'
import { useNonce } from './utils/nonce-provider'
import { navigationFor } from './utils/permissions'
import { loadActor } from './utils/permissions.server'
import { readToast } from './utils/toast.server'
import stylesheet from './styles/app.css'

export const handle = { i18n: ['common'] }

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ user, refreshCookie }, locale, { toast, setCookie }, t] = await Promise.all([
    getSession(request),
    getLocale(request),
    readToast(request),
    getFixedT(request, 'common'),
  ])
  const actor = user ? await loadActor(user) : null
  const headers = new Headers()
  if (refreshCookie) headers.append('Set-Cookie', refreshCookie)
  if (setCookie) headers.append('Set-Cookie', setCookie)
  const demo = isDemo()
  return json(
    {
      locale,
      // Every page's meta description unless the page has its own (app/utils/meta.ts, pageMeta).
      description: t('meta.description'),
      user: user ? { id: user.id, name: user.name, role: user.role, emailVerified: user.emailVerified } : null,
      nav: navigationFor(actor),
      toast,
      demo,
      showMailbox: mailboxOpenToEveryone() || user?.role === 'admin',
    },
    { headers },
  )
}

export type RootLoaderData = typeof loader

/** The root's data from anywhere in the tree (the signed-in user, the locale). */
export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

function LanguageSwitch({ locale }: { locale: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  const other = locale === 'da' ? 'en' : 'da'
  return (
    <Form method="post" action="/language" className="language-switch" reloadDocument>
      <input type="hidden" name="lng" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" className="link-button" lang={other}>
        {t('language.switchTo')}
      </button>
    </Form>
  )
}

/**
 * A page whose route says `handle.scripts = false` is sent without JavaScript: every page works
 * without it (forms post, links load), and the public pages people find from a search — home, the
 * job board, an ad — load fastest on a phone without ~180 KB of scripts to parse. Reached by a link
 * from a page that has scripts, the page is still rendered in the browser as usual.
 */
function usePageScripts() {
  return !useMatches().some((match) => (match.handle as { scripts?: boolean } | undefined)?.scripts === false)
}

/**
 * The browser's messages, fetched before hydration (app/entry.client.tsx), start to load with the
 * page's scripts instead of after them; a preload also holds the page's load event until they are here.
 */
function MessagesPreload({ locale }: { locale: string }) {
  const version = useContext(UNSAFE_RemixContext)?.manifest.version ?? ''
  return <link rel="preload" href={browserMessagesHref(locale, version)} as="fetch" crossOrigin="anonymous" />
}

export function Document({ children, locale }: { children: React.ReactNode; locale: string }) {
  // The Content-Security-Policy lets inline scripts run only with this response's nonce.
  const nonce = useNonce()
  const scripts = usePageScripts()
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {scripts ? <MessagesPreload locale={locale} /> : null}
      </head>
      <body>
        {children}
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

/**
 * Icons beside the navigation's words (never instead of them). Keyed by the item's address so the
 * rules in app/utils/permissions.ts stay free of React; an address without an icon gets none.
 */
const NAV_ICONS: Record<string, LucideIcon> = {
  '/jobs': Search,
  '/volunteer': House,
  '/facility': House,
  '/centre': House,
  '/admin': House,
  '/facility/ads': Megaphone,
  '/centre/ads': Megaphone,
  '/visits': CalendarDays,
  '/events': Users,
  '/centre/events': Users,
  '/centre/report': ChartColumn,
  '/admin/outbox': Mail,
  '/threads': MessagesSquare,
  '/settings': Settings,
}

/**
 * The header. Under 700 px it is the logo and a "Menu" disclosure; from 700 px the same markup
 * shows everything in one row (app.css opens the closed <details> there with ::details-content).
 * A <details> works without JavaScript; with it, Escape closes the menu and a navigation does too.
 */
function Header() {
  const data = useRootData()
  const { t } = useTranslation()
  const location = useLocation()
  const menuRef = useRef<HTMLDetailsElement>(null)
  const summaryRef = useRef<HTMLElement>(null)
  const [open, setOpen] = useState(false)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  useEffect(() => {
    if (menuRef.current) menuRef.current.open = false
  }, [location.pathname, location.search])
  useEffect(() => {
    if (!open) return
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape' || !menuRef.current?.open) return
      menuRef.current.open = false
      summaryRef.current?.focus()
    }
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [open])
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          <LogoMark />
          <span className="brand-name">Frivilligbro</span>
        </Link>
        <details ref={menuRef} className="site-menu" onToggle={(event) => setOpen(event.currentTarget.open)}>
          {/* The native summary already tells assistive technology whether it is expanded; the
              explicit aria-expanded is added only once JavaScript keeps it true to the state. */}
          <summary ref={summaryRef} className="menu-button" aria-controls="site-menu-panel" aria-expanded={hydrated ? open : undefined}>
            {open ? <X aria-hidden="true" size={20} /> : <MenuIcon aria-hidden="true" size={20} />}
            <span>{t('nav.menu')}</span>
          </summary>
          <div id="site-menu-panel" className="site-menu-panel">
            <nav aria-label={t('nav.label')} className="main-nav">
              <ul>
                {data?.nav.map((item) => {
                  const Icon = NAV_ICONS[item.to]
                  return (
                    <li key={item.to}>
                      <NavLink to={item.to} end={data.nav.some((other) => other.to.startsWith(`${item.to}/`))}>
                        {Icon ? <Icon aria-hidden="true" size={18} className="nav-icon" /> : null}
                        {t(item.labelKey)}
                      </NavLink>
                    </li>
                  )
                })}
              </ul>
            </nav>
            <div className="header-actions">
              {data ? <LanguageSwitch locale={data.locale} /> : null}
              {data?.user ? (
                <Form method="post" action="/logout">
                  <button type="submit" className="button button-secondary button-small">
                    {t('nav.logout')}
                  </button>
                </Form>
              ) : (
                <>
                  <Link to="/login" className="button button-secondary button-small">
                    {t('nav.login')}
                  </Link>
                  <Link to="/signup" className="button button-small">
                    {t('nav.signup')}
                  </Link>
                </>
              )}
            </div>
          </div>
        </details>
      </div>
    </header>
  )
}

function Footer() {
  const data = useRootData()
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <div className="container footer-row">
        <p>{t('footer.about')}</p>
        <ul className="footer-links">
          <li>
            <Link to="/jobs">{t('nav.jobs')}</Link>
          </li>
          {data?.showMailbox ? (
            <li>
              <Link to="/mailbox">{t('nav.mailbox')}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/privacy">{t('footer.privacy')}</Link>
          </li>
          <li>
            <a href="/healthz">{t('footer.status')}</a>
          </li>
        </ul>
        {data?.demo ? <p className="demo-note">{t('footer.demo')}</p> : null}
      </div>
    </footer>
  )
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipLink')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <Footer />
    </>
  )
}

/** A route whose `handle` says `{ bare: true }` fills the whole window: no header, navigation or footer (the common-room screen). */
function useBarePage() {
  return useMatches().some((match) => (match.handle as { bare?: boolean } | undefined)?.bare === true)
}

export default function App() {
  const data = useLoaderData<typeof loader>()
  useChangeLanguage(data.locale)
  const bare = useBarePage()
  if (bare) {
    return (
      <Document locale={data.locale}>
        <Outlet />
      </Document>
    )
  }
  return (
    <Document locale={data.locale}>
      <AppShell>
        <ToastMessage toast={data.toast} />
        <Outlet />
      </AppShell>
    </Document>
  )
}

export const meta: MetaFunction = () => [{ title: 'Frivilligbro' }]

export function ErrorBoundary() {
  const data = useRootData()
  return (
    <Document locale={data?.locale ?? 'da'}>
      <AppShell>
        <GeneralErrorBoundary />
      </AppShell>
    </Document>
  )
}
