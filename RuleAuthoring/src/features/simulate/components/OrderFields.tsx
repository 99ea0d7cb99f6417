import { useId, type ReactNode } from 'react';
import { Field } from '../../../components/Field';
import { customerTiers, newLine, shipToPresets, uoms, type FieldErrors, type LineForm, type OrderForm } from '../api/order';

interface OrderFieldsProps {
  segment: string;
  form: OrderForm;
  onChange: (form: OrderForm) => void;
  errors: FieldErrors;
}

/** The order as a form: customer, ship-to (with presets from the sample network), lines, requested date. */
export function OrderFields({ segment, form, onChange, errors }: OrderFieldsProps) {
  const set = <K extends keyof OrderForm>(key: K, value: OrderForm[K]) => onChange({ ...form, [key]: value });
  const setLine = (index: number, patch: Partial<LineForm>) =>
    set('lines', form.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const presetIndex = shipToPresets.findIndex((p) => p.country === form.country && p.postalCode === form.postalCode
    && String(p.latitude) === form.latitude && String(p.longitude) === form.longitude);
  const tiers: string[] = customerTiers.includes(form.tier as (typeof customerTiers)[number]) || !form.tier
    ? [...customerTiers] : [...customerTiers, form.tier];
  const err = (field: string) => errors[field];
  const uomList = useId();

  return (
    <div className="sim-order">
      <fieldset className="sim-group">
        <legend>Customer</legend>
        <div className="sim-row">
          <Field label="Segment" help="The segment this rule set governs." error={err('segment')}>
            {({ id, describedBy }) => <input id={id} aria-describedby={describedBy} value={segment} readOnly />}
          </Field>
          <Field label="Customer id" error={err('customer.id')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={form.customerId}
                onChange={(e) => set('customerId', e.target.value)} />
            )}
          </Field>
          <Field label="Customer tier" error={err('customer.tier')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={form.tier}
                onChange={(e) => set('tier', e.target.value)}>
                <option value="">(none: standard)</option>
                {tiers.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            )}
          </Field>
          <TextField label="Contract priority" value={form.contractPriority} error={err('customer.contractPriority')}
            onChange={(v) => set('contractPriority', v)} inputMode="numeric" help="Empty for none (0)." />
          <div className="field">
            <label>
              <input type="checkbox" checked={form.strategic} onChange={(e) => set('strategic', e.target.checked)} />
              {' '}Strategic customer
            </label>
          </div>
        </div>
      </fieldset>

      <fieldset className="sim-group">
        <legend>Ship to</legend>
        <Field label="Ship-to preset" help="Fills country, postal code and coordinates.">
          {({ id, describedBy }) => (
            <select id={id} aria-describedby={describedBy} value={presetIndex >= 0 ? String(presetIndex) : ''}
              onChange={(e) => {
                const p = shipToPresets[Number(e.target.value)];
                if (p) onChange({ ...form, country: p.country, postalCode: p.postalCode, latitude: String(p.latitude), longitude: String(p.longitude) });
              }}>
              <option value="" disabled>Custom address</option>
              {shipToPresets.map((p, i) => <option key={p.label} value={String(i)}>{p.label}</option>)}
            </select>
          )}
        </Field>
        <div className="sim-row">
          <TextField label="Country" value={form.country} error={err('shipTo.country')} onChange={(v) => set('country', v)} width="short" />
          <TextField label="Postal code" value={form.postalCode} error={err('shipTo.postalCode')} onChange={(v) => set('postalCode', v)} />
          <TextField label="Latitude" value={form.latitude} error={err('shipTo.latitude')} onChange={(v) => set('latitude', v)} inputMode="decimal" />
          <TextField label="Longitude" value={form.longitude} error={err('shipTo.longitude')} onChange={(v) => set('longitude', v)} inputMode="decimal" />
        </div>
      </fieldset>

      <fieldset className="sim-group">
        <legend>Lines</legend>
        {err('lines') && <div className="field-error" role="alert">{err('lines')!.join(' ')}</div>}
        <table className="sim-lines">
          <thead>
            <tr><th scope="col">Line</th><th scope="col">SKU</th><th scope="col">Quantity</th><th scope="col">Unit</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {form.lines.map((line, i) => (
              <tr key={line.key}>
                <td className="mono" style={{ paddingTop: 'calc(0.72rem + 1px)' }}>
                  {i + 1}
                  {line.lineId !== undefined && line.lineId !== String(i + 1) && <span className="muted"> (id {line.lineId})</span>}
                </td>
                <td>
                  <LineInput label={`SKU, line ${i + 1}`} value={line.sku} errors={[...(err(`lines[${i}]`) ?? []), ...(err(`lines[${i}].sku`) ?? []), ...(err(`lines[${i}].lineId`) ?? [])]}
                    onChange={(v) => setLine(i, { sku: v })} placeholder="SKU-000001" />
                </td>
                <td>
                  <LineInput label={`Quantity, line ${i + 1}`} value={line.quantity} errors={err(`lines[${i}].quantity`) ?? []}
                    onChange={(v) => setLine(i, { quantity: v })} inputMode="numeric" />
                </td>
                <td>
                  <LineInput label={`Unit, line ${i + 1}`} value={line.uom} errors={err(`lines[${i}].uom`) ?? []}
                    onChange={(v) => setLine(i, { uom: v })} list={uomList} />
                </td>
                <td>
                  <button type="button" className="btn btn-small" aria-label={`Remove line ${i + 1}`}
                    disabled={form.lines.length === 1} onClick={() => set('lines', form.lines.filter((_, j) => j !== i))}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <datalist id={uomList}>{uoms.map((u) => <option key={u} value={u} />)}</datalist>
        <button type="button" className="btn btn-small" onClick={() => set('lines', [...form.lines, newLine()])}>Add line</button>
      </fieldset>

      <div className="sim-date">
        <Field label="Requested date (optional)" help={requestedHelp(form.requestedDate)} error={err('requestedDate')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid || undefined} value={form.requestedDate}
              onChange={(e) => set('requestedDate', e.target.value)} />
          )}
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.preOrder} onChange={(e) => set('preOrder', e.target.checked)} />
            {' '}Pre-order
          </label>
        </div>
      </div>
    </div>
  );
}

