/**
 * A deterministic synthetic data set for the demo datasets (`crm`, `scores`,
 * `web`, `marketing`): the same seed and size give the same records, byte for byte.
 *
 * What it exercises: identities that overlap across datasets (CRM records by
 * CRMID + Email + Phone, scores by Email, web events by ECID, logins linking
 * a device to an Email), conflicting values with different timestamps (one
 * profile in five has a newer second CRM record with another first name and
 * city), shared devices (one profile in fifty shares a tablet with the next
 * profile, so two CRMIDs meet on one ECID), and events over the last 90 days:
 * web and commerce events, and marketing events (email sends to the person's
 * email, some opened, and ad impressions on the person's devices).
 */
export interface DemoOptions {
  /** Number of people: persons `first` … `profiles - 1` are generated. */
  readonly profiles: number;
  /** Index of the first person generated, to generate a large set in parts. @default 0 */
  readonly first?: number;
  /** @default 42 */
  readonly seed?: number;
  /** Events are spread over the 90 days before this instant. @default 2026-11-01T00:00:00Z */
  readonly now?: Date;
}

/** One generated record and the dataset it belongs to. */
export interface DemoRecord {
  readonly datasetId: 'crm' | 'scores' | 'web' | 'marketing';
  readonly record: { readonly [key: string]: unknown };
}

const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Diogo', 'Eva', 'Filipe', 'Gabriela', 'Hugo', 'Inês', 'João', 'Karin', 'Luís', 'Marta', 'Nuno', 'Olga', 'Pedro'];
const LAST_NAMES = ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Jesus', 'Sousa', 'Fernandes', 'Gonçalves'];
const CITIES: readonly [string, string, string][] = [
  ['Lisbon', 'Portugal', 'PT'],
  ['Porto', 'Portugal', 'PT'],
  ['Madrid', 'Spain', 'ES'],
  ['Paris', 'France', 'FR'],
  ['Berlin', 'Germany', 'DE'],
  ['Dublin', 'Ireland', 'IE'],
];
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];
const PRODUCTS: readonly [string, string, number][] = [
  ['SKU-1001', 'Trail running shoes', 129.9],
  ['SKU-1002', 'Rain jacket', 89.5],
  ['SKU-1003', 'Merino socks', 14.99],
  ['SKU-1004', 'Headlamp', 39],
  ['SKU-1005', 'Water bottle', 19.5],
  ['SKU-1006', 'Backpack 30 l', 110],
];
const DAY = 86_400_000;

/** The identities of demo person `index` (0-based), for looking people up. */
export function demoIdentities(index: number): { crmId: string; email: string; phone: string; ecid: string } {
  const number = String(index + 1).padStart(6, '0');
  return { crmId: `C-${number}`, email: `person${number}@example.com`, phone: `+3519${number}`, ecid: `ecid-${number}` };
}

/** The records of the demo data set, person by person (CRM, then scores, then events). */
export function* generateDemoRecords(options: DemoOptions): Generator<DemoRecord> {
  const now = (options.now ?? new Date('2026-11-01T00:00:00Z')).getTime();
  for (let index = options.first ?? 0; index < options.profiles; index += 1) {
    // One generator per person: a person's records do not depend on how many people come before.
    const random = mulberry32((options.seed ?? 42) * 1_000_003 + index);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const ids = demoIdentities(index);
    const [city, country, countryCode] = pick(CITIES);
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const updated = new Date(now - Math.floor(random() * 365) * DAY).toISOString();

    yield {
      datasetId: 'crm',
      record: {
        _id: `crm-${ids.crmId}`,
        identityMap: { CRMID: [{ id: ids.crmId, primary: true }], Email: [{ id: ids.email }], Phone: [{ id: ids.phone }] },
        person: { name: { firstName, lastName }, birthDate: `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` },
        personalEmail: { address: ids.email },
        mobilePhone: { number: ids.phone },
        homeAddress: { city, country, countryCode },
        loyalty: { tier: pick(TIERS), points: Math.floor(random() * 5000), joinDate: new Date(now - Math.floor(random() * 2000) * DAY).toISOString() },
        extSourceSystemAudit: { lastUpdatedDate: updated },
      },
    };
    if (index % 5 === 4) {
      // A newer record from another system, disagreeing on the first name and the city.
      const [newCity, newCountry, newCode] = pick(CITIES);
      yield {
        datasetId: 'crm',
        record: {
          _id: `crm-update-${ids.crmId}`,
          identityMap: { Email: [{ id: ids.email, primary: true }] },
          person: { name: { firstName: FIRST_NAMES[(FIRST_NAMES.indexOf(firstName) + 1 + Math.floor(random() * 3)) % FIRST_NAMES.length] } },
          homeAddress: { city: newCity, country: newCountry, countryCode: newCode },
          extSourceSystemAudit: { lastUpdatedDate: new Date(Date.parse(updated) + DAY).toISOString() },
        },
      };
    }
    yield {
      datasetId: 'scores',
      record: {
        _id: `score-${ids.crmId}`,
        identityMap: { Email: [{ id: ids.email, primary: true }] },
        _demo: { churnPropensity: Math.round(random() * 1000) / 1000, lifetimeValue: Math.round(random() * 2_000_000) / 100 },
        extSourceSystemAudit: { lastUpdatedDate: new Date(now - Math.floor(random() * 30) * DAY).toISOString() },
      },
    };
    const devices = [ids.ecid];
    if (index % 50 === 0 && index + 1 < options.profiles) devices.push(`tablet-${demoIdentities(index).crmId}`);
    if (index % 50 === 1) devices.push(`tablet-${demoIdentities(index - 1).crmId}`);
    yield* events(index, ids.email, devices, now, random, pick);
    // After every other record of the person, so adding them changed none of those.
    yield* marketingEvents(index, ids.email, devices, now, random, pick);
  }
}

