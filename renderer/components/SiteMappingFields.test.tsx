// The Chart exports form's site mapping (issue 19 point 4) in jsdom against the real core over HTTP:
// a TXA-2 that would not fit 30 characters is refused beside its field with nothing saved; MSH-11,
// referenced PDFs and the outbox file mode are saved and come back from settings.get.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { useUsers } from '../stores/users';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { UsersScreen } from './UsersScreen';

afterEach(cleanup);

describe('site mapping on the Chart exports form (real core)', () => {
  it('refuses a TXA-2 over 30 characters beside the field; saves MSH-11, referenced PDFs and the file mode', async () => {
    await signInAs('adminSession');
    useUsers.setState({ users: [], settings: null });
    const user = userEvent.setup();
    render(<UsersScreen />);
    await coreSettled();
    await user.click(screen.getByRole('tab', { name: 'Chart exports' }));
    const before = (await api().call('settings.get', {})).interop;
    const form = await screen.findByRole('form', { name: 'Chart exports' });
    const text = within(form).getByLabelText('HL7 document type text (TXA-2)');
    await user.clear(text);
    await user.type(text, 'A consent discussion note');
    await user.click(within(form).getByRole('button', { name: 'Save chart export settings' }));
    await coreSettled();
    expect(await within(form).findByText(/must fit TXA-2 \(30 characters/)).toBeTruthy();
    expect((await api().call('settings.get', {})).interop.documentType.text).toBe('Procedure note');

    await user.clear(text);
    await user.type(text, 'Consent note');
    await user.selectOptions(within(form).getByLabelText('HL7 processing id (MSH-11)'), 'T');
    await user.selectOptions(within(form).getByLabelText('The PDF in HL7 (OBX-5)'), 'referenced');
    await user.selectOptions(within(form).getByLabelText('Outbox file permissions'), '0640');
    await user.click(within(form).getByRole('button', { name: 'Save chart export settings' }));
    await coreSettled();
    expect(await within(form).findByText('Chart export settings saved.')).toBeTruthy();
    const saved = (await api().call('settings.get', {})).interop;
    expect(saved).toMatchObject({ processingId: 'T', hl7Pdf: 'referenced', outboxFileMode: '0640', documentType: { code: 'PN', text: 'Consent note' } });
    // The core is shared with other screens' tests: put the site's settings back.
    await api().call('settings.update', { interop: before });
  });
});
