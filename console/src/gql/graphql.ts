/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Looks up one identity: a namespace code (Email, Phone, ECID, CRMID, LoyaltyId, …) and the id in it. */
export type IdentityInput = {
  id: string;
  namespace: string;
};

export type MembershipStatus = 'EXITED' | 'REALIZED';

export type ConsoleBootstrapQueryVariables = Exact<{ [key: string]: never }>;

export type ConsoleBootstrapQuery = {
  mergePolicies: Array<{ id: string; name: string; isDefault: boolean }>;
  identityNamespaces: Array<{ code: string; priority: number }>;
  computedAttributes: Array<{ name: string; description: string | null }>;
};

export type TimelineEventFragment = {
  _id: string | null;
  timestamp: string | null;
  eventType: string | null;
  web: { webPageDetails: { name: string | null } | null } | null;
  commerce: { order: { priceTotal: number | null; currencyCode: string | null } | null } | null;
  productListItems: Array<{ name: string | null; quantity: number | null }> | null;
};

export type AttributeSourceFragment = { datasetId: string; recordId: string; timestamp: string };

export type ConsoleProfileQueryVariables = Exact<{
  identity: IdentityInput;
  mergePolicyId?: string | number | null | undefined;
  pageSize: number;
  eventTypes?: Array<string> | string | null | undefined;
}>;

