import type { DecisionDetail, DecisionSummary, ResultPage } from '../api/recent-orders';
import type { SimulationAnswer } from '../api/simulate';

/**
 * Real answers of the seeded service after the OMS sourced ORD-1…ORD-5 (ORD-3 for ecommerce, the rest for vip),
 * trimmed: snapshots and traces shortened. The allocation run is added to show it is never offered as an order.
 */
export const decisionsPage: ResultPage<DecisionSummary> = {
  "items": [
    {
      "decisionId": "dec_01a218f8c0000000000000000000run1",
      "kind": "allocation_run",
      "orderId": null,
      "segment": "vip",
      "ruleSet": {
        "id": "vip-v1",
        "segment": "vip",
        "version": 1
      },
      "arm": null,
      "createdAt": "2026-11-26T17:48:10.000000Z",
      "decideMicros": 9000,
      "totalMicros": 12000
    },
    {
      "decisionId": "dec_01a218f8bfa77833bbc8fc5d456f5896",
      "kind": "source",
      "orderId": "ORD-5",
      "segment": "vip",
      "ruleSet": {
        "id": "vip-v1",
        "segment": "vip",
        "version": 1
      },
      "arm": null,
      "createdAt": "2026-11-26T17:48:04.897247Z",
      "decideMicros": 1174,
      "totalMicros": 8095
    },
    {
      "decisionId": "dec_01a218f87a8a7d8a8e4e42c84b95e24e",
      "kind": "source",
      "orderId": "ORD-4",
      "segment": "vip",
      "ruleSet": {
        "id": "vip-v1",
        "segment": "vip",
        "version": 1
      },
      "arm": null,
      "createdAt": "2026-11-26T17:47:47.202912Z",
      "decideMicros": 5664,
      "totalMicros": 8706
    },
    {
      "decisionId": "dec_01a218f87a567d01b0c210d169336dce",
      "kind": "source",
      "orderId": "ORD-3",
      "segment": "ecommerce",
      "ruleSet": {
        "id": "ecommerce-v1",
        "segment": "ecommerce",
        "version": 1
      },
      "arm": null,
      "createdAt": "2026-11-26T17:47:47.15301Z",
      "decideMicros": 2232,
      "totalMicros": 7376
    },
    {
      "decisionId": "dec_01a218f87a197ed0a59b0f0bbb6cb843",
      "kind": "source",
      "orderId": "ORD-2",
      "segment": "vip",
      "ruleSet": {
        "id": "vip-v1",
        "segment": "vip",
        "version": 1
      },
      "arm": null,
      "createdAt": "2026-11-26T17:47:47.071817Z",
      "decideMicros": 3068,
      "totalMicros": 39578
    },
    {
      "decisionId": "dec_01a218f87869740fa0727f520ec592bd",
      "kind": "source",
      "orderId": "ORD-1",
      "segment": "vip",
      "ruleSet": {
        "id": "vip-v1",
        "segment": "vip",
        "version": 1
      },
      "arm": null,
      "createdAt": "2026-11-26T17:47:46.228061Z",
      "decideMicros": 186470,
      "totalMicros": 768242
    }
  ],
  "page": 1,
  "pageSize": 200,
  "total": 6
};

