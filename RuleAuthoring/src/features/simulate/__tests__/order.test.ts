import { buildOrderBody, formFromBody, newLine, normalizeFieldPath, parseOrderJson, sampleOrder, type OrderForm } from '../api/order';

function form(patch: Partial<OrderForm> = {}): OrderForm {
  return { ...sampleOrder(), ...patch };
}

describe('buildOrderBody', () => {
  it('turns the sample order into the OMS request body, lines numbered', () => {
    const { body, errors } = buildOrderBody(sampleOrder(), 'ecommerce');
    expect(errors).toEqual({});
    expect(body).toEqual({
      segment: 'ecommerce',
      customer: { id: 'C-1001', tier: 'gold' },
      shipTo: { country: 'DE', postalCode: '10178', latitude: 52.52, longitude: 13.405 },
      lines: [
        { lineId: '1', sku: 'SKU-000208', quantity: 2, uom: 'each' },
        { lineId: '2', sku: 'SKU-000456', quantity: 6, uom: 'each' },
      ],
    });
  });

  it('upper-cases the country, leaves out empty optional fields and sends the requested date as an instant', () => {
    const { body } = buildOrderBody(form({ country: 'ch', postalCode: ' ', latitude: '', longitude: '', customerId: '', tier: '', requestedDate: '2026-12-01' }), 'vip');
    expect(body).toEqual({
      segment: 'vip',
      customer: {},
      shipTo: { country: 'CH' },
      lines: expect.any(Array),
      requestedDate: '2026-12-01T12:00:00Z',
    });
  });

  it('names each field at fault with the service paths', () => {
    const { body, errors } = buildOrderBody(form({
      country: 'Germany', latitude: '95', longitude: '',
      tier: 'Gold',
      lines: [newLine('', '2'), newLine('SKU-1', '1.5'), newLine('SKU-2', '0')],
    }), 'ecommerce');
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual([
      'customer.tier', 'lines[0].sku', 'lines[1].quantity', 'lines[2].quantity', 'shipTo.country', 'shipTo.latitude', 'shipTo.longitude',
    ]);
    expect(errors['shipTo.latitude']).toEqual(['Latitude is a number from -90 to 90.']);
    expect(errors['shipTo.longitude']).toEqual(['Give latitude and longitude together, or neither.']);
  });

  it('needs a line', () => {
    expect(buildOrderBody(form({ lines: [] }), 'ecommerce').errors.lines).toEqual(['Add at least one line.']);
  });

  it('round-trips through the form', () => {
    const { body } = buildOrderBody(sampleOrder(), 'ecommerce');
    const again = buildOrderBody(formFromBody(body!), 'ecommerce');
    expect(again.body).toEqual(body);
  });

  it('keeps a loaded order’s line ids, customer flags, pre-order and exact requested instant', () => {
    const loaded = {
      segment: 'vip', customer: { id: 'C-5', tier: 'standard', strategic: true, contractPriority: 3 },
      shipTo: { country: 'DE', postalCode: '60311' },
      lines: [{ lineId: 'A', sku: 'SKU-000208', quantity: 12, uom: 'each' }, { lineId: '7', sku: 'SKU-000456', quantity: 5, uom: 'each' }],
      requestedDate: '2026-12-09T23:30:00Z', preOrder: true,
    };
    const loadedForm = formFromBody(loaded);
    expect(loadedForm).toMatchObject({ strategic: true, contractPriority: '3', preOrder: true, requestedDate: '2026-12-09' });
    expect(buildOrderBody(loadedForm, 'vip').body).toEqual(loaded);
    // Another date is the planner's: noon UTC of it, as for any date picked.
    expect(buildOrderBody({ ...loadedForm, requestedDate: '2026-12-11' }, 'vip').body?.requestedDate).toBe('2026-12-11T12:00:00Z');
  });

  it('numbers added lines around the ids loaded lines keep', () => {
    const { body } = buildOrderBody(form({ lines: [newLine('SKU-1', '1', 'each', '2'), newLine('SKU-2'), newLine('SKU-3', '1', 'each', '2')] }), 'x');
    expect(body?.lines.map((l) => l.lineId)).toEqual(['2', '3', '4']);
  });

  it('checks the contract priority and leaves defaults out', () => {
    expect(buildOrderBody(form({ contractPriority: '1.5' }), 'x').errors['customer.contractPriority'])
      .toEqual(['The contract priority is a whole number, or empty for none.']);
    expect(buildOrderBody(form({ contractPriority: '0', strategic: false, preOrder: false }), 'x').body)
      .toMatchObject({ customer: { id: 'C-1001', tier: 'gold' } });
    expect(buildOrderBody(form({ contractPriority: '0' }), 'x').body).not.toHaveProperty('preOrder');
  });
});