export type ConsoleProfileQuery = {
  identityGraph: { identities: Array<{ namespace: string; id: string; primary: boolean }> } | null;
  profile: {
    mergePolicy: { id: string; name: string };
    identities: Array<{ namespace: string; id: string; primary: boolean }>;
    person: { name: { firstName: string | null; lastName: string | null } | null } | null;
    personalEmail: { address: string | null } | null;
    mobilePhone: { number: string | null } | null;
    homePhone: { number: string | null } | null;
    homeAddress: { city: string | null; country: string | null } | null;
    loyalty: { tier: string | null; points: number | null } | null;
    _demo: { churnPropensity: number | null; lifetimeValue: number | null } | null;
    computedAttributes: Array<{ name: string; value: unknown }>;
    segmentMembership: Array<{ status: MembershipStatus; lastQualificationTime: string; segment: { id: string; name: string } }>;
    firstNameSource: { datasetId: string; recordId: string; timestamp: string } | null;
    lastNameSource: { datasetId: string; recordId: string; timestamp: string } | null;
    emailSource: { datasetId: string; recordId: string; timestamp: string } | null;
    phoneSource: { datasetId: string; recordId: string; timestamp: string } | null;
    citySource: { datasetId: string; recordId: string; timestamp: string } | null;
    tierSource: { datasetId: string; recordId: string; timestamp: string } | null;
    pointsSource: { datasetId: string; recordId: string; timestamp: string } | null;
    churnSource: { datasetId: string; recordId: string; timestamp: string } | null;
    valueSource: { datasetId: string; recordId: string; timestamp: string } | null;
    timeline: {
      edges: Array<{
        cursor: string;
        node: {
          _id: string | null;
          timestamp: string | null;
          eventType: string | null;
          web: { webPageDetails: { name: string | null } | null } | null;
          commerce: { order: { priceTotal: number | null; currencyCode: string | null } | null } | null;
          productListItems: Array<{ name: string | null; quantity: number | null }> | null;
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    activity: { edges: Array<{ node: { timestamp: string | null; eventType: string | null } }>; pageInfo: { hasNextPage: boolean } };
  } | null;
};

export type ConsoleTimelineQueryVariables = Exact<{
  identity: IdentityInput;
  mergePolicyId?: string | number | null | undefined;
  pageSize: number;
  after?: string | null | undefined;
  eventTypes?: Array<string> | string | null | undefined;
}>;

export type ConsoleTimelineQuery = {
  profile: {
    events: {
      edges: Array<{
        cursor: string;
        node: {
          _id: string | null;
          timestamp: string | null;
          eventType: string | null;
          web: { webPageDetails: { name: string | null } | null } | null;
          commerce: { order: { priceTotal: number | null; currencyCode: string | null } | null } | null;
          productListItems: Array<{ name: string | null; quantity: number | null }> | null;
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

export const TimelineEventFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TimelineEvent' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ExperienceEvent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '_id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'web' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'webPageDetails' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }] },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'commerce' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'order' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'priceTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'currencyCode' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'productListItems' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TimelineEventFragment, unknown>;
export const AttributeSourceFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AttributeSource' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProfileFragment' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'datasetId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AttributeSourceFragment, unknown>;
export const ConsoleBootstrapDocument = {
  __meta__: { hash: 'sha256:5efe6d47d89b407c1ad5fc75a8c1c91dc93c51d2130c6a91e2ae00eefddae818' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleBootstrap' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mergePolicies' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'identityNamespaces' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'computedAttributes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleBootstrapQuery, ConsoleBootstrapQueryVariables>;
export const ConsoleProfileDocument = {
  __meta__: { hash: 'sha256:fc7e80b6561b0ba662edec55025d17765697602b10a4de50635736e42008ebb1' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleProfile' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'identity' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'IdentityInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'mergePolicyId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'pageSize' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'eventTypes' } },
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'identityGraph' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'identity' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'identity' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'identities' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'namespace' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'primary' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'profile' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'identity' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'identity' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'mergePolicyId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'mergePolicyId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'mergePolicy' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'identities' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'namespace' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'primary' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'person' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'name' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'firstName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastName' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'personalEmail' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'address' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'mobilePhone' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'number' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'homePhone' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'number' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'homeAddress' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'city' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'country' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'loyalty' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'tier' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'points' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: '_demo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'churnPropensity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lifetimeValue' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'computedAttributes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'segmentMembership' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'segment' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastQualificationTime' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'firstNameSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: 'person.name.firstName', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'lastNameSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: 'person.name.lastName', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'emailSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: 'personalEmail.address', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'phoneSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: 'mobilePhone.number', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'citySource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: 'homeAddress.city', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'tierSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'path' }, value: { kind: 'StringValue', value: 'loyalty.tier', block: false } },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'pointsSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: 'loyalty.points', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'churnSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: '_demo.churnPropensity', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'valueSource' },
                  name: { kind: 'Name', value: 'attributeSource' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'path' },
                      value: { kind: 'StringValue', value: '_demo.lifetimeValue', block: false },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AttributeSource' } }] },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'timeline' },
                  name: { kind: 'Name', value: 'events' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'pageSize' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'eventTypes' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'eventTypes' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edges' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'node' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TimelineEvent' } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'activity' },
                  name: { kind: 'Name', value: 'events' },
                  arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edges' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'node' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } }] },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AttributeSource' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProfileFragment' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'datasetId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TimelineEvent' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ExperienceEvent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '_id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'web' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'webPageDetails' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }] },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'commerce' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'order' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'priceTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'currencyCode' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'productListItems' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleProfileQuery, ConsoleProfileQueryVariables>;
export const ConsoleTimelineDocument = {
  __meta__: { hash: 'sha256:a3f8a82c7ea8af99f456ec426042c89336c004a0a73e64ea34bad4c0acf4835c' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConsoleTimeline' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'identity' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'IdentityInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'mergePolicyId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'pageSize' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'eventTypes' } },
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'profile' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'identity' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'identity' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'mergePolicyId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'mergePolicyId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'events' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'pageSize' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'after' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'eventTypes' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'eventTypes' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edges' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'node' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TimelineEvent' } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TimelineEvent' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ExperienceEvent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '_id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'web' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'webPageDetails' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }] },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'commerce' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'order' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'priceTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'currencyCode' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'productListItems' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsoleTimelineQuery, ConsoleTimelineQueryVariables>;
