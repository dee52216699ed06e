import { applyLabelDescriptors, compileComposition, type CompiledComposition, loadXdmProject, parseLabelDescriptors } from '../../../src/xdm';
import { fixtureRegistry, PROFILE } from '../../fixtures/xdmFixtures';

const registry = fixtureRegistry();
const PERSON_DETAILS = 'https://ns.example.com/fg/person-details';
const CONTACTS = 'https://ns.example.com/fg/contacts';
const compositions: CompiledComposition[] = [
  compileComposition(registry, { id: 'crm', title: 'CRM', class: PROFILE, fieldGroups: [PERSON_DETAILS, CONTACTS] }),
  compileComposition(registry, { id: 'people', title: 'People', class: PROFILE, fieldGroups: [PERSON_DETAILS] }),
];

function descriptor(fields: Record<string, unknown>): string {
  return JSON.stringify({ '@type': 'xdm:descriptorLabel', 'xdm:sourceVersion': 1, ...fields });
}

function labelsOf(descriptors: string[]): Record<string, string[]> {
  const parsed = descriptors.flatMap((text, index) => parseLabelDescriptors(text, `labels/${index}.json`));
  const labelled = applyLabelDescriptors(registry, compositions, parsed);
  return Object.fromEntries(
    labelled.flatMap((composition) => (composition.labels ?? []).map((field) => [`${composition.id}:${field.path.join('.')}`, [...field.labels]])),
  );
}