function TextField({ label, value, onChange, error, inputMode, width, help }: {
  label: string; value: string; onChange: (v: string) => void; error?: string[]; inputMode?: 'decimal' | 'numeric'; width?: 'short'; help?: string;
}) {
  return (
    <Field label={label} error={error} help={help}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={value} inputMode={inputMode}
          className={width === 'short' ? 'sim-short' : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** A control in the lines table: its name says which line ("SKU, line 2"); errors under it, announced. */
function LineInput({ label, value, onChange, errors, inputMode, list, placeholder }: {
  label: string; value: string; onChange: (v: string) => void; errors: string[]; inputMode?: 'numeric'; list?: string; placeholder?: string;
}): ReactNode {
  const id = useId();
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <div className={errors.length ? 'field field-invalid sim-cell' : 'field sim-cell'}>
      <label htmlFor={id} className="sr-only">{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={errorId}
        aria-invalid={errors.length > 0 || undefined} inputMode={inputMode} list={list} placeholder={placeholder} />
      {errors.length > 0 && <div id={errorId} className="field-error" role="alert">{errors.join(' ')}</div>}
    </div>
  );
}

/** The date picker shows the browser's own format (often mm/dd/yyyy): say the date as the app writes dates. */
function requestedHelp(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : null;
  if (day && !Number.isNaN(day.getTime())) {
    const text = day.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return `Requested for ${text}. Empty for standard delivery.`;
  }
  return 'When the customer wants it, e.g. 1 Dec 2026; empty for standard delivery.';
}
