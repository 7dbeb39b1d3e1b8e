/**
 * A template's checklist as a FHIR R4 Questionnaire. linkIds are the template's
 * item and section ids, so they stay stable across versions and a
 * QuestionnaireResponse from any version lines up with any other.
 */
import { buildChecklist } from '../domain/checklist';
import type { Template } from './schema';

export const QUESTIONNAIRE_BASE_URL = 'urn:proceduredesk:questionnaire:';

/** Answer codes of every checklist item; not-applicable opens the reason. */
export const ITEM_ANSWER_SYSTEM = 'urn:proceduredesk:checklist-item-status';

export interface QuestionnaireItem {
  linkId: string;
  text: string;
  type: 'group' | 'choice' | 'string' | 'display';
  required?: boolean;
  answerOption?: { valueCoding: { system: string; code: string; display: string } }[];
  enableWhen?: { question: string; operator: '='; answerCoding: { system: string; code: string } }[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active' | 'draft' | 'retired';
  subjectType: ['Patient'];
  item: QuestionnaireItem[];
}

function machineName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

export function templateToQuestionnaire(template: Template): Questionnaire {
  const answer = (code: string, display: string) => ({ valueCoding: { system: ITEM_ANSWER_SYSTEM, code, display } });
  return {
    resourceType: 'Questionnaire',
    id: `${template.id}-v${template.version}`.slice(0, 64),
    url: `${QUESTIONNAIRE_BASE_URL}${template.id}`,
    version: String(template.version),
    name: machineName(template.id),
    title: template.name,
    status: 'active',
    subjectType: ['Patient'],
    item: buildChecklist(template)
      .filter((section) => section.items.length > 0)
      .map((section) => ({
        linkId: section.id,
        text: section.title,
        type: 'group' as const,
        item: section.items.map((item) => ({
          linkId: item.id,
          text: item.label,
          type: 'choice' as const,
          answerOption: [answer('checked', 'Done'), answer('not-applicable', 'Not applicable')],
          item: [
            {
              linkId: `${item.id}.reason`,
              text: 'Reason not applicable',
              type: 'string' as const,
              required: true,
              enableWhen: [{ question: item.id, operator: '=' as const, answerCoding: { system: ITEM_ANSWER_SYSTEM, code: 'not-applicable' } }],
            },
          ],
        })),
      })),
  };
}
