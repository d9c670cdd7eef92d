/**
 * Municipalities to tick (name municipalityIds), grouped by region in folded sections. With
 * `openChosen` a region that holds a ticked one starts unfolded (editing what is already chosen).
 */
export function MunicipalityCheckboxes({
  municipalities,
  chosen,
  openChosen = false,
}: {
  municipalities: { id: string; name: string; region: string }[]
  chosen: Set<string>
  openChosen?: boolean
}) {
  const regions = [...new Set(municipalities.map((m) => m.region))]
  return (
    <>
      {regions.map((region) => (
        <details key={region} open={openChosen ? municipalities.some((m) => m.region === region && chosen.has(m.id)) : undefined}>
          <summary>{region}</summary>
          <div className="checkbox-grid">
            {municipalities
              .filter((m) => m.region === region)
              .map((m) => (
                <div key={m.id} className="field-checkbox">
                  <input type="checkbox" id={`m-${m.id}`} name="municipalityIds" value={m.id} defaultChecked={chosen.has(m.id)} />
                  <label htmlFor={`m-${m.id}`}>{m.name}</label>
                </div>
              ))}
          </div>
        </details>
      ))}
    </>
  )
}
