import type { TemplateOverview } from '#shared/contract/library';

interface Props {
  overview: readonly TemplateOverview[];
  /** The procedure whose review list is open, if any. */
  selectedId: string | null;
  onReview: (t: TemplateOverview) => void;
  onEdit: (t: TemplateOverview) => void;
  onExportJson: (t: TemplateOverview) => void;
  onExportFhir: (t: TemplateOverview) => void;
}

const COLUMNS = [
  ['verified', 'Verified'],
  ['secondary', 'Secondary source'],
  ['awaitingReview', 'Awaiting review'],
  ['accepted', 'Accepted by the clinic'],
] as const;

/**
 * The review backlog: one row per procedure (its current version), its facts counted by where
 * their review stands (shared/library/review-backlog.ts). The procedure's name opens its review list.
 */
export function ReviewBacklogTable({ overview, selectedId, onReview, onEdit, onExportJson, onExportFhir }: Props) {
  const totals = Object.fromEntries(COLUMNS.map(([key]) => [key, overview.reduce((n, t) => n + t.backlog[key], 0)]));
  return (
    <table className="table backlog">
      <caption>
        Review backlog: the facts of each procedure's current version. Secondary-source facts and facts awaiting review show
        badges at the bedside until a physician accepts them for the clinic. Choose a procedure to open its review list.
      </caption>
      <thead>
        <tr>
          <th scope="col">Procedure</th>
          <th scope="col">Family</th>
          <th scope="col">Version</th>
          {COLUMNS.map(([key, label]) => <th key={key} scope="col" className="count">{label}</th>)}
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {overview.map((t) => (
          // A click anywhere on the row opens the review list too; the keyboard uses the name's button.
          <tr key={t.id} className={t.id === selectedId ? 'selected' : undefined}
            onClick={(e) => { if (!(e.target as HTMLElement).closest('button, a, input')) onReview(t); }}>
            <th scope="row">
              <button type="button" className="row-open" aria-label={`Review ${t.name}`} aria-current={t.id === selectedId ? 'true' : undefined} onClick={() => onReview(t)}>
                {t.name}
              </button>
            </th>
            {/* Its own column, so each row keeps to one line (issue 18: the library within 3 viewport heights). */}
            <td className="muted family">{t.category}{t.backlog.reviewed ? ' · reviewed by the clinic' : ''}</td>
            <td>v{t.latestVersion}{t.versions.length > 1 ? ` (${t.versions.length} versions)` : ''}</td>
            {COLUMNS.map(([key]) => <td key={key} className="count" data-column={key}>{t.backlog[key]}</td>)}
            <td>
              <div className="actions">
                <button type="button" className="secondary" aria-label={`Edit ${t.name}`} onClick={() => onEdit(t)}>Edit</button>
                <button type="button" className="link" aria-label={`Export ${t.name} as JSON`} onClick={() => onExportJson(t)}>JSON</button>
                <button type="button" className="link" aria-label={`Export ${t.name} as a FHIR Questionnaire`} onClick={() => onExportFhir(t)}>FHIR</button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>Whole library ({overview.length} procedures)</th>
          {COLUMNS.map(([key]) => <td key={key} className="count" data-column={key}>{totals[key]}</td>)}
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