function applyError(text: string): string {
  try {
    labelsOf([text]);
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  throw new Error('expected the descriptor to be refused');
}

describe('label descriptors (xdm:descriptorLabel)', () => {
  it('labels a field group in every composition that uses it, and a composition alone', () => {
    expect(
      labelsOf([
        descriptor({ 'xdm:sourceSchema': PERSON_DETAILS, 'xdm:sourceProperty': '/person/name', 'xdm:labels': ['I1'] }),
        descriptor({ 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': ['/visits', '/person/name'], 'xdm:labels': ['C2', 'C1'] }),
      ]),
    ).toEqual({
      'crm:person.name': ['C1', 'C2', 'I1'],
      'crm:visits': ['C1', 'C2'],
      'people:person.name': ['I1'],
    });
  });

  it('reads a file holding an array of descriptors, xdm:-prefixed and escaped pointer segments', () => {
    const parsed = parseLabelDescriptors(
      JSON.stringify([
        { '@type': 'xdm:descriptorLabel', 'xdm:sourceSchema': 'crm', 'xdm:sourceVersion': 1, 'xdm:sourceProperty': '/xdm:person/xdm:birthYear', 'xdm:labels': ['I2'] },
        { '@id': 'd-2', '@type': 'xdm:descriptorLabel', 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/a~1b~0c', 'xdm:labels': ['S1'] },
      ]),
      'labels/crm.json',
    );
    expect(parsed.map(({ sourceProperties, labels, source }) => ({ sourceProperties, labels, source }))).toEqual([
      { sourceProperties: [['person', 'birthYear']], labels: ['I2'], source: 'labels/crm.json#0' },
      { sourceProperties: [['a/b~c']], labels: ['S1'], source: 'labels/crm.json#1' },
    ]);
  });

  it('labels every field of the schema when the descriptor names no property', () => {
    expect(labelsOf([descriptor({ 'xdm:sourceSchema': PERSON_DETAILS, 'xdm:labels': ['C9'] })])).toEqual({
      'crm:person': ['C9'],
      'people:person': ['C9'],
    });
  });

  it('applies xdm:excludeProperty by labelling the siblings of the excluded place instead', () => {
    expect(
      labelsOf([
        descriptor({
          'xdm:sourceSchema': 'people',
          'xdm:sourceProperty': '/person',
          'xdm:excludeProperty': ['/person/name/firstName', '/person/gender'],
          'xdm:labels': ['I2'],
        }),
      ]),
    ).toEqual({
      'people:person.birthYear': ['I2'],
      'people:person.name.lastName': ['I2'],
      'people:person.nationality': ['I2'],
    });
  });

  it('refuses a property that the source schema does not have, listing the fields it has', () => {
    expect(applyError(descriptor({ 'xdm:sourceSchema': PERSON_DETAILS, 'xdm:sourceProperty': '/person/nme', 'xdm:labels': ['I1'] }))).toBe(
      'XDM_LABEL_INVALID: label descriptor labels/0.json: "xdm:sourceProperty" /person/nme: /person has no field "nme"; its fields: name, gender, birthYear, nationality',
    );
    // visits exists in the crm composition, but not in the field group the descriptor names.
    expect(applyError(descriptor({ 'xdm:sourceSchema': PERSON_DETAILS, 'xdm:sourceProperty': '/visits', 'xdm:labels': ['I1'] }))).toBe(
      'XDM_LABEL_INVALID: label descriptor labels/0.json: "xdm:sourceProperty" /visits: the schema has no field "visits"; its fields: person',
    );
  });

  it('refuses a property inside a map, and an exclusion outside the labelled property', () => {
    expect(applyError(descriptor({ 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/attributes/color', 'xdm:labels': ['I1'] }))).toBe(
      'XDM_LABEL_INVALID: label descriptor labels/0.json: "xdm:sourceProperty" /attributes/color goes inside /attributes, a map without fields; label /attributes itself',
    );
    expect(
      applyError(descriptor({ 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/person/name', 'xdm:excludeProperty': '/partner/name', 'xdm:labels': ['I1'] })),
    ).toBe('XDM_LABEL_INVALID: label descriptor labels/0.json: "xdm:excludeProperty" /partner/name is not under any "xdm:sourceProperty" (/person/name)');
  });

  it('refuses a source schema that no composition uses', () => {
    expect(applyError(descriptor({ 'xdm:sourceSchema': 'https://ns.example.com/fg/tenant', 'xdm:sourceProperty': '/_acme', 'xdm:labels': ['C2'] }))).toBe(
      'XDM_LABEL_INVALID: label descriptor labels/0.json: "xdm:sourceSchema" "https://ns.example.com/fg/tenant" is neither a composition id nor the class or a field group of a composition; compositions: crm, people',
    );
  });

  it('refuses an unknown label, showing it and the known ones', () => {
    expect(() => parseLabelDescriptors(descriptor({ 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/person', 'xdm:labels': ['I1', 'PII'] }), 'labels/crm.json')).toThrow(
      'label descriptor labels/crm.json label "PII" is not a data-usage label; known labels: C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, I1, I2, S1, S2',
    );
  });

  it('refuses a descriptor of another type, a malformed pointer, an empty label list and an unknown key', () => {
    const parse = (fields: Record<string, unknown>) => () => parseLabelDescriptors(JSON.stringify(fields), 'labels/x.json');
    expect(parse({ '@type': 'xdm:descriptorIdentity', 'xdm:sourceSchema': 'crm', 'xdm:labels': ['I1'] })).toThrow(
      'label descriptor labels/x.json "@type" must be "xdm:descriptorLabel", got "xdm:descriptorIdentity"',
    );
    expect(parse({ '@type': 'xdm:descriptorLabel', 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': 'person.name', 'xdm:labels': ['I1'] })).toThrow(
      'label descriptor labels/x.json "xdm:sourceProperty" must be JSON Pointers such as "/person/name", got "person.name"',
    );
    expect(parse({ '@type': 'xdm:descriptorLabel', 'xdm:sourceSchema': 'crm', 'xdm:labels': [] })).toThrow(
      'label descriptor labels/x.json "xdm:labels" must be a non-empty array of labels, got []',
    );
    expect(parse({ '@type': 'xdm:descriptorLabel', 'xdm:sourceSchema': 'crm', 'xdm:labels': ['I1'], 'xdm:sourceItem': {} })).toThrow(
      'label descriptor labels/x.json has "xdm:sourceItem"; a label descriptor takes @id, @type, xdm:sourceSchema, xdm:sourceVersion, xdm:sourceProperty, xdm:excludeProperty, xdm:labels',
    );
  });
});

describe("the project's shipped labels (xdm/labels)", () => {
  const shipped = new Map(loadXdmProject().compositions.map((composition) => [composition.id, composition]));
  const labelsAt = (compositionId: string, path: string) =>
    shipped.get(compositionId)?.labels?.find((field) => field.path.join('.') === path)?.labels;

  it('label contact details and names I1, birth dates I2, coordinates S1, churn propensity C2, identity maps I1', () => {
    expect(labelsAt('profile-crm', 'personalEmail.address')).toEqual(['I1']);
    expect(labelsAt('profile-crm', 'mobilePhone.number')).toEqual(['I1']);
    expect(labelsAt('profile-crm', 'person.name')).toEqual(['I1']);
    expect(labelsAt('profile-crm', 'homeAddress.street1')).toEqual(['I1']);
    expect(labelsAt('profile-crm', 'person.birthDate')).toEqual(['I2']);
    expect(labelsAt('profile-crm', 'homeAddress.schema:latitude')).toEqual(['S1']);
    expect(labelsAt('profile-scores', '_demo.churnPropensity')).toEqual(['C2']);
    expect(labelsAt('profile-scores', '_demo.lifetimeValue')).toBeUndefined();
    for (const id of ['profile-crm', 'profile-scores', 'event-web-commerce']) expect(labelsAt(id, 'identityMap')).toEqual(['I1']);
  });
});
