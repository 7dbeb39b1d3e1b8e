/** Every procedure in the library opens as an encounter and renders its full checklist. */
import { buildChecklist } from '#shared/domain/checklist';
import { applicableSections, encounterPlanOf } from '#shared/domain/encounter-plan';
import { procedureTraits } from '#shared/workflow/traits';
import { LIBRARY } from '#shared/library/index';
import { expect, signIn, test } from '../fixtures';

test('each of the library procedures renders as a checklist with every section', async ({ page, app }) => {
  test.setTimeout(180_000);
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'ALL-1', familyName: 'Ødegård', givenName: 'Sølvi', birthDate: '1968-12-01', sex: 'female' });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  for (const template of LIBRARY) {
    const encounter = await app.call<{ id: string }>('encounter.create', {
      patientId: patient.id, templateId: template.id,
      levels: template.levels ? [template.levels.options[0]] : [],
      laterality: template.lateralityRequired ? 'left' : null,
      plannedDate: '2026-11-24', indication: `Indication for ${template.name}.`,
    });
    await page.evaluate((id) => {
      sessionStorage.setItem('proceduredesk.view', JSON.stringify({ name: 'encounter', encounterId: id }));
    }, encounter.id);
    await page.reload();
    // The session token is held in the page's memory only: a reload signs the nurse out, so she
    // signs in again and lands on the encounter kept in sessionStorage.
    await signIn(page, 'nurse');
    await expect(page.getByText(`${template.name}`, { exact: false }).first()).toBeVisible();
    // The items that apply to this plan (no sedation; imaging as the template defaults): the rest is hidden.
    const sections = applicableSections(buildChecklist(template), procedureTraits(template), encounterPlanOf({ sedationPlanned: false, laterality: template.lateralityRequired ? 'left' : null, imagingModality: template.imaging.options.find((o) => o.isDefault)?.modality ?? 'fluoroscopy' }));
    for (const section of sections) {
      // Over every part of the encounter: a section's items show in the part where each is done.
      const regions = page.locator('section.checklist-section').filter({ has: page.locator('h2', { hasText: new RegExp(`^${section.title}`) }) });
      await expect(regions.locator('li.item'), `${template.id} ${section.id}`).toHaveCount(section.items.length);
    }
  }
});
