import { parse, validate } from 'graphql';
import { createGatewaySchema, dataUsageFieldLabels, forbiddenFieldsRule, type GatewayRole } from '../../../src/graphql';
import type { DataUsageLabel } from '../../../src/xdm';
import { loadXdmProject } from '../../../src/xdm';

const schema = createGatewaySchema(loadXdmProject().compositions);
const fieldLabels = dataUsageFieldLabels(schema);

/** What the rule reports for `query` when `role` may not read `forbidden`: message and extensions. */
function check(query: string, forbidden: DataUsageLabel[] = ['I1'], role: GatewayRole = 'partner', variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return validate(schema, document, [forbiddenFieldsRule({ fieldLabels, forbidden, role, variables })]).map((error) => ({
    message: error.message,
    extensions: error.extensions,
  }));
}

const EMAIL_REFUSED = {
  message: "field EmailAddress.address (personalEmail.address) carries data-usage label I1, which role 'partner' may not read",
  extensions: { code: 'FORBIDDEN_FIELD', field: 'EmailAddress.address', labels: ['I1'], paths: ['personalEmail.address'], role: 'partner', http: { status: 403 } },
};

describe('forbiddenFieldsRule', () => {
  it('refuses a labelled field, naming the field, its XDM path and the label', () => {
    expect(check('{ profile(identity: { namespace: "Email", id: "a@example.com" }) { personalEmail { address } } }')).toEqual([EMAIL_REFUSED]);
  });

  it('refuses a labelled object whatever is selected under it', () => {
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { person { name { firstName } } } }')).toEqual([
      expect.objectContaining({ message: "field Person.name (person.name) carries data-usage label I1, which role 'partner' may not read" }),
    ]);
  });

  it('lets the same role read unlabelled fields next to labelled ones', () => {
    expect(
      check('{ profile(identity: { namespace: "Email", id: "a" }) { loyalty { tier points } personalEmail { status } person { gender birthDate } _demo { churnPropensity } identities { namespace primary } } }'),
    ).toEqual([]);
  });

  it('finds labelled fields through named fragments, inline fragments and aliases', () => {
    const query = `
      query Contact($email: String!) {
        first: profile(identity: { namespace: "Email", id: $email }) { ...Contact }
        second: profile(identity: { namespace: "Phone", id: "+1" }) { ... on Profile { phone: mobilePhone { digits: number } } }
      }
      fragment Contact on Profile { mail: personalEmail { addr: address } }`;
    expect(check(query).map((error) => error.extensions?.field)).toEqual(['PhoneNumber.number', 'EmailAddress.address']);
  });

  it('refuses each field once however often it is selected', () => {
    const query = '{ profiles(identities: [{ namespace: "Email", id: "a" }]) { personalEmail { address } } a: profile(identity: { namespace: "Email", id: "a" }) { personalEmail { a: address b: address } } }';
    expect(check(query)).toEqual([EMAIL_REFUSED]);
  });

  it('refuses identity values wherever they are served: profiles, events and identity graphs', () => {
    const message = "field Identity.id (identityMap) carries data-usage label I1, which role 'partner' may not read";
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { identities { id } } }')).toEqual([expect.objectContaining({ message })]);
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { events(first: 5) { edges { node { timestamp identities { id } } } } } }')).toEqual([
      expect.objectContaining({ message }),
    ]);
    expect(check('{ identityGraph(identity: { namespace: "Email", id: "a" }) { links { from { id } } } }')).toEqual([expect.objectContaining({ message })]);
  });

  it('names every refused label of a field and only those the role may not read', () => {
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { person { birthDate } _demo { churnPropensity } } }', ['C2', 'I2'], 'frontend')).toEqual([
      expect.objectContaining({ message: "field Person.birthDate (person.birthDate) carries data-usage label I2, which role 'frontend' may not read" }),
      expect.objectContaining({ message: "field ProfileDemo.churnPropensity (_demo.churnPropensity) carries data-usage label C2, which role 'frontend' may not read" }),
    ]);
  });

  it('refuses attributeSource for a path under a labelled field, inline or in a variable', () => {
    const refused = {
      message: "field Profile.attributeSource (person.name.firstName) carries data-usage label I1, which role 'partner' may not read",
      extensions: expect.objectContaining({ code: 'FORBIDDEN_FIELD', field: 'Profile.attributeSource', labels: ['I1'], paths: ['person.name.firstName'] }),
    };
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { attributeSource(path: "person.name.firstName") { datasetId } } }')).toEqual([refused]);
    expect(
      check('query($p: String!) { profile(identity: { namespace: "Email", id: "a" }) { attributeSource(path: $p) { datasetId } } }', ['I1'], 'partner', {
        p: 'person.name.firstName',
      }),
    ).toEqual([refused]);
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { attributeSource(path: "loyalty.tier") { datasetId } } }')).toEqual([]);
  });

  it("reads a path argument as execution will: from a variable's default value too", () => {
    const query = 'query($p: String = "person.name.firstName") { profile(identity: { namespace: "Email", id: "a" }) { attributeSource(path: $p) { datasetId } } }';
    expect(check(query).map((error) => error.extensions?.paths)).toEqual([['person.name.firstName']]);
    // A value given wins over the default.
    expect(check(query, ['I1'], 'partner', { p: 'loyalty.tier' })).toEqual([]);
    // Identity values under identityMap carry the labels of Identity.id.
    expect(check(query, ['I1'], 'partner', { p: 'identityMap.Email' }).map((error) => error.extensions?.labels)).toEqual([['I1']]);
  });

  it('lets a role without forbidden labels read everything', () => {
    expect(check('{ profile(identity: { namespace: "Email", id: "a" }) { personalEmail { address } person { name { firstName } } identities { id } } }', [], 'analyst')).toEqual([]);
  });
});
