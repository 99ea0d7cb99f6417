import type { SimulationAnswer } from '../api/simulate';

/** A real answer of POST /v1/rulesets/ecommerce-v2/simulate on the seeded samples (order to Berlin). */
export const draftAnswer: SimulationAnswer = {
  ruleSet: {
    id: "ecommerce-v2",
    segment: "ecommerce",
    version: 2,
    status: "published"
  },
  lines: [
    {
      lineId: "1",
      sku: "SKU-000208",
      requested: 2,
      allocations: [
        {
          sku: "SKU-000208",
          node: "DC-HAMBURG",
          quantity: 2,
          promiseDate: "2026-11-28T15:00:00Z",
          floor: 31
        }
      ],
      backordered: 0,
      rejected: 0,
      substitutions: []
    },
    {
      lineId: "2",
      sku: "SKU-000456",
      requested: 6,
      allocations: [
        {
          sku: "SKU-000456",
          node: "DC-HAMBURG",
          quantity: 6,
          promiseDate: "2026-11-28T15:00:00Z",
          floor: 53
        }
      ],
      backordered: 0,
      rejected: 0,
      substitutions: []
    }
  ],
  totals: {
    requested: 8,
    allocated: 8,
    substituted: 0,
    backordered: 0,
    rejected: 0,
    shipments: 1,
    cost: 9.7696
  },
  explanation: [
    "decided under rule set ecommerce-v2 (version 2) for segment ecommerce",
    "DC-ZURICH, ST-GENEVA-01 and ST-BASEL-01 excluded: not in the ship-to country",
    "ST-HANOVER-01 and ST-MUNICH-02 excluded: store does not ship online orders",
    "ST-STUTTGART-01 excluded for line 1: store does not ship online orders",
    "ST-STUTTGART-01 excluded for line 2: SKU-000456 is quarantined here pending an anomaly review",
    "DC-HAMBURG chosen over DC-FRANKFURT: routing score 9.77 against 10.91 (lower is better)",
    "line 1: 2 × SKU-000208 from DC-HAMBURG, promised 2026-11-28 (routing rule route-cost-cutoff)",
    "line 2: 6 × SKU-000456 from DC-HAMBURG, promised 2026-11-28 (routing rule route-cost-cutoff)",
    "ships in one shipment; up to 2 shipments allowed, 4.5 penalty per extra one, lines not split (rule split-two-parcels)"
  ],
  trace: [
    {
      step: "rule_set",
      ruleId: null,
      lineId: null,
      node: null,
      message: "decided under rule set ecommerce-v2 (version 2) for segment ecommerce",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-domestic",
      lineId: "1",
      node: "DC-ZURICH",
      message: "DC-ZURICH excluded: not in the ship-to country",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-domestic",
      lineId: "1",
      node: "ST-GENEVA-01",
      message: "ST-GENEVA-01 excluded: not in the ship-to country",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-ship-from-store",
      lineId: "1",
      node: "ST-HANOVER-01",
      message: "ST-HANOVER-01 excluded: store does not ship online orders",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-ship-from-store",
      lineId: "1",
      node: "ST-STUTTGART-01",
      message: "ST-STUTTGART-01 excluded: store does not ship online orders",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-domestic",
      lineId: "2",
      node: "DC-ZURICH",
      message: "DC-ZURICH excluded: not in the ship-to country",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-domestic",
      lineId: "2",
      node: "ST-BASEL-01",
      message: "ST-BASEL-01 excluded: not in the ship-to country",
      figures: null
    },
    {
      step: "excluded",
      ruleId: "ne-ship-from-store",
      lineId: "2",
      node: "ST-MUNICH-02",
      message: "ST-MUNICH-02 excluded: store does not ship online orders",
      figures: null
    },
    {
      step: "excluded",
      ruleId: null,
      lineId: "2",
      node: "ST-STUTTGART-01",
      message: "ST-STUTTGART-01 excluded: SKU-000456 is quarantined here pending an anomaly review",
      figures: null
    },
    {
      step: "candidates",
      ruleId: null,
      lineId: null,
      node: null,
      message: "37 node combinations compared; the chosen plan fills 8 of 8 units at routing score 9.77 (lower is better)",
      figures: {
        combinations: 37,
        filled: 8,
        routingScore: 9.769640793268133
      }
    },
    {
      step: "choice",
      ruleId: null,
      lineId: null,
      node: null,
      message: "DC-HAMBURG chosen over DC-FRANKFURT: routing score 9.77 against 10.91 (lower is better)",
      figures: {
        routingScore: 9.7696,
        nextBestScore: 10.9138
      }
    },
    {
      step: "allocated",
      ruleId: "route-cost-cutoff",
      lineId: "1",
      node: "DC-HAMBURG",
      message: "2 × SKU-000208 from DC-HAMBURG, promised 2026-11-28: 461 available to promise after 31 safety stock and 0 held for others; routing score 9.81 per shipment + 0.36 per unit (routing rule route-cost-cutoff)",
      figures: {
        quantity: 2,
        available: 461,
        safetyStock: 31,
        heldForOthers: 0,
        shipmentScore: 9.8105003320522,
        unitScore: 0.36,
        depthTerm: -1.5944444444444446,
        transitDays: 1,
        distanceKm: 255.3
      }
    },
    {
      step: "allocated",
      ruleId: "route-cost-cutoff",
      lineId: "2",
      node: "DC-HAMBURG",
      message: "6 × SKU-000456 from DC-HAMBURG, promised 2026-11-28: 650 available to promise after 53 safety stock and 0 held for others; routing score 9.81 per shipment + 0.36 per unit (routing rule route-cost-cutoff)",
      figures: {
        quantity: 6,
        available: 650,
        safetyStock: 53,
        heldForOthers: 0,
        shipmentScore: 9.8105003320522,
        unitScore: 0.36,
        depthTerm: -1.3264150943396227,
        transitDays: 1,
        distanceKm: 255.3
      }
    },
    {
      step: "split",
      ruleId: "split-two-parcels",
      lineId: null,
      node: null,
      message: "ships in one shipment; up to 2 shipments allowed, 4.5 penalty per extra one, lines not split (rule split-two-parcels)",
      figures: null
    }
  ]
};