const CAMPAIGNS = ['autumn-trail', 'rain-ready', 'winter-sale', 'new-arrivals', 'loyalty-bonus', 'black-friday'];

/**
 * Marketing events of one person over the last 90 days: up to 3 campaign
 * emails sent to the person's email (about a third of them opened, up to two
 * days later) and up to 2 ad impressions on the person's devices.
 */
function* marketingEvents(
  index: number,
  email: string,
  devices: readonly string[],
  now: number,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): Generator<DemoRecord> {
  const sends = Math.floor(random() * 4);
  for (let send = 0; send < sends; send += 1) {
    const campaign = pick(CAMPAIGNS);
    const sentAt = now - Math.floor(random() * 90 * DAY);
    const messageID = `msg-${campaign}-${index + 1}-${send}`;
    const identityMap = { Email: [{ id: email, primary: true }] };
    yield {
      datasetId: 'marketing',
      record: { _id: `mkt-${index + 1}-send-${send}`, timestamp: new Date(sentAt).toISOString(), eventType: 'directMarketing.emailSent', identityMap, directMarketing: { sends: { value: 1 }, messageID } },
    };
    if (random() < 0.35) {
      const openedAt = Math.min(now - 1, sentAt + Math.floor(random() * 48) * 3_600_000);
      yield {
        datasetId: 'marketing',
        record: { _id: `mkt-${index + 1}-open-${send}`, timestamp: new Date(openedAt).toISOString(), eventType: 'directMarketing.emailOpened', identityMap, directMarketing: { opens: { value: 1 }, messageID } },
      };
    }
  }
  const impressions = Math.floor(random() * 3);
  for (let impression = 0; impression < impressions; impression += 1) {
    yield {
      datasetId: 'marketing',
      record: {
        _id: `mkt-${index + 1}-ad-${impression}`,
        timestamp: new Date(now - Math.floor(random() * 90 * DAY)).toISOString(),
        eventType: 'advertising.impressions',
        identityMap: { ECID: [{ id: pick(devices), primary: true }] },
        advertising: { impressions: { value: 1 } },
      },
    };
  }
}

function* events(
  index: number,
  email: string,
  devices: readonly string[],
  now: number,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): Generator<DemoRecord> {
  const count = Math.floor(random() * 12);
  for (let event = 0; event < count; event += 1) {
    const device = pick(devices);
    const timestamp = new Date(now - Math.floor(random() * 90 * DAY)).toISOString();
    const base = { _id: `evt-${index + 1}-${event}`, timestamp };
    const kind = random();
    // A login carries the device and the email: it is what links a cookie to a person.
    const identityMap = kind < 0.2 ? { ECID: [{ id: device, primary: true }], Email: [{ id: email }] } : { ECID: [{ id: device, primary: true }] };
    if (kind < 0.55) {
      yield { datasetId: 'web', record: { ...base, identityMap, eventType: 'web.webpagedetails.pageViews', web: { webPageDetails: { name: pick(['home', 'shoes', 'jackets', 'sale']), pageViews: { value: 1 } } } } };
    } else if (kind < 0.85) {
      const [sku, name, price] = pick(PRODUCTS);
      yield { datasetId: 'web', record: { ...base, identityMap, eventType: 'commerce.productViews', commerce: { productViews: { value: 1 } }, productListItems: [{ SKU: sku, name, priceTotal: price, quantity: 1 }] } };
    } else {
      const [sku, name, price] = pick(PRODUCTS);
      const quantity = 1 + Math.floor(random() * 3);
      const total = Math.round(price * quantity * 100) / 100;
      yield {
        datasetId: 'web',
        record: {
          ...base,
          identityMap,
          eventType: 'commerce.purchases',
          commerce: { purchases: { value: 1 }, order: { purchaseID: `order-${index + 1}-${event}`, priceTotal: total, currencyCode: 'EUR' } },
          productListItems: [{ SKU: sku, name, priceTotal: total, quantity }],
        },
      };
    }
  }
}

/** A small, fast, seeded PRNG (public domain): the same seed gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
