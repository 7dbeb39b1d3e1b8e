/** Page model: the worklist and the new-encounter panel. */
import { expect, type Page } from '@playwright/test';

export interface NewPatient {
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: 'Female' | 'Male' | 'Other' | 'Unknown';
}

export class WorklistPage {
  constructor(readonly page: Page) {}

  async registerPatient(p: NewPatient): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Register patient' });
    if (!(await form.isVisible())) await this.page.getByRole('button', { name: 'Register new patient' }).click();
    await form.getByLabel('MRN').fill(p.mrn);
    await form.getByLabel('Family name').fill(p.familyName);
    await form.getByLabel('Given name').fill(p.givenName);
    await form.getByLabel('Date of birth').fill(p.birthDate);
    await form.getByLabel('Sex').selectOption({ label: p.sex });
    await form.getByRole('button', { name: 'Save patient' }).click();
    await expect(this.page.getByText(`MRN ${p.mrn})`)).toBeVisible();
  }

  async createEncounter(plan: { procedure: string; levels: string[]; laterality: string; indication: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New encounter' });
    await form.getByLabel('Procedure').selectOption({ label: plan.procedure });
    for (const level of plan.levels) await form.getByRole('checkbox', { name: level, exact: true }).check();
    await form.getByRole('radio', { name: plan.laterality }).check();
    await form.getByLabel('Indication (physician)').fill(plan.indication);
    await form.getByRole('button', { name: 'Create encounter' }).click();
  }
}
