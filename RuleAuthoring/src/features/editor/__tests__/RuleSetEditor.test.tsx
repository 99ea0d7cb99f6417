import { act, screen, waitFor, within, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { RuleProblem, RuleSet, RuleSetDocument } from '../../../lib/types';
import { backupKey } from '../lib/backup';
import { analyst, inForce, planner, renderEditor, ruleSet, shareTooHigh, vocabulary } from './fixtures';

vi.mock('../components/MonacoJsonEditor', () => ({
  default: ({ value, onChange, readOnly }: { value: string; onChange: (t: string) => void; readOnly: boolean }) => (
    <textarea aria-label="JSON text" value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
  ),
}));

let current: RuleSet;
let puts: Array<{ body: RuleSetDocument; ifMatch: string | null }>;
let problemsAfterSave: RuleProblem[];
let conflictOnce: boolean;

const problem = (status: number, code: string, title: string, detail: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ status, code, title, detail, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });

const server = setupServer(
  http.get('/v1/rulesets/inputs', () => HttpResponse.json(vocabulary)),
  http.get('/v1/rulesets', () => HttpResponse.json([inForce, { ...current, document: null }])),
  http.get('/v1/rulesets/:id', () => HttpResponse.json(current, { headers: { ETag: `"${current.revision}"` } })),
  http.post('/v1/rulesets/:id/validate', () => HttpResponse.json({ valid: true, problems: [] })),
  http.put('/v1/rulesets/:id', async ({ request }) => {
    const body = (await request.json()) as RuleSetDocument;
    const ifMatch = request.headers.get('If-Match');
    puts.push({ body, ifMatch });
    if (conflictOnce) {
      conflictOnce = false;
      current = { ...current, revision: current.revision + 1, updatedBy: 'Otto Other', updatedAt: '2026-11-26T15:30:00Z' };
      return problem(412, 'version_conflict', 'Edited by someone else', 'vip-v4 is at revision 4');
    }
    if (ifMatch !== `"${current.revision}"`) return problem(412, 'version_conflict', 'Edited by someone else', 'stale');
    current = { ...current, revision: current.revision + 1, document: body, name: body.name };
    return HttpResponse.json({ ...current, problems: problemsAfterSave });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  current = ruleSet();
  puts = [];
  problemsAfterSave = [];
  conflictOnce = false;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function opened() {
  return screen.findByRole('heading', { level: 1, name: 'VIP members' });
}

describe('RuleSetEditor', () => {
  it('editing a hold’s share in the form updates the document, saves it, and shows the problem under “Share”', async () => {
    const user = userEvent.setup();
    problemsAfterSave = [shareTooHigh];
    renderEditor(planner);
    await opened();
    expect(screen.getByRole('option', { name: /^Ring-fence A items Hold vip-hold$/ })).toHaveAttribute('aria-selected', 'true');

    const share = screen.getByRole('spinbutton', { name: 'Share' });
    expect(share).toHaveValue(0.15);
    await user.clear(share);
    await user.type(share, '1.5');
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Unsaved changes');

    await waitFor(() => expect(puts).toHaveLength(1), { timeout: 3000 });
    expect(puts[0]!.ifMatch).toBe('"3"');
    expect(puts[0]!.body.rules[0]).toMatchObject({ kind: 'hold', id: 'vip-hold', share: 1.5 });

    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Share' })).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('spinbutton', { name: 'Share' })).toHaveAccessibleDescription(/Share must be at most 1\./);
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent(/^All changes saved \d\d:\d\d$/);
    expect(screen.getByRole('option', { name: /vip-hold.*1 error/ })).toBeInTheDocument();
    expect(localStorage.getItem(backupKey('vip-v4'))).toBeNull();

    // The JSON view shows the same document.
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = await screen.findByRole('textbox', { name: 'JSON text' });
    expect(JSON.parse((json as HTMLTextAreaElement).value).rules[0].share).toBe(1.5);
    expect(screen.getByRole('region', { name: 'Rule set JSON' })).toBeInTheDocument();
  });

  it('applies JSON edits to the forms once they parse, and says so while they do not', async () => {
    const user = userEvent.setup();
    renderEditor(planner);
    await opened();
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = (await screen.findByRole('textbox', { name: 'JSON text' })) as HTMLTextAreaElement;

    fireEvent.change(json, { target: { value: '{ "segment": "vip", ' } });
    expect(await screen.findByText(/The JSON is not valid yet:/)).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Unsaved changes: the JSON is not valid yet');

    const doc = JSON.parse(JSON.stringify(current.document)) as RuleSetDocument;
    (doc.rules[1]!.weights as Record<string, number>).transitDays = 9;
    fireEvent.change(json, { target: { value: JSON.stringify(doc, null, 2) } });
    expect(screen.queryByText(/The JSON is not valid yet:/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Rules' }));
    await user.click(screen.getByRole('option', { name: /^Fastest node.* Routing route-fastest/ }));
    const weights = screen.getByRole('group', { name: 'Weights' });
    expect(within(weights).getByRole('spinbutton', { name: 'Transit days' })).toHaveValue(9);
    await waitFor(() => expect(puts.at(-1)?.body.rules[1]?.weights).toEqual({ transitDays: 9, cost: 0.3 }), { timeout: 3000 });
  });

  it('completes expressions: input names, then their properties, accepted with Enter', async () => {
    const user = userEvent.setup();
    renderEditor(planner);
    await opened();
    const condition = screen.getByRole('combobox', { name: 'Condition' });
    await user.clear(condition);
    await user.type(condition, 'ite');
    expect(condition).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('listbox', { name: 'Suggestions for Condition' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('item')]);
    await user.keyboard('{Enter}');
    expect(condition).toHaveValue('item');
    expect(condition).toHaveAttribute('aria-expanded', 'false');

    await user.type(condition, '.');
    const options = within(screen.getByRole('listbox', { name: 'Suggestions for Condition' })).getAllByRole('option');
    expect(options.map((o) => o.querySelector('.ed-suggestion-label')?.textContent)).toEqual(['Sku', 'Category']);
    expect(options[1]).toHaveTextContent('Category in master data');
    await user.keyboard('{ArrowDown}');
    expect(condition.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{Tab}');
    expect(condition).toHaveValue('item.Category');

    await user.type(condition, ' == "ite');
    expect(condition).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Control>} {/Control}');
    expect(condition).toHaveAttribute('aria-expanded', 'false');
    await user.type(condition, '" && ');
    await user.keyboard('{Control>} {/Control}');
    expect(condition).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(condition).toHaveAttribute('aria-expanded', 'false');
  });

  it('stops autosaving on a conflict and lets the planner keep hers over the fresh revision', async () => {
    const user = userEvent.setup();
    conflictOnce = true;
    renderEditor(planner);
    await opened();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, '!');
    const alert = await screen.findByText(/Someone else saved this draft \(revision 4 by Otto Other at .*\) while you were editing\. Your changes are not saved\./, undefined, { timeout: 3000 });
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Not saved: someone else saved this draft');

    await user.type(name, '?');
    await new Promise((r) => setTimeout(r, 1000));
    expect(puts).toHaveLength(1);

    const notice = alert.closest('.notice') as HTMLElement;
    expect(within(notice).getByRole('button', { name: 'Reload their version (discard mine)' })).toBeInTheDocument();
    expect(within(notice).getByRole('button', { name: 'Copy my JSON' })).toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'Keep mine and overwrite' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]!.ifMatch).toBe('"4"');
    expect(puts[1]!.body.rules[0]!.name).toBe('Ring-fence A items!?');
    await waitFor(() => expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent(/All changes saved/));
    expect(screen.queryByText(/Someone else saved this draft/)).not.toBeInTheDocument();
  });

  it('lets an analyst read everything but change nothing', async () => {
    current = ruleSet({ id: 'vip-v3', version: 3, status: 'published', active: true, publishedAt: '2026-11-20T08:00:00Z', publishedBy: 'Pia Planner' });
    renderEditor(analyst, '/rulesets/vip-v3');
    await opened();
    expect(screen.getByText('Read-only: your role (analyst) can read and comment but not change rule sets.')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Share' })).toHaveAttribute('readonly');
    expect(screen.getByRole('combobox', { name: 'Condition' })).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: /Publish|Create draft|Add rule|Delete rule/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Save status' })).not.toBeInTheDocument();
    expect(screen.getByText('Feedback slot for vip-hold')).toBeInTheDocument();
  });

  it('focuses the field of a problem chosen in the summary', async () => {
    const user = userEvent.setup();
    server.use(http.post('/v1/rulesets/:id/validate', () => HttpResponse.json({
      valid: false,
      problems: [{ pointer: '/rules/1/weights/cost', code: 'maximum', message: 'Cost must be at most 1000.', severity: 'error' },
        { pointer: '/rules/1', code: 'rule_shadowed', message: 'An earlier routing rule always applies first.', severity: 'warning' }],
    })));
    renderEditor(planner);
    await opened();
    await user.click(await screen.findByRole('button', { name: 'Error at route-fastest › Weights › Cost: Cost must be at most 1000.' }));
    const cost = screen.getByRole('spinbutton', { name: 'Cost' });
    expect(cost).toHaveFocus();
    expect(cost).toHaveAccessibleDescription(/Cost must be at most 1000\./);
    expect(screen.getByRole('option', { name: /^Fastest node.* Routing route-fastest \(1 error, 1 warning\)$/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('list', { name: 'Problems with this rule' })).toHaveTextContent('An earlier routing rule always applies first.');
  });

  it('adds a rule of a chosen kind and moves, duplicates and deletes rules', async () => {
    const user = userEvent.setup();
    renderEditor(planner);
    await opened();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const picker = screen.getByRole('dialog', { name: 'Add a rule' });
    // Whole first sentences, not cut at a colon; arrow keys move between the kinds.
    expect(within(picker).getByRole('button', { name: 'Routing' })).toHaveAccessibleDescription(/^Scores candidate nodes for a line: .* custom score expression\.$/);
    expect(within(picker).getByRole('button', { name: 'Safety stock' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(picker).getByRole('button', { name: 'Hold' })).toHaveFocus();
    await user.click(within(picker).getByRole('button', { name: 'Hold' }));
    expect(screen.getByRole('option', { name: /^New hold rule Hold hold$/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('placeholder', 'e.g. Ring-fence A items for VIP during spikes');
    expect(screen.getByRole('textbox', { name: 'For segment (required)' })).toHaveValue('vip');
    // A working start, and the "quantity or share" choice in sight.
    expect(screen.getByRole('spinbutton', { name: 'Share' })).toHaveValue(0.1);
    expect(screen.getByRole('spinbutton', { name: 'Quantity' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Move up' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringContaining('vip-hold'), expect.stringMatching(/New hold rule/), expect.stringContaining('route-fastest'),
    ]);
    await user.click(screen.getByRole('button', { name: 'Duplicate rule' }));
    expect(screen.getAllByRole('option')).toHaveLength(4);
    expect(screen.getByRole('option', { selected: true })).toHaveAccessibleName(/^New hold rule \(copy\) Hold hold-copy$/);

    await user.click(screen.getByRole('button', { name: 'Delete rule' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this rule?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    expect(screen.getAllByRole('option')).toHaveLength(3);

    await waitFor(() => expect(puts.at(-1)?.body.rules.map((r) => r.id)).toEqual(['vip-hold', 'hold', 'route-fastest']), { timeout: 3000 });

    // keyboard: arrows move the selection, Alt+arrows move the rule
    const first = screen.getAllByRole('option')[0]!;
    act(() => first.focus());
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveFocus();
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(screen.getAllByRole('option')[2]).toHaveAccessibleName(/^New hold rule Hold hold/);
  });

  it('publishes after saving, showing problems in place when the service refuses', async () => {
    const user = userEvent.setup();
    let publishes = 0;
    server.use(http.post('/v1/rulesets/:id/publish', async ({ request }) => {
      publishes++;
      const body = (await request.json()) as { comment: string };
      if (publishes === 1) {
        return problem(422, 'ruleset_invalid', 'The rule set is not valid', 'vip-v4 has 1 error(s)', { problems: [shareTooHigh] });
      }
      expect(body.comment).toBe('Holiday hold');
      current = { ...current, status: 'published', active: true, publishedAt: '2026-11-26T16:00:00Z', publishedBy: 'Pia Planner' };
      return HttpResponse.json(current);
    }));
    renderEditor(planner);
    await opened();
    await user.click(screen.getByRole('button', { name: 'Publish…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish draft v4 for vip' });
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(within(dialog).getByRole('textbox', { name: 'Publish comment' })).toHaveAccessibleDescription(/Say in a few words/);
    await user.type(within(dialog).getByRole('textbox', { name: 'Publish comment' }), 'Holiday hold');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await within(dialog).findByText('1 error must be fixed first.')).toBeInTheDocument();
    // Each problem once, in words: the rule's name and the field's label, never a JSON pointer or "error(s)".
    expect(within(dialog).getByRole('button', { name: 'Ring-fence A items › Share: Share must be at most 1.' })).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent(/\/rules\/0|error\(s\)/);
    expect(within(dialog).getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Publish' })).toHaveAccessibleDescription(/not possible while there is an error/);
    expect(screen.getByRole('spinbutton', { name: 'Share' })).toHaveAccessibleDescription(/Share must be at most 1\./);

    // Once validation finds no errors, publishing goes through.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Validate' }));
    await screen.findByText(/No errors: this draft can be published/);
    await user.click(screen.getByRole('button', { name: 'Publish…' }));
    const again = screen.getByRole('dialog', { name: 'Publish draft v4 for vip' });
    await user.type(within(again).getByRole('textbox', { name: 'Publish comment' }), 'Holiday hold');
    await user.click(within(again).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published v4: it is now the version in force for vip.')).toBeInTheDocument();
    expect(screen.getByText('in force')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create draft from this version' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Share' })).toHaveAttribute('readonly');
  });

  it('keeps unsaved changes in this browser and restores them on return', async () => {
    localStorage.setItem(backupKey('vip-v4'), JSON.stringify({
      revision: 3, savedAt: '2026-11-26T15:00:00Z',
      document: { ...current.document, name: 'VIP members (restored)' },
    }));
    renderEditor(planner);
    expect(await screen.findByText(/^Restored unsaved changes from /)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VIP members (restored)');
    await waitFor(() => expect(puts).toHaveLength(1), { timeout: 3000 });
    expect(puts[0]!.body.name).toBe('VIP members (restored)');
    await waitFor(() => expect(localStorage.getItem(backupKey('vip-v4'))).toBeNull());
  });

  it('does not drop unsaved changes silently when the draft was published meanwhile', async () => {
    const user = userEvent.setup();
    current = ruleSet({ status: 'published', active: true, publishedAt: '2026-11-26T16:00:00Z', publishedBy: 'Otto Other' });
    localStorage.setItem(backupKey('vip-v4'), JSON.stringify({ revision: 3, savedAt: '2026-11-26T15:00:00Z', document: { ...current.document, name: 'Mine' } }));
    renderEditor(planner);
    expect(await screen.findByText(/could not be saved: this version was published or archived meanwhile/)).toBeInTheDocument();
    expect(localStorage.getItem(backupKey('vip-v4'))).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Discard them' }));
    expect(localStorage.getItem(backupKey('vip-v4'))).toBeNull();
    expect(puts).toHaveLength(0);
  });

  it('asks before leaving when changes cannot be saved', async () => {
    const user = userEvent.setup();
    server.use(http.put('/v1/rulesets/:id', () => problem(503, 'unavailable', 'Service unavailable', 'try again')));
    const { router } = renderEditor(planner);
    await opened();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '!');
    expect(JSON.parse(localStorage.getItem(backupKey('vip-v4'))!).document.rules[0].name).toBe('Ring-fence A items!');
    act(() => { void router.navigate('/rulesets'); });
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(screen.getByRole('heading', { level: 1, name: 'VIP members' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Not saved: try again');
  });

  it('lists the warnings before publishing, in words, and still lets the planner publish', async () => {
    const user = userEvent.setup();
    const shadowed: RuleProblem = { pointer: '/rules/1', code: 'rule_shadowed', message: "Rule 'Fastest node' (route-fastest) can never apply.", severity: 'warning' };
    server.use(http.post('/v1/rulesets/:id/validate', () => HttpResponse.json({ valid: true, problems: [shadowed] })));
    renderEditor(planner);
    await opened();
    await user.click(screen.getByRole('button', { name: 'Validate' }));
    await screen.findByText(/1 warning to look at/);
    expect(screen.getByRole('tab', { name: /Rules/ }).querySelector('.ed-tab-badge-warning')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Publish…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish draft v4 for vip' });
    expect(within(dialog).getByText('1 warning.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(/publish anyway/);
    expect(within(dialog).getByRole('button', { name: /can never apply/ })).not.toHaveTextContent(/\/rules/);
    expect(within(dialog).getByRole('button', { name: 'Publish' })).toBeEnabled();
  });

  it('offers no roll back for an archived draft that was never published', async () => {
    current = ruleSet({ status: 'archived', active: false, publishedAt: undefined as unknown as null, archivedAt: '2026-11-25T08:00:00Z', archivedBy: 'Pia Planner' });
    renderEditor(planner);
    await opened();
    const actions = screen.getByRole('group', { name: 'Rule set actions' });
    expect(within(actions).getByRole('button', { name: 'Create draft from this version' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Roll back to this version' })).not.toBeInTheDocument();
  });

  it('rolls back to an earlier published version after confirming, and opens the new version', async () => {
    const user = userEvent.setup();
    current = ruleSet({ id: 'vip-v2', version: 2, status: 'published', active: false, publishedAt: '2026-11-10T08:00:00Z', publishedBy: 'Pia Planner' });
    let rolledBack: unknown = null;
    server.use(
      http.post('/v1/rulesets/:id/rollback', async ({ request }) => {
        rolledBack = await request.json();
        current = ruleSet({ id: 'vip-v5', version: 5, status: 'published', active: true, publishedAt: '2026-11-26T17:00:00Z', publishedBy: 'Pia Planner' });
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    const { router } = renderEditor(planner, '/rulesets/vip-v2');
    await opened();
    expect(await screen.findByRole('link', { name: 'Compare with version in force' })).toHaveAttribute('href', '/diff?from=vip-v3&to=vip-v2');
    expect(screen.getByRole('link', { name: 'History of vip' })).toHaveAttribute('href', '/segments/vip');
    expect(screen.getByRole('button', { name: 'Archive' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Roll back to this version' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back to v2?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Rollback comment' }), 'v4 over-holds');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByText('Rolled back: v5 is now in force with the content of v2.')).toBeInTheDocument();
    expect(rolledBack).toEqual({ comment: 'v4 over-holds' });
    expect(router.state.location.pathname).toBe('/rulesets/vip-v5');
    expect(screen.getByText('in force')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Roll back to this version' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
  });

  it('shows a refusal of the service in words with its code', async () => {
    server.use(http.get('/v1/rulesets/:id', () => problem(404, 'not_found', 'Not found', 'rule set vip-v9 does not exist')));
    renderEditor(planner, '/rulesets/vip-v9');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('rule set vip-v9 does not exist');
    expect(alert).toHaveTextContent('code: not_found');
    expect(alert).not.toHaveTextContent('{');
  });
});
