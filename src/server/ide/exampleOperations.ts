import { demoIdentities } from '../../demo';

/**
 * One tab of the IDE. Values are written into the operation, not passed as
 * variables: the bundled GraphiQL opens tabs without their variables.
 */
export interface ExampleOperation {
  readonly query: string;
}

const person = demoIdentities(4);
const sharedTablet = `tablet-${demoIdentities(0).crmId}`;

/**
 * The operations the IDE opens with, one tab each, on people of the demo data
 * set (`npm start` seeds it): an agent's lookup by phone, the two shipped merge
 * policies side by side, a page of events, and the identity graph of a tablet
 * two customers share.
 */
export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    query: `# A support agent looks a caller up by phone number.
query LookupByPhone {
  profile(identity: { namespace: "Phone", id: "${person.phone}" }) {
    person { name { firstName lastName } }
    homeAddress { city country }
    loyalty { tier points }
    _demo { lifetimeValue churnPropensity }
    identities { namespace id primary }
    firstNameFrom: attributeSource(path: "person.name.firstName") { datasetId recordId timestamp }
  }
}`,
  },
  {
    query: `# One person under both shipped merge policies: the newest value wins, or CRM over scores.
query BothPolicies {
  newest: profile(identity: { namespace: "Email", id: "${person.email}" }, mergePolicyId: "default") {
    person { name { firstName } } homeAddress { city }
    fragments { datasetId recordId timestamp }
  }
  crmFirst: profile(identity: { namespace: "Email", id: "${person.email}" }, mergePolicyId: "crm-first") {
    person { name { firstName } } homeAddress { city }
    fragments { datasetId recordId timestamp }
  }
}`,
  },
  {
    query: `# Recent purchases and page views, newest first. For the next page, put pageInfo.endCursor in after: "…".
query Events {
  profile(identity: { namespace: "CRMID", id: "${person.crmId}" }) {
    events(first: 5, after: null) {
      edges { node { timestamp eventType commerce { order { priceTotal currencyCode } } productListItems { name quantity } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`,
  },
  {
    query: `# A tablet two customers share: the graph keeps them apart and says which link it did not follow.
query SharedDevice {
  identityGraph(identity: { namespace: "ECID", id: "${sharedTablet}" }) {
    identities { namespace id primary }
    links { from { namespace id } to { namespace id } datasetId recordId }
    skippedLinks { from { namespace id } to { namespace id } reason }
  }
}`,
  },
];
