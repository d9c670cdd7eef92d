// The pieces of the coordinator's workbench lists: a search-and-filter form that works without
// JavaScript (GET, so the URL holds the whole state), the count of results, page links, the empty
// state; and the start page's list of things to do.
import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { csvHref, listHref, pageNumbers, type ActionItem, type ListPage } from '~/utils/workbench'

export type { ActionItem }

type Option = { value: string; label: string }

/** The list's form: a search box, the list's own filters (children), a sort choice, Show and Clear. */
export function ListForm({
  searchLabel,
  q,
  sort,
  sorts,
  children,
}: {
  searchLabel: string
  q: string
  sort: string
  sorts: Option[]
  children?: ReactNode
}) {
  const { t } = useTranslation('workbench')
  const { pathname, search } = useLocation()
  const filtered = new URLSearchParams(search)
  filtered.delete('page')
  return (
    <Form method="get" className="list-form" aria-label={t('list.filters')}>
      <div className="list-form-search">
        <label htmlFor="list-q">{searchLabel}</label>
        <input id="list-q" type="search" name="q" defaultValue={q} maxLength={100} />
      </div>
      {children}
      <div className="list-form-field">
        <label htmlFor="list-sort">{t('list.sort')}</label>
        <select id="list-sort" name="sort" defaultValue={sort}>
          {sorts.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="list-form-actions">
        <button type="submit" className="button button-small">
          {t('list.show')}
        </button>
        {filtered.size > 0 ? <Link to={pathname}>{t('list.clear')}</Link> : null}
      </div>
    </Form>
  )
}

/** A column of a list's table: its heading (also the cell's label on a narrow screen) and the cell. */
export type ListColumn<Row> = { label: string; cell: (row: Row) => ReactNode }

/**
 * A whole workbench list page: the way back to the workbench, the heading and lead, the list's
 * filter form (`form`, a ListForm), the count or the empty state, the table, the page links and,
 * with `csvPath`, the download of the whole filtered list. `aside` stands above the form,
 * `notice` below it.
 */
export function WorkbenchList<Row extends { id: string }>({
  title,
  intro,
  aside,
  form,
  notice,
  page,
  rows,
  columns,
  csvPath,
}: {
  title: string
  intro: string
  aside?: ReactNode
  form: ReactNode
  notice?: ReactNode
  page: ListPage
  rows: Row[]
  columns: ListColumn<Row>[]
  csvPath?: string
}) {
  const { t } = useTranslation('workbench')
  const { search } = useLocation()
  return (
    <div className="workbench">
      <p>
        <Link to="/centre">{t('dashboard.workbench')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {aside}
      {form}
      {notice}
      <ListSummary page={page} filtered={isFiltered(search)} />
      {rows.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map((column) => (
                  <td key={column.label} data-label={column.label}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination page={page} />
      {csvPath && page.total > 0 ? (
        <p>
          <a href={csvHref(csvPath, search)} download>
            {t('list.csv')}
          </a>
        </p>
      ) : null}
    </div>
  )
}

/** The municipality filter, shown only to a centre that serves more than one. */
export function MunicipalityFilter({ value, municipalities }: { value: string; municipalities: { id: string; name: string }[] }) {
  const { t } = useTranslation('workbench')
  if (municipalities.length <= 1) return null
  return (
    <SelectFilter
      id="filter-municipality"
      name="municipality"
      label={t('list.municipality')}
      value={value}
      anyLabel={t('list.allMunicipalities')}
      options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
    />
  )
}

/** A select filter; the first option ("all") is the empty value. */
export function SelectFilter({ id, name, label, value, anyLabel, options }: { id: string; name: string; label: string; value: string; anyLabel: string; options: Option[] }) {
  return (
    <div className="list-form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A yes/no filter: a checkbox sending name=1. */
export function CheckFilter({ id, name, label, checked }: { id: string; name: string; label: string; checked: boolean }) {
  return (
    <div className="list-form-check">
      <input id={id} type="checkbox" name={name} value="1" defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}

/**
 * "Showing 26–50 of 312", in a status region so a screen reader hears the new count after a
 * search made in place; without JavaScript it is read with the new page. Nothing found: the
 * friendly empty state with a way back to the whole list, or the list's own (`empty`).
 */
export function ListSummary({ page, filtered, empty }: { page: ListPage; filtered: boolean; empty?: ReactNode }) {
  const { t } = useTranslation('workbench')
  const { pathname } = useLocation()
  return (
    <div role="status" className="list-summary">
      {page.total === 0 && empty ? (
        empty
      ) : page.total === 0 ? (
        <p className="empty">
          {filtered ? t('list.noneFiltered') : t('list.none')} {filtered ? <Link to={pathname}>{t('list.clear')}</Link> : null}
        </p>
      ) : (
        <p>{t('list.showing', { from: page.from, to: page.to, total: page.total })}</p>
      )}
    </div>
  )
}

/** Previous, next and page numbers, each a plain link keeping the search and filters. */
export function Pagination({ page }: { page: ListPage }) {
  const { t } = useTranslation('workbench')
  const { pathname, search } = useLocation()
  if (page.pages <= 1) return null
  const href = (n: number) => listHref(pathname, search, { page: n })
  return (
    <nav aria-label={t('list.pages')} className="pagination list-pagination">
      <ul className="pagination-links">
        {page.page > 1 ? (
          <li>
            <Link to={href(page.page - 1)} rel="prev">
              {t('list.previous')}
            </Link>
          </li>
        ) : null}
        {pageNumbers(page.page, page.pages).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page.page ? (
                <span aria-current="page" className="current-page">
                  <span className="visually-hidden">{t('list.page', { page: n })}</span>
                  <span aria-hidden="true">{n}</span>
                </span>
              ) : (
                <Link to={href(n)} aria-label={t('list.page', { page: n })}>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
        {page.page < page.pages ? (
          <li>
            <Link to={href(page.page + 1)} rel="next">
              {t('list.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** Whether the URL holds a search or a filter (the sort and the page do not count). */
export function isFiltered(search: string) {
  const params = new URLSearchParams(search)
  for (const [name, value] of params) if (name !== 'sort' && name !== 'page' && value !== '') return true
  return false
}

/** "Det skal du gøre i dag": the items with something to do; a calm line when there is none. */
export function ActionItems({ items }: { items: ActionItem[] }) {
  const { t } = useTranslation('workbench')
  const due = items.filter((item) => item.count > 0)
  return (
    <section aria-labelledby="todo-heading" className="action-items">
      <h2 id="todo-heading">{t('dashboard.todo')}</h2>
      {due.length === 0 ? (
        <p className="empty">{t('dashboard.nothing')}</p>
      ) : (
        <ul>
          {due.map((item) => (
            <li key={item.id}>
              <Link to={item.to}>{t(item.labelKey, { count: item.count, countText: item.capped ? t('dashboard.more', { count: item.count }) : String(item.count) })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The start page's counts, each a link to the list it counts. */
export function KeyCounts({ counts }: { counts: { id: string; label: string; value: number; to: string }[] }) {
  const { t } = useTranslation('workbench')
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('dashboard.overview')}</h2>
      <ul className="key-counts">
        {counts.map((count) => (
          <li key={count.id}>
            <Link to={count.to}>
              <strong>{count.value}</strong> {count.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
