import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ExperimentCreate } from '../components/ExperimentCreate';
import { analyst, experiment, planner, renderAt, ruleSets } from './fixtures';

let answer: () => Response = () => HttpResponse.json(experiment({ id: 'exp-9' }), { status: 201 });
const posted: unknown[] = [];

const server = setupServer(
  http.get('/v1/rulesets', () => HttpResponse.json(ruleSets)),
  http.post('/v1/experiments', async ({ request }) => {
    posted.push(await request.json());
    return answer();
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  posted.length = 0;
  answer = () => HttpResponse.json(experiment({ id: 'exp-9' }), { status: 201 });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = [{ path: '/experiments/new', element: <ExperimentCreate /> }];

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'VIP hold 30% vs 20%');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Segment' }), 'vip');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Variant/ }), 'vip-v5');
  const share = screen.getByRole('spinbutton', { name: 'Share of orders for the variant (%)' });
  await user.clear(share);
  await user.type(share, '33.3');
  // user-event cannot type into datetime-local inputs in jsdom: a partial value is not a value.
  fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20T09:30' } });
  fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-04T09:30' } });
}

describe('ExperimentCreate', () => {
  it('offers only published and archived versions of the chosen segment, the one in force as control', async () => {
    renderAt(analyst, '/experiments/new?segment=vip', routes);
    const control = await screen.findByRole('combobox', { name: /^Control/ });
    expect(control).toHaveValue('vip-v3');
    const options = within(screen.getByRole('combobox', { name: /^Variant/ })).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Choose a version', 'v5 · vip 5 (archived)', 'v3 · vip 3 (in force)', 'v2 · vip 2 (archived)']);
  });

  it('checks the form before sending: every missing field said at its place', async () => {
    const user = userEvent.setup();
    renderAt(analyst, '/experiments/new?segment=vip', routes);
    await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(screen.getByRole('spinbutton', { name: /Share/ }));
    await user.type(screen.getByRole('spinbutton', { name: /Share/ }), '0');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-01T00:00' } });
    await user.click(screen.getByRole('button', { name: 'Create experiment' }));

    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Give the experiment a name.');
    expect(screen.getByRole('combobox', { name: /^Variant/ })).toHaveAccessibleDescription('Choose the version to try, as the variant.');
    expect(screen.getByRole('spinbutton', { name: /Share/ })).toHaveAccessibleDescription(expect.stringContaining('The share must be more than 0% and at most 100%.'));
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('The window must end after it starts.');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toEqual([]);
  });

  it('refuses the same version as control and variant', async () => {
    const user = userEvent.setup();
    renderAt(analyst, '/experiments/new?segment=vip', routes);
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Variant/ }), 'vip-v3');
    await user.click(screen.getByRole('button', { name: 'Create experiment' }));
    expect(screen.getByRole('combobox', { name: /^Variant/ })).toHaveAccessibleDescription('The variant must be another version than the control.');
  });

  it('sends the share as a fraction and the window as instants with the local offset, then opens the experiment', async () => {
    const user = userEvent.setup();
    const { router } = renderAt(analyst, '/experiments/new', routes);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create experiment' }));
    await screen.findByTestId('where');
    expect(router.state.location.pathname).toBe('/experiments/exp-9');
    const offset = (iso: string) => {
      const minutes = -new Date(iso).getTimezoneOffset();
      const abs = Math.abs(minutes);
      return `${minutes >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    };
    expect(posted).toEqual([{
      name: 'VIP hold 30% vs 20%', segment: 'vip', controlRuleSetId: 'vip-v3', variantRuleSetId: 'vip-v5', trafficShare: 0.333,
      window: { from: `2026-11-20T09:30:00${offset('2026-11-20T09:30')}`, to: `2026-12-04T09:30:00${offset('2026-12-04T09:30')}` },
      assignmentKey: 'order',
    }]);
  });

  it('shows the service’s field problems at their fields, in words, and the rest in the notice', async () => {
    answer = () => HttpResponse.json({
      title: 'The experiment cannot be created', code: 'experiment_overlap', status: 409,
      errors: [
        { field: 'window.from', code: 'experiment_overlap', message: 'Another running experiment in vip overlaps this window (VIP old test).' },
        { field: 'variantRuleSetId', code: 'rule_set_wrong_segment', message: 'This version belongs to another segment.' },
        { field: 'owner', code: 'experiment_invalid', message: 'Owner is unknown.' },
      ],
    }, { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
    const user = userEvent.setup();
    const { router } = renderAt(analyst, '/experiments/new', routes);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create experiment' }));

    expect(await screen.findByLabelText('From')).toHaveAccessibleDescription('Another running experiment in vip overlaps this window (VIP old test).');
    expect(screen.getByRole('combobox', { name: /^Variant/ })).toHaveAccessibleDescription('This version belongs to another segment.');
    const notice = screen.getAllByRole('alert').find((a) => a.classList.contains('notice-error'))!;
    expect(notice).toHaveTextContent('The experiment cannot be created');
    expect(notice).toHaveTextContent('owner: Owner is unknown.');
    expect(notice).not.toHaveTextContent('belongs to another segment');
    expect(router.state.location.pathname).toBe('/experiments/new');

    // Changing the field the problem was about takes its message away; the other stays.
    await user.selectOptions(screen.getByRole('combobox', { name: /^Variant/ }), 'vip-v2');
    expect(screen.getByRole('combobox', { name: /^Variant/ })).not.toHaveAccessibleDescription();
    expect(screen.getByLabelText('From')).toHaveAccessibleDescription(expect.stringContaining('overlaps'));
  });

  it('tells a planner that only analysts create experiments', async () => {
    renderAt(planner, '/experiments/new', routes);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only analysts and administrators create experiments.');
    expect(screen.queryByRole('button', { name: 'Create experiment' })).not.toBeInTheDocument();
  });
});
