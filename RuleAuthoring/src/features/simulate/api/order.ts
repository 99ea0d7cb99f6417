/**
 * The order a planner simulates: the form's state, the OMS request body it becomes
 * (POST /v1/orders/{orderId}/source, API.md "Decisions"), and checks of both in words.
 * Error keys are the service's field paths ("lines[0].sku", "shipTo.country") so that the
 * service's own field errors land beside the same inputs.
 */

export interface OrderLineBody {
  lineId?: string;
  sku: string;
  quantity: number;
  uom?: string;
}

export interface OrderBody {
  segment?: string;
  customer?: { id?: string; tier?: string; strategic?: boolean; contractPriority?: number };
  shipTo: { country: string; postalCode?: string; latitude?: number; longitude?: number };
  lines: OrderLineBody[];
  requestedDate?: string;
  preOrder?: boolean;
}

export interface LineForm {
  /** Stable React key; not sent. */
  key: number;
  /** The order's own line id, kept when an order is loaded (pasted or decided) so that lines compare by id; new lines are numbered. */
  lineId?: string;
  sku: string;
  quantity: string;
  uom: string;
}

export interface OrderForm {
  customerId: string;
  tier: string;
  strategic: boolean;
  /** A whole number, or empty for the default (0). */
  contractPriority: string;
  country: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  /** yyyy-mm-dd or empty. */
  requestedDate: string;
  /** The exact instant a loaded order asked for; sent as is while requestedDate is still its date. */
  requestedAt?: string;
  preOrder: boolean;
  lines: LineForm[];
}

/** Field path → messages. */
export type FieldErrors = Record<string, string[]>;

/**
 * A service field path in the form's spelling: "$.lines[0].sku", "Lines[0].Sku" and "lines.0.sku" all
 * become "lines[0].sku", so that the error lands beside that line's SKU input.
 */