describe('parseOrderJson', () => {
  const valid = {
    segment: 'ecommerce',
    customer: { id: 'C-9', tier: 'platinum' },
    shipTo: { country: 'DE', postalCode: '80331', latitude: 48.1, longitude: 11.5 },
    lines: [{ lineId: 'a', sku: 'SKU-000208', quantity: 3, uom: 'case' }],
    requestedDate: '2026-12-01T00:00:00Z',
  };

  it('accepts an OMS source request body', () => {
    const { body, problems } = parseOrderJson(JSON.stringify(valid), 'ecommerce');
    expect(problems).toEqual([]);
    expect(body).toEqual(valid);
  });

  it('fills in the segment when the order leaves it out', () => {
    const { segment: _, ...rest } = valid;
    expect(parseOrderJson(JSON.stringify(rest), 'ecommerce').body?.segment).toBe('ecommerce');
  });

  it('says in words what is wrong, field by field', () => {
    const { body, problems } = parseOrderJson(JSON.stringify({
      segment: 'vip', shipTo: { latitude: '48' }, lines: [{ sku: 'SKU-1', quantity: -1 }, 'x'], requestedDate: 'soon',
    }), 'ecommerce');
    expect(body).toBeNull();
    expect(problems).toEqual([
      'This order is for segment "vip", but this rule set governs "ecommerce". Change segment or leave it out.',
      'shipTo.country is missing: a two-letter country code such as DE.',
      'shipTo.latitude must be a number, not the text "48".',
      'lines[0].quantity must be a whole number above zero, not number -1.',
      'lines[1] must be an object with sku, quantity and uom, not the text "x".',
      'requestedDate must be a date such as "2026-12-01T00:00:00Z", not the text "soon".',
    ]);
  });

  it('reports broken JSON and wrong top-level shapes', () => {
    expect(parseOrderJson('{ "lines": [', 'x').problems[0]).toMatch(/^This is not valid JSON/);
    expect(parseOrderJson('[]', 'x').problems).toEqual(['The order must be a JSON object, not a list.']);
    expect(parseOrderJson('', 'x').problems).toEqual(['Paste an order: a JSON object with shipTo and lines.']);
    expect(parseOrderJson('{"shipTo":{"country":"DE"},"lines":[]}', 'x').problems).toEqual(['lines is empty: an order needs at least one line.']);
  });
});

describe('normalizeFieldPath', () => {
  it('spells the service’s field paths as the form keys its inputs', () => {
    expect(normalizeFieldPath('lines[0].sku')).toBe('lines[0].sku');
    expect(normalizeFieldPath('$.lines[2].quantity')).toBe('lines[2].quantity');
    expect(normalizeFieldPath('Lines[1].Uom')).toBe('lines[1].uom');
    expect(normalizeFieldPath('lines.3.sku')).toBe('lines[3].sku');
    expect(normalizeFieldPath('ShipTo.Country')).toBe('shipTo.country');
    expect(normalizeFieldPath('customer.tier')).toBe('customer.tier');
  });
});