/** GET /v1/decisions/{decisionId} by id. */
export const decisionDetails: Record<string, DecisionDetail> = {
  "dec_01a218f87869740fa0727f520ec592bd": {
    "decisionId": "dec_01a218f87869740fa0727f520ec592bd",
    "kind": "source",
    "orderId": "ORD-1",
    "createdAt": "2026-11-26T17:47:46.228061Z",
    "ruleSet": {
      "id": "vip-v1",
      "segment": "vip",
      "version": 1
    },
    "arm": null,
    "request": {
      "orderId": "ORD-1",
      "segment": "vip",
      "customer": {
        "id": "C-1",
        "tier": "gold",
        "strategic": false,
        "contractPriority": 0
      },
      "shipTo": {
        "country": "DE",
        "postalCode": "10178",
        "latitude": 52.52,
        "longitude": 13.405
      },
      "lines": [
        {
          "lineId": "1",
          "sku": "SKU-000208",
          "quantity": 2
        }
      ],
      "preOrder": false
    },
    "lines": [
      {
        "lineId": "1",
        "sku": "SKU-000208",
        "requested": 2,
        "allocations": [
          {
            "node": "3PL-LEIPZIG",
            "quantity": 2,
            "promiseDate": "2026-11-27T18:00:00Z",
            "reservationId": "rsv_01a218f878687e459960c30da7428456",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      }
    ],
    "ranking": null,
    "totals": {
      "requested": 2,
      "allocated": 2,
      "substituted": 0,
      "backordered": 0,
      "rejected": 0,
      "shipments": 1,
      "cost": -9.753
    },
    "reservations": [
      {
        "id": "rsv_01a218f878687e459960c30da7428456",
        "decisionId": "dec_01a218f87869740fa0727f520ec592bd",
        "orderId": "ORD-1",
        "lineId": "1",
        "sku": "SKU-000208",
        "node": "3PL-LEIPZIG",
        "quantity": 2,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:47:46.228061Z",
        "expiresAt": "2026-11-26T18:02:46.228061Z",
        "updatedAt": "2026-11-26T17:47:46.228061Z"
      }
    ],
    "expiresAt": "2026-11-26T18:02:46.2280613Z",
    "snapshot": {
      "now": "2026-11-26T17:47:46.2280613Z",
      "segment": {
        "code": "vip",
        "name": "VIP members",
        "freshnessTolerance": "00:01:00",
        "serviceLevel": 0.99
      }
    },
    "trace": [
      {
        "step": "rule_set",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "decided under rule set vip-v1 (version 1) for segment vip",
        "figures": null
      },
      {
        "step": "entitlement",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "vip may take stock held for other segments and safety stock",
        "figures": null
      }
    ],
    "explanation": [
      "decided under rule set vip-v1 (version 1) for segment vip",
      "vip may take stock held for other segments and safety stock",
      "DC-ZURICH and ST-GENEVA-01 excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "ST-HANOVER-01 and ST-STUTTGART-01 excluded: store does not ship orders (no ship_from_store capability)",
      "3PL-LEIPZIG chosen over DS-BERLIN-01: routing score -9.75 against 3.81 (lower is better)",
      "line 1: 2 × SKU-000208 from 3PL-LEIPZIG, promised 2026-11-27 (routing rule route-fastest)",
      "ships in one shipment; up to 3 shipments allowed, 1.5 penalty per extra one (rule split-up-to-three)"
    ],
    "timings": {
      "decideMicros": 186470,
      "totalMicros": 768242
    }
  },
  "dec_01a218f87a197ed0a59b0f0bbb6cb843": {
    "decisionId": "dec_01a218f87a197ed0a59b0f0bbb6cb843",
    "kind": "source",
    "orderId": "ORD-2",
    "createdAt": "2026-11-26T17:47:47.071817Z",
    "ruleSet": {
      "id": "vip-v1",
      "segment": "vip",
      "version": 1
    },
    "arm": null,
    "request": {
      "orderId": "ORD-2",
      "segment": "vip",
      "customer": {
        "id": "C-2",
        "tier": "platinum",
        "strategic": false,
        "contractPriority": 0
      },
      "shipTo": {
        "country": "DE",
        "postalCode": "80331",
        "latitude": 48.1374,
        "longitude": 11.5755
      },
      "lines": [
        {
          "lineId": "1",
          "sku": "SKU-000208",
          "quantity": 3
        },
        {
          "lineId": "2",
          "sku": "SKU-000456",
          "quantity": 6
        }
      ],
      "requestedDate": "2026-12-10T12:00:00Z",
      "preOrder": false
    },
    "lines": [
      {
        "lineId": "1",
        "sku": "SKU-000208",
        "requested": 3,
        "allocations": [
          {
            "node": "3PL-LEIPZIG",
            "quantity": 3,
            "promiseDate": "2026-11-27T18:00:00Z",
            "reservationId": "rsv_01a218f87a197b7686888854bef02c51",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      },
      {
        "lineId": "2",
        "sku": "SKU-000456",
        "requested": 6,
        "allocations": [
          {
            "node": "DC-FRANKFURT",
            "quantity": 6,
            "promiseDate": "2026-11-28T15:00:00Z",
            "reservationId": "rsv_01a218f87a19797ea5cacaffb7b3b3dc",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      }
    ],
    "ranking": null,
    "totals": {
      "requested": 9,
      "allocated": 9,
      "substituted": 0,
      "backordered": 0,
      "rejected": 0,
      "shipments": 2,
      "cost": -1.0044
    },
    "reservations": [
      {
        "id": "rsv_01a218f87a19797ea5cacaffb7b3b3dc",
        "decisionId": "dec_01a218f87a197ed0a59b0f0bbb6cb843",
        "orderId": "ORD-2",
        "lineId": "2",
        "sku": "SKU-000456",
        "node": "DC-FRANKFURT",
        "quantity": 6,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:47:47.071817Z",
        "expiresAt": "2026-11-26T18:02:47.071817Z",
        "updatedAt": "2026-11-26T17:47:47.071817Z"
      },
      {
        "id": "rsv_01a218f87a197b7686888854bef02c51",
        "decisionId": "dec_01a218f87a197ed0a59b0f0bbb6cb843",
        "orderId": "ORD-2",
        "lineId": "1",
        "sku": "SKU-000208",
        "node": "3PL-LEIPZIG",
        "quantity": 3,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:47:47.071817Z",
        "expiresAt": "2026-11-26T18:02:47.071817Z",
        "updatedAt": "2026-11-26T17:47:47.071817Z"
      }
    ],
    "expiresAt": "2026-11-26T18:02:47.0718174Z",
    "snapshot": {
      "now": "2026-11-26T17:47:47.0718174Z",
      "segment": {
        "code": "vip",
        "name": "VIP members",
        "freshnessTolerance": "00:01:00",
        "serviceLevel": 0.99
      }
    },
    "trace": [
      {
        "step": "rule_set",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "decided under rule set vip-v1 (version 1) for segment vip",
        "figures": null
      },
      {
        "step": "entitlement",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "vip may take stock held for other segments and safety stock",
        "figures": null
      }
    ],
    "explanation": [
      "decided under rule set vip-v1 (version 1) for segment vip",
      "vip may take stock held for other segments and safety stock",
      "DC-ZURICH, ST-GENEVA-01 and ST-BASEL-01 excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "ST-HANOVER-01 and ST-MUNICH-02 excluded: store does not ship orders (no ship_from_store capability)",
      "ST-STUTTGART-01 excluded for line 1: store does not ship orders (no ship_from_store capability)",
      "ST-STUTTGART-01 excluded for line 2: SKU-000456 is quarantined here pending an anomaly review",
      "3PL-LEIPZIG + DC-FRANKFURT chosen over DS-BERLIN-01 + 3PL-LEIPZIG: routing score -1 against 1.12 (lower is better)",
      "line 1: 3 × SKU-000208 from 3PL-LEIPZIG, promised 2026-11-27 (routing rule route-fastest)",
      "line 2: 6 × SKU-000456 from DC-FRANKFURT, promised 2026-11-28 (routing rule route-fastest)",
      "ships in 2 shipments; up to 3 shipments allowed, 1.5 penalty per extra one (rule split-up-to-three)"
    ],
    "timings": {
      "decideMicros": 3068,
      "totalMicros": 39578
    }
  },
  "dec_01a218f87a567d01b0c210d169336dce": {
    "decisionId": "dec_01a218f87a567d01b0c210d169336dce",
    "kind": "source",
    "orderId": "ORD-3",
    "createdAt": "2026-11-26T17:47:47.15301Z",
    "ruleSet": {
      "id": "ecommerce-v1",
      "segment": "ecommerce",
      "version": 1
    },
    "arm": null,
    "request": {
      "orderId": "ORD-3",
      "segment": "ecommerce",
      "customer": {
        "id": "C-3",
        "tier": "silver",
        "strategic": false,
        "contractPriority": 0
      },
      "shipTo": {
        "country": "DE",
        "postalCode": "20095",
        "latitude": 53.5511,
        "longitude": 9.9937
      },
      "lines": [
        {
          "lineId": "1",
          "sku": "SKU-000208",
          "quantity": 1
        }
      ],
      "preOrder": false
    },
    "lines": [
      {
        "lineId": "1",
        "sku": "SKU-000208",
        "requested": 1,
        "allocations": [
          {
            "node": "3PL-LEIPZIG",
            "quantity": 1,
            "promiseDate": "2026-11-27T18:00:00Z",
            "reservationId": "rsv_01a218f87a567eb2ab21bc82a4b50480",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      }
    ],
    "ranking": null,
    "totals": {
      "requested": 1,
      "allocated": 1,
      "substituted": 0,
      "backordered": 0,
      "rejected": 0,
      "shipments": 1,
      "cost": 1.4463
    },
    "reservations": [
      {
        "id": "rsv_01a218f87a567eb2ab21bc82a4b50480",
        "decisionId": "dec_01a218f87a567d01b0c210d169336dce",
        "orderId": "ORD-3",
        "lineId": "1",
        "sku": "SKU-000208",
        "node": "3PL-LEIPZIG",
        "quantity": 1,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:47:47.15301Z",
        "expiresAt": "2026-11-26T18:02:47.15301Z",
        "updatedAt": "2026-11-26T17:47:47.15301Z"
      }
    ],
    "expiresAt": "2026-11-26T18:02:47.1530101Z",
    "snapshot": {
      "now": "2026-11-26T17:47:47.1530101Z",
      "segment": {
        "code": "ecommerce",
        "name": "E-commerce home delivery",
        "freshnessTolerance": "00:05:00",
        "serviceLevel": 0.97
      }
    },
    "trace": [
      {
        "step": "rule_set",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "decided under rule set ecommerce-v1 (version 1) for segment ecommerce",
        "figures": null
      },
      {
        "step": "excluded",
        "ruleId": "ne-domestic",
        "lineId": "1",
        "node": "DC-ZURICH",
        "message": "DC-ZURICH excluded: not in the ship-to country",
        "figures": null
      }
    ],
    "explanation": [
      "decided under rule set ecommerce-v1 (version 1) for segment ecommerce",
      "DC-ZURICH and ST-GENEVA-01 excluded: not in the ship-to country",
      "ST-HANOVER-01 and ST-STUTTGART-01 excluded: store does not ship online orders",
      "3PL-LEIPZIG chosen over DS-BERLIN-01: routing score 1.45 against 4.47 (lower is better)",
      "line 1: 1 × SKU-000208 from 3PL-LEIPZIG, promised 2026-11-27 (routing rule route-cost-cutoff)",
      "ships in one shipment; up to 2 shipments allowed, 4.5 penalty per extra one, lines not split (rule split-two-parcels)"
    ],
    "timings": {
      "decideMicros": 2232,
      "totalMicros": 7376
    }
  },
  "dec_01a218f87a8a7d8a8e4e42c84b95e24e": {
    "decisionId": "dec_01a218f87a8a7d8a8e4e42c84b95e24e",
    "kind": "source",
    "orderId": "ORD-4",
    "createdAt": "2026-11-26T17:47:47.202912Z",
    "ruleSet": {
      "id": "vip-v1",
      "segment": "vip",
      "version": 1
    },
    "arm": null,
    "request": {
      "orderId": "ORD-4",
      "segment": "vip",
      "customer": {
        "id": "anonymous",
        "tier": "standard",
        "strategic": false,
        "contractPriority": 0
      },
      "shipTo": {
        "country": "CH",
        "postalCode": "8001"
      },
      "lines": [
        {
          "lineId": "A",
          "sku": "SKU-000456",
          "quantity": 1
        }
      ],
      "preOrder": false
    },
    "lines": [
      {
        "lineId": "A",
        "sku": "SKU-000456",
        "requested": 1,
        "allocations": [
          {
            "node": "DC-ZURICH",
            "quantity": 1,
            "promiseDate": "2026-11-28T15:00:00Z",
            "reservationId": "rsv_01a218f87a8a77a0bf461753e386e5db",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      }
    ],
    "ranking": null,
    "totals": {
      "requested": 1,
      "allocated": 1,
      "substituted": 0,
      "backordered": 0,
      "rejected": 0,
      "shipments": 1,
      "cost": 12.7925
    },
    "reservations": [
      {
        "id": "rsv_01a218f87a8a77a0bf461753e386e5db",
        "decisionId": "dec_01a218f87a8a7d8a8e4e42c84b95e24e",
        "orderId": "ORD-4",
        "lineId": "A",
        "sku": "SKU-000456",
        "node": "DC-ZURICH",
        "quantity": 1,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:47:47.202912Z",
        "expiresAt": "2026-11-26T18:02:47.202912Z",
        "updatedAt": "2026-11-26T17:47:47.202912Z"
      }
    ],
    "expiresAt": "2026-11-26T18:02:47.2029126Z",
    "snapshot": {
      "now": "2026-11-26T17:47:47.2029126Z",
      "segment": {
        "code": "vip",
        "name": "VIP members",
        "freshnessTolerance": "00:01:00",
        "serviceLevel": 0.99
      }
    },
    "trace": [
      {
        "step": "rule_set",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "decided under rule set vip-v1 (version 1) for segment vip",
        "figures": null
      },
      {
        "step": "excluded",
        "ruleId": "ne-vip-domestic",
        "lineId": "A",
        "node": "DC-FRANKFURT",
        "message": "DC-FRANKFURT excluded: not in the ship-to country (VIP parcels do not cross customs)",
        "figures": null
      }
    ],
    "explanation": [
      "decided under rule set vip-v1 (version 1) for segment vip",
      "DC-FRANKFURT, DC-HAMBURG, DS-BERLIN-01, ST-BERLIN-01, ST-HAMBURG-01, ST-LEIPZIG-01 and ST-MUNICH-02 excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "ST-BASEL-01 excluded: store does not ship orders (no ship_from_store capability)",
      "ST-STUTTGART-01 excluded: SKU-000456 is quarantined here pending an anomaly review",
      "vip may take stock held for other segments and safety stock",
      "DC-ZURICH chosen: the only plan that fills anything",
      "line A: 1 × SKU-000456 from DC-ZURICH, promised 2026-11-28 (routing rule route-fastest)",
      "ships in one shipment; up to 3 shipments allowed, 1.5 penalty per extra one (rule split-up-to-three)"
    ],
    "timings": {
      "decideMicros": 5664,
      "totalMicros": 8706
    }
  },
  "dec_01a218f8bfa77833bbc8fc5d456f5896": {
    "decisionId": "dec_01a218f8bfa77833bbc8fc5d456f5896",
    "kind": "source",
    "orderId": "ORD-5",
    "createdAt": "2026-11-26T17:48:04.897247Z",
    "ruleSet": {
      "id": "vip-v1",
      "segment": "vip",
      "version": 1
    },
    "arm": null,
    "request": {
      "orderId": "ORD-5",
      "segment": "vip",
      "customer": {
        "id": "C-5",
        "tier": "standard",
        "strategic": true,
        "contractPriority": 3
      },
      "shipTo": {
        "country": "DE",
        "postalCode": "60311"
      },
      "lines": [
        {
          "lineId": "1",
          "sku": "SKU-000208",
          "quantity": 12
        },
        {
          "lineId": "2",
          "sku": "SKU-000456",
          "quantity": 500
        }
      ],
      "requestedDate": "2026-12-10T22:30:00Z",
      "preOrder": true
    },
    "lines": [
      {
        "lineId": "1",
        "sku": "SKU-000208",
        "requested": 12,
        "allocations": [
          {
            "node": "3PL-LEIPZIG",
            "quantity": 12,
            "promiseDate": "2026-11-27T18:00:00Z",
            "reservationId": "rsv_01a218f8bfa77db0ae89415b68daf9ea",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      },
      {
        "lineId": "2",
        "sku": "SKU-000456",
        "requested": 500,
        "allocations": [
          {
            "node": "DC-HAMBURG",
            "quantity": 500,
            "promiseDate": "2026-11-28T15:00:00Z",
            "reservationId": "rsv_01a218f8bfa77d0fb2aaf98322a794b6",
            "reservationStatus": "soft"
          }
        ],
        "backordered": 0,
        "rejected": 0,
        "backorderPromiseDate": null,
        "substitutions": []
      }
    ],
    "ranking": null,
    "totals": {
      "requested": 512,
      "allocated": 512,
      "substituted": 0,
      "backordered": 0,
      "rejected": 0,
      "shipments": 2,
      "cost": 27.9922
    },
    "reservations": [
      {
        "id": "rsv_01a218f8bfa77d0fb2aaf98322a794b6",
        "decisionId": "dec_01a218f8bfa77833bbc8fc5d456f5896",
        "orderId": "ORD-5",
        "lineId": "2",
        "sku": "SKU-000456",
        "node": "DC-HAMBURG",
        "quantity": 500,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:48:04.897247Z",
        "expiresAt": "2026-11-26T18:03:04.897247Z",
        "updatedAt": "2026-11-26T17:48:04.897247Z"
      },
      {
        "id": "rsv_01a218f8bfa77db0ae89415b68daf9ea",
        "decisionId": "dec_01a218f8bfa77833bbc8fc5d456f5896",
        "orderId": "ORD-5",
        "lineId": "1",
        "sku": "SKU-000208",
        "node": "3PL-LEIPZIG",
        "quantity": 12,
        "shipped": 0,
        "status": "soft",
        "createdAt": "2026-11-26T17:48:04.897247Z",
        "expiresAt": "2026-11-26T18:03:04.897247Z",
        "updatedAt": "2026-11-26T17:48:04.897247Z"
      }
    ],
    "expiresAt": "2026-11-26T18:03:04.8972476Z",
    "snapshot": {
      "now": "2026-11-26T17:48:04.8972476Z",
      "segment": {
        "code": "vip",
        "name": "VIP members",
        "freshnessTolerance": "00:01:00",
        "serviceLevel": 0.99
      }
    },
    "trace": [
      {
        "step": "rule_set",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "decided under rule set vip-v1 (version 1) for segment vip",
        "figures": null
      },
      {
        "step": "entitlement",
        "ruleId": null,
        "lineId": null,
        "node": null,
        "message": "vip may take stock held for other segments and safety stock",
        "figures": null
      }
    ],
    "explanation": [
      "decided under rule set vip-v1 (version 1) for segment vip",
      "vip may take stock held for other segments and safety stock",
      "DC-ZURICH, ST-GENEVA-01 and ST-BASEL-01 excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "ST-HANOVER-01 and ST-MUNICH-02 excluded: store does not ship orders (no ship_from_store capability)",
      "ST-STUTTGART-01 excluded for line 1: store does not ship orders (no ship_from_store capability)",
      "ST-STUTTGART-01 excluded for line 2: SKU-000456 is quarantined here pending an anomaly review",
      "3PL-LEIPZIG + DC-HAMBURG chosen over DC-HAMBURG: routing score 27.99 against 28.06 (lower is better)",
      "line 1: 12 × SKU-000208 from 3PL-LEIPZIG, promised 2026-11-27 (routing rule route-fastest)",
      "line 2: 500 × SKU-000456 from DC-HAMBURG, promised 2026-11-28 (routing rule route-fastest)",
      "ships in 2 shipments; up to 3 shipments allowed, 1.5 penalty per extra one (rule split-up-to-three)"
    ],
    "timings": {
      "decideMicros": 1174,
      "totalMicros": 8095
    }
  }
};

/** ORD-2's decision id: platinum, Munich, 3 × SKU-000208 and 6 × SKU-000456, shipped from 3PL-LEIPZIG and DC-FRANKFURT. */
export const ord2 = 'dec_01a218f87a197ed0a59b0f0bbb6cb843';

/** POST /v1/rulesets/vip-v1/simulate with ORD-2's stored request, minutes later: both lines from DC-FRANKFURT now. */
export const ord2Now: SimulationAnswer = {
  "ruleSet": {
    "id": "vip-v1",
    "segment": "vip",
    "version": 1,
    "status": "published"
  },
  "lines": [
    {
      "lineId": "1",
      "sku": "SKU-000208",
      "requested": 3,
      "allocations": [
        {
          "sku": "SKU-000208",
          "node": "DC-FRANKFURT",
          "quantity": 3,
          "promiseDate": "2026-11-28T15:00:00Z",
          "floor": 0
        }
      ],
      "backordered": 0,
      "rejected": 0,
      "substitutions": []
    },
    {
      "lineId": "2",
      "sku": "SKU-000456",
      "requested": 6,
      "allocations": [
        {
          "sku": "SKU-000456",
          "node": "DC-FRANKFURT",
          "quantity": 6,
          "promiseDate": "2026-11-28T15:00:00Z",
          "floor": 0
        }
      ],
      "backordered": 0,
      "rejected": 0,
      "substitutions": []
    }
  ],
  "totals": {
    "requested": 9,
    "allocated": 9,
    "substituted": 0,
    "backordered": 0,
    "rejected": 0,
    "shipments": 1,
    "cost": 1.6376
  },
  "explanation": [
    "decided under rule set vip-v1 (version 1) for segment vip",
    "vip may take stock held for other segments and safety stock",
    "DC-ZURICH, ST-GENEVA-01 and ST-BASEL-01 excluded: not in the ship-to country (VIP parcels do not cross customs)",
    "ST-HANOVER-01 and ST-MUNICH-02 excluded: store does not ship orders (no ship_from_store capability)",
    "ST-STUTTGART-01 excluded for line 1: store does not ship orders (no ship_from_store capability)",
    "ST-STUTTGART-01 excluded for line 2: SKU-000456 is quarantined here pending an anomaly review",
    "DC-FRANKFURT chosen over DS-BERLIN-01: routing score 1.64 against 8.08 (lower is better)",
    "line 1: 3 × SKU-000208 from DC-FRANKFURT, promised 2026-11-28 (routing rule route-fastest)",
    "line 2: 6 × SKU-000456 from DC-FRANKFURT, promised 2026-11-28 (routing rule route-fastest)",
    "ships in one shipment; up to 3 shipments allowed, 1.5 penalty per extra one (rule split-up-to-three)"
  ],
  "trace": [
    {
      "step": "rule_set",
      "ruleId": null,
      "lineId": null,
      "node": null,
      "message": "decided under rule set vip-v1 (version 1) for segment vip",
      "figures": null
    },
    {
      "step": "entitlement",
      "ruleId": null,
      "lineId": null,
      "node": null,
      "message": "vip may take stock held for other segments and safety stock",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": "ne-vip-domestic",
      "lineId": "1",
      "node": "DC-ZURICH",
      "message": "DC-ZURICH excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": "ne-vip-domestic",
      "lineId": "1",
      "node": "ST-GENEVA-01",
      "message": "ST-GENEVA-01 excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": null,
      "lineId": "1",
      "node": "ST-HANOVER-01",
      "message": "ST-HANOVER-01 excluded: store does not ship orders (no ship_from_store capability)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": null,
      "lineId": "1",
      "node": "ST-STUTTGART-01",
      "message": "ST-STUTTGART-01 excluded: store does not ship orders (no ship_from_store capability)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": "ne-vip-domestic",
      "lineId": "2",
      "node": "DC-ZURICH",
      "message": "DC-ZURICH excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": "ne-vip-domestic",
      "lineId": "2",
      "node": "ST-BASEL-01",
      "message": "ST-BASEL-01 excluded: not in the ship-to country (VIP parcels do not cross customs)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": null,
      "lineId": "2",
      "node": "ST-MUNICH-02",
      "message": "ST-MUNICH-02 excluded: store does not ship orders (no ship_from_store capability)",
      "figures": null
    },
    {
      "step": "excluded",
      "ruleId": null,
      "lineId": "2",
      "node": "ST-STUTTGART-01",
      "message": "ST-STUTTGART-01 excluded: SKU-000456 is quarantined here pending an anomaly review",
      "figures": null
    },
    {
      "step": "candidates",
      "ruleId": null,
      "lineId": null,
      "node": null,
      "message": "57 node combinations compared; the chosen plan fills 9 of 9 units at routing score 1.64 (lower is better)",
      "figures": {
        "combinations": 57,
        "filled": 9,
        "routingScore": 1.6376249285873232
      }
    },
    {
      "step": "choice",
      "ruleId": null,
      "lineId": null,
      "node": null,
      "message": "DC-FRANKFURT chosen over DS-BERLIN-01: routing score 1.64 against 8.08 (lower is better)",
      "figures": {
        "routingScore": 1.6376,
        "nextBestScore": 8.0821
      }
    },
    {
      "step": "allocated",
      "ruleId": "route-fastest",
      "lineId": "1",
      "node": "DC-FRANKFURT",
      "message": "3 × SKU-000208 from DC-FRANKFURT, promised 2026-11-28: 371 available to promise after 0 safety stock and 0 held for others; routing score 15.08 per shipment + 0.06 per unit (routing rule route-fastest)",
      "figures": {
        "quantity": 3,
        "available": 371,
        "safetyStock": 0,
        "heldForOthers": 0,
        "shipmentScore": 15.084169921682534,
        "unitScore": 0.06,
        "depthTerm": -5.670305676855895,
        "transitDays": 1,
        "distanceKm": 304.1
      }
    },
    {
      "step": "allocated",
      "ruleId": "route-fastest",
      "lineId": "2",
      "node": "DC-FRANKFURT",
      "message": "6 × SKU-000456 from DC-FRANKFURT, promised 2026-11-28: 278 available to promise after 0 safety stock and 0 held for others; routing score 15.08 per shipment + 0.06 per unit (routing rule route-fastest)",
      "figures": {
        "quantity": 6,
        "available": 278,
        "safetyStock": 0,
        "heldForOthers": 0,
        "shipmentScore": 15.084169921682534,
        "unitScore": 0.06,
        "depthTerm": -8.316239316239315,
        "transitDays": 1,
        "distanceKm": 304.1
      }
    },
    {
      "step": "split",
      "ruleId": "split-up-to-three",
      "lineId": null,
      "node": null,
      "message": "ships in one shipment; up to 3 shipments allowed, 1.5 penalty per extra one (rule split-up-to-three)",
      "figures": null
    }
  ]
};
