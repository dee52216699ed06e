import { graphql } from './gql';

/**
 * The console's GraphQL operations: the only ones it sends, each by its
 * SHA-256 (a persisted document of console/src/gql/persisted-documents.json,
 * which the gateway trusts). `npm run generate` extracts them.
 */

/** What the page needs once, at load: the policies to switch between, and the computed attributes defined. */
export const bootstrapOperation = graphql(`
  query ConsoleBootstrap {
    mergePolicies {
      id
      name
      isDefault
    }
    identityNamespaces {
      code
      priority
    }
    computedAttributes {
      name
      description
    }
  }
`);

/** One event of the timeline. */
export const timelineEventFragment = graphql(`
  fragment TimelineEvent on ExperienceEvent {
    _id
    timestamp
    eventType
    web {
      webPageDetails {
        name
      }
    }
    commerce {
      order {
        priceTotal
        currencyCode
      }
    }
    productListItems {
      name
      quantity
    }
  }
`);

/** Where a merged attribute came from. */
export const attributeSourceFragment = graphql(`
  fragment AttributeSource on ProfileFragment {
    datasetId
    recordId
    timestamp
  }
`);

/**
 * The whole 360 view in one request: header, loyalty, scores and computed
 * attributes, segments, the identity graph, provenance of the merged attributes
 * shown, the first page of the timeline and the latest 100 events for the
 * activity chart. Held under the gateway's default GRAPHQL_MAX_COST (5000):
 * the cost grows with `first`, and 100 chart events keep it near 4,000.
 */
export const profileOperation = graphql(`
  query ConsoleProfile($identity: IdentityInput!, $mergePolicyId: ID, $pageSize: Int!, $eventTypes: [String!]) {
    identityGraph(identity: $identity) {
      identities {
        namespace
        id
        primary
      }
    }
    profile(identity: $identity, mergePolicyId: $mergePolicyId) {
      mergePolicy {
        id
        name
      }
      identities {
        namespace
        id
        primary
      }
      person {
        name {
          firstName
          lastName
        }
      }
      personalEmail {
        address
      }
      mobilePhone {
        number
      }
      homePhone {
        number
      }
      homeAddress {
        city
        country
      }
      loyalty {
        tier
        points
      }
      _demo {
        churnPropensity
        lifetimeValue
      }
      computedAttributes {
        name
        value
      }
      segmentMembership {
        segment {
          id
          name
        }
        status
        lastQualificationTime
      }
      firstNameSource: attributeSource(path: "person.name.firstName") {
        ...AttributeSource
      }
      lastNameSource: attributeSource(path: "person.name.lastName") {
        ...AttributeSource
      }
      emailSource: attributeSource(path: "personalEmail.address") {
        ...AttributeSource
      }
      phoneSource: attributeSource(path: "mobilePhone.number") {
        ...AttributeSource
      }
      citySource: attributeSource(path: "homeAddress.city") {
        ...AttributeSource
      }
      tierSource: attributeSource(path: "loyalty.tier") {
        ...AttributeSource
      }
      pointsSource: attributeSource(path: "loyalty.points") {
        ...AttributeSource
      }
      churnSource: attributeSource(path: "_demo.churnPropensity") {
        ...AttributeSource
      }
      valueSource: attributeSource(path: "_demo.lifetimeValue") {
        ...AttributeSource
      }
      timeline: events(first: $pageSize, eventTypes: $eventTypes) {
        edges {
          cursor
          node {
            ...TimelineEvent
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      activity: events(first: 100) {
        edges {
          node {
            timestamp
            eventType
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

/** The next page of the timeline (or the first one of another event type). */
export const timelineOperation = graphql(`
  query ConsoleTimeline($identity: IdentityInput!, $mergePolicyId: ID, $pageSize: Int!, $after: String, $eventTypes: [String!]) {
    profile(identity: $identity, mergePolicyId: $mergePolicyId) {
      events(first: $pageSize, after: $after, eventTypes: $eventTypes) {
        edges {
          cursor
          node {
            ...TimelineEvent
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