export function normalizeFieldPath(field: string): string {
  return field.trim()
    .replace(/^\$\.?/, '')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

export interface ShipToPreset {
  label: string;
  country: string;
  postalCode: string;
  latitude: number;
  longitude: number;
}

/** Places in the sample network's geography (Germany and Switzerland), near its DCs and stores. */
export const shipToPresets: ShipToPreset[] = [
  { label: 'Berlin DE', country: 'DE', postalCode: '10178', latitude: 52.5200, longitude: 13.4050 },
  { label: 'Hamburg DE', country: 'DE', postalCode: '20095', latitude: 53.5511, longitude: 9.9937 },
  { label: 'Munich DE', country: 'DE', postalCode: '80331', latitude: 48.1374, longitude: 11.5755 },
  { label: 'Frankfurt DE', country: 'DE', postalCode: '60311', latitude: 50.1109, longitude: 8.6821 },
  { label: 'Zürich CH', country: 'CH', postalCode: '8001', latitude: 47.3769, longitude: 8.5417 },
  { label: 'Geneva CH', country: 'CH', postalCode: '1204', latitude: 46.2044, longitude: 6.1432 },
];

/** Tiers the sample rule sets test (holds for gold, priorities for platinum and silver); "standard" is the service's default. */
export const customerTiers = ['standard', 'silver', 'gold', 'platinum'] as const;

/** Units the sample items carry (each, inner, case, pallet); the service names an item's units when one is wrong. */
export const uoms = ['each', 'inner', 'case', 'pallet'] as const;

let nextKey = 1;
export function newLine(sku = '', quantity = '1', uom = 'each', lineId?: string): LineForm {
  return lineId === undefined ? { key: nextKey++, sku, quantity, uom } : { key: nextKey++, lineId, sku, quantity, uom };
}

/** A small domestic order to Berlin of two fast movers that every seeded DC stocks in depth (hand soap, energy drinks). */
export function sampleOrder(): OrderForm {
  const berlin = shipToPresets[0]!;
  return {
    customerId: 'C-1001',
    tier: 'gold',
    strategic: false,
    contractPriority: '',
    country: berlin.country,
    postalCode: berlin.postalCode,
    latitude: String(berlin.latitude),
    longitude: String(berlin.longitude),
    requestedDate: '',
    preOrder: false,
    lines: [newLine('SKU-000208', '2'), newLine('SKU-000456', '6')],
  };
}

function add(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * The request body for the form, or the fields at fault. Lines are numbered 1, 2, … as the service
 * numbers lines without ids; coordinates go together or not at all (then the country's centre is used).
 */
export function buildOrderBody(form: OrderForm, segment: string): { body: OrderBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const country = form.country.trim().toUpperCase();
  if (!country) add(errors, 'shipTo.country', 'Enter the country the order ships to.');
  else if (!/^[A-Z]{2}$/.test(country)) add(errors, 'shipTo.country', 'Use a two-letter country code, e.g. DE or CH.');

  const latitude = parseNumber(form.latitude);
  const longitude = parseNumber(form.longitude);
  if (latitude !== null && (Number.isNaN(latitude) || latitude < -90 || latitude > 90)) {
    add(errors, 'shipTo.latitude', 'Latitude is a number from -90 to 90.');
  }
  if (longitude !== null && (Number.isNaN(longitude) || longitude < -180 || longitude > 180)) {
    add(errors, 'shipTo.longitude', 'Longitude is a number from -180 to 180.');
  }
  if ((latitude === null) !== (longitude === null)) {
    add(errors, latitude === null ? 'shipTo.latitude' : 'shipTo.longitude', 'Give latitude and longitude together, or neither.');
  }

  const tier = form.tier.trim();
  if (tier && !/^[a-z][a-z0-9_]*$/.test(tier)) add(errors, 'customer.tier', 'A tier is a lowercase word like gold.');
  const contractPriority = parseNumber(form.contractPriority);
  if (contractPriority !== null && (Number.isNaN(contractPriority) || !Number.isInteger(contractPriority)
    || Math.abs(contractPriority) > 2_147_483_647)) {
    add(errors, 'customer.contractPriority', 'The contract priority is a whole number, or empty for none.');
  }

  if (form.requestedDate && !/^\d{4}-\d{2}-\d{2}$/.test(form.requestedDate)) {
    add(errors, 'requestedDate', 'Pick a date, or leave it empty.');
  }

  if (form.lines.length === 0) add(errors, 'lines', 'Add at least one line.');
  const lines: OrderLineBody[] = [];
  const lineIds = numberLines(form.lines);
  form.lines.forEach((line, i) => {
    const sku = line.sku.trim();
    if (!sku) add(errors, `lines[${i}].sku`, 'Enter a SKU.');
    const quantity = parseNumber(line.quantity);
    if (quantity === null || Number.isNaN(quantity) || quantity <= 0 || !Number.isInteger(quantity)) {
      add(errors, `lines[${i}].quantity`, 'The quantity is a whole number above zero.');
    }
    lines.push({ lineId: lineIds[i]!, sku, quantity: quantity ?? 0, uom: line.uom.trim() || 'each' });
  });

  if (Object.keys(errors).length > 0) return { body: null, errors };
  const shipTo: OrderBody['shipTo'] = { country };
  if (form.postalCode.trim()) shipTo.postalCode = form.postalCode.trim();
  if (latitude !== null && longitude !== null) {
    shipTo.latitude = latitude;
    shipTo.longitude = longitude;
  }
  const customer: NonNullable<OrderBody['customer']> = {};
  if (form.customerId.trim()) customer.id = form.customerId.trim();
  if (tier) customer.tier = tier;
  if (form.strategic) customer.strategic = true;
  if (contractPriority) customer.contractPriority = contractPriority;
  const body: OrderBody = { segment, customer, shipTo, lines };
  if (form.requestedDate) {
    // A loaded order keeps the instant it asked for; otherwise noon UTC: the engine counts calendar days in the
    // network's time zone, and noon is the same date in all of Europe.
    body.requestedDate = form.requestedAt && form.requestedAt.slice(0, 10) === form.requestedDate
      ? form.requestedAt : `${form.requestedDate}T12:00:00Z`;
  }
  if (form.preOrder) body.preOrder = true;
  return { body, errors };
}

/** Line ids: a loaded line keeps its own (first come, if two share one); other lines take the next free number from their position. */
function numberLines(lines: LineForm[]): string[] {
  const used = new Set<string>();
  const kept = lines.map((l) => {
    const id = l.lineId?.trim();
    if (!id || used.has(id)) return null;
    used.add(id);
    return id;
  });
  return kept.map((id, i) => {
    if (id !== null) return id;
    let n = i + 1;
    while (used.has(String(n))) n++;
    used.add(String(n));
    return String(n);
  });
}

/** The form for an order body (pasted JSON, or a decided order's request, loaded into the form). */
export function formFromBody(body: OrderBody): OrderForm {
  const priority = body.customer?.contractPriority;
  const form: OrderForm = {
    customerId: body.customer?.id ?? '',
    tier: body.customer?.tier ?? '',
    strategic: body.customer?.strategic ?? false,
    contractPriority: priority ? String(priority) : '',
    country: body.shipTo.country,
    postalCode: body.shipTo.postalCode ?? '',
    latitude: body.shipTo.latitude === undefined ? '' : String(body.shipTo.latitude),
    longitude: body.shipTo.longitude === undefined ? '' : String(body.shipTo.longitude),
    requestedDate: body.requestedDate ? body.requestedDate.slice(0, 10) : '',
    preOrder: body.preOrder ?? false,
    lines: body.lines.map((l) => newLine(l.sku, String(l.quantity), l.uom ?? 'each', l.lineId)),
  };
  if (body.requestedDate) form.requestedAt = body.requestedDate;
  return form;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Reads an OMS source-order request body pasted as JSON and checks its shape (not master data: the
 * service checks skus and units). Each problem is a sentence naming the field.
 */
export function parseOrderJson(text: string, segment: string): { body: OrderBody | null; problems: string[] } {
  const problems: string[] = [];
  if (!text.trim()) return { body: null, problems: ['Paste an order: a JSON object with shipTo and lines.'] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { body: null, problems: [`This is not valid JSON (${reason}).`] };
  }
  if (!isObject(parsed)) return { body: null, problems: [`The order must be a JSON object, not ${describe(parsed)}.`] };

  const body: OrderBody = { segment, shipTo: { country: '' }, lines: [] };
  if (parsed.segment !== undefined && parsed.segment !== null) {
    if (typeof parsed.segment !== 'string') problems.push(`segment must be text, not ${describe(parsed.segment)}.`);
    else if (parsed.segment !== segment) {
      problems.push(`This order is for segment "${parsed.segment}", but this rule set governs "${segment}". Change segment or leave it out.`);
    }
  }

  const customer = parsed.customer;
  if (customer !== undefined && customer !== null) {
    if (!isObject(customer)) problems.push(`customer must be an object with id and tier, not ${describe(customer)}.`);
    else {
      body.customer = {};
      for (const key of ['id', 'tier'] as const) {
        const v = customer[key];
        if (v === undefined || v === null) continue;
        if (typeof v !== 'string') problems.push(`customer.${key} must be text, not ${describe(v)}.`);
        else body.customer[key] = v;
      }
      if (customer.strategic !== undefined && customer.strategic !== null) {
        if (typeof customer.strategic !== 'boolean') problems.push(`customer.strategic must be true or false, not ${describe(customer.strategic)}.`);
        else body.customer.strategic = customer.strategic;
      }
      if (customer.contractPriority !== undefined && customer.contractPriority !== null) {
        if (typeof customer.contractPriority !== 'number') problems.push(`customer.contractPriority must be a number, not ${describe(customer.contractPriority)}.`);
        else body.customer.contractPriority = customer.contractPriority;
      }
    }
  }

  const shipTo = parsed.shipTo;
  if (!isObject(shipTo)) {
    problems.push(shipTo === undefined ? 'shipTo is missing: give at least shipTo.country.' : `shipTo must be an object, not ${describe(shipTo)}.`);
  } else {
    if (typeof shipTo.country !== 'string' || !shipTo.country) problems.push('shipTo.country is missing: a two-letter country code such as DE.');
    else body.shipTo.country = shipTo.country;
    if (shipTo.postalCode !== undefined && shipTo.postalCode !== null) {
      if (typeof shipTo.postalCode !== 'string') problems.push(`shipTo.postalCode must be text, not ${describe(shipTo.postalCode)}.`);
      else body.shipTo.postalCode = shipTo.postalCode;
    }
    for (const key of ['latitude', 'longitude'] as const) {
      const v = shipTo[key];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number') problems.push(`shipTo.${key} must be a number, not ${describe(v)}.`);
      else body.shipTo[key] = v;
    }
  }

  const lines = parsed.lines;
  if (!Array.isArray(lines) || lines.length === 0) {
    problems.push(lines === undefined ? 'lines is missing: an order needs at least one line.'
      : Array.isArray(lines) ? 'lines is empty: an order needs at least one line.' : `lines must be a list, not ${describe(lines)}.`);
  } else {
    lines.forEach((line: unknown, i) => {
      const at = `lines[${i}]`;
      if (!isObject(line)) {
        problems.push(`${at} must be an object with sku, quantity and uom, not ${describe(line)}.`);
        return;
      }
      const ok: OrderLineBody = { sku: '', quantity: 0 };
      if (typeof line.sku !== 'string' || !line.sku) problems.push(`${at}.sku is missing.`);
      else ok.sku = line.sku;
      if (typeof line.quantity !== 'number' || !Number.isInteger(line.quantity) || line.quantity <= 0) {
        problems.push(`${at}.quantity must be a whole number above zero${line.quantity === undefined ? '' : `, not ${describe(line.quantity)}`}.`);
      } else ok.quantity = line.quantity;
      if (line.uom !== undefined && line.uom !== null) {
        if (typeof line.uom !== 'string') problems.push(`${at}.uom must be text, not ${describe(line.uom)}.`);
        else ok.uom = line.uom;
      }
      if (line.lineId !== undefined && line.lineId !== null) {
        if (typeof line.lineId !== 'string') problems.push(`${at}.lineId must be text, not ${describe(line.lineId)}.`);
        else ok.lineId = line.lineId;
      }
      body.lines.push(ok);
    });
  }

  const requested = parsed.requestedDate;
  if (requested !== undefined && requested !== null) {
    if (typeof requested !== 'string' || Number.isNaN(Date.parse(requested))) {
      problems.push(`requestedDate must be a date such as "2026-12-01T00:00:00Z", not ${describe(requested)}.`);
    } else body.requestedDate = requested;
  }
  if (parsed.preOrder !== undefined && parsed.preOrder !== null) {
    if (typeof parsed.preOrder !== 'boolean') problems.push(`preOrder must be true or false, not ${describe(parsed.preOrder)}.`);
    else body.preOrder = parsed.preOrder;
  }
  return problems.length ? { body: null, problems } : { body, problems };
}
