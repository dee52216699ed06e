import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { dataUsageFieldLabels, printGatewaySchema } from '../../../src/graphql';
import { applyLabelDescriptors, compileComposition, parseLabelDescriptors } from '../../../src/xdm';
import { EVENT, fixtureRegistry, PROFILE } from '../../fixtures/xdmFixtures';

const registry = fixtureRegistry();

/** The gateway schema of two fixture compositions, labelled by `descriptors`. */
function printLabelled(descriptors: object[]): string {
  const compositions = [
    compileComposition(registry, { id: 'crm', title: 'CRM', class: PROFILE, fieldGroups: ['https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/contacts'] }),
    compileComposition(registry, { id: 'events', title: 'Events', class: EVENT, fieldGroups: [] }),
  ];
  const parsed = parseLabelDescriptors(JSON.stringify(descriptors.map((fields) => ({ '@type': 'xdm:descriptorLabel', ...fields }))), 'labels.json');
  return printGatewaySchema(applyLabelDescriptors(registry, compositions, parsed));
}

/** The SDL line of one field of one type, without its description. */
function fieldLine(sdl: string, typeName: string, fieldName: string): string | undefined {
  const body = new RegExp(`\\ntype ${typeName} \\{\\n([\\s\\S]*?)\\n\\}`).exec(sdl)?.[1] ?? '';
  return body.split('\n').find((line) => line.startsWith(`  ${fieldName}:`))?.trim();
}

describe('data-usage labels in the gateway schema', () => {
  it('marks the field a labelled path ends on with @dataUsage and names the labels in its description', () => {
    const sdl = printLabelled([{ 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/person/name', 'xdm:labels': ['I1'] }]);
    expect(fieldLine(sdl, 'Person', 'name')).toBe('name: PersonName @dataUsage(labels: ["I1"], paths: ["person.name"])');
    expect(sdl).toMatch(/"""\n\s*Full name\.\n\s*\n\s*Data-usage labels: I1 \(directly identifiable: identifies or contacts a specific person\)\.\n\s*"""\n\s*name: PersonName/);
    // Under a labelled object nothing is marked again: selecting a leaf means selecting the labelled field.
    expect(fieldLine(sdl, 'PersonName', 'firstName')).toBe('firstName: String');
    expect(fieldLine(sdl, 'Person', 'gender')).toBe('gender: PersonGender');
  });

  it('gives a type shared by several places the union of their labels and paths', () => {
    const sdl = printLabelled([
      { 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/person/name', 'xdm:labels': ['I1'] },
      { 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': '/partner/name', 'xdm:labels': ['C2'] },
    ]);
    expect(fieldLine(sdl, 'Profile', 'partner')).toBe('partner: Person');
    expect(fieldLine(sdl, 'Person', 'name')).toBe('name: PersonName @dataUsage(labels: ["C2", "I1"], paths: ["partner.name", "person.name"])');
  });

  it('puts labels of a path inside a JSON field on that field, keeps @xdm keys, and labels identityMap on Identity.id', () => {
    const sdl = printLabelled([
      { 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': ['/tree/children', '/repo:createDate'], 'xdm:labels': ['C9'] },
      { 'xdm:sourceSchema': 'events', 'xdm:sourceProperty': '/identityMap', 'xdm:labels': ['I1'] },
    ]);
    expect(fieldLine(sdl, 'Tree', 'children')).toBe('children: [JSON!] @dataUsage(labels: ["C9"], paths: ["tree.children"])');
    expect(fieldLine(sdl, 'Profile', 'repo_createDate')).toBe('repo_createDate: DateTime @xdm(key: "repo:createDate") @dataUsage(labels: ["C9"], paths: ["repo:createDate"])');
    expect(fieldLine(sdl, 'Identity', 'id')).toBe('id: String! @dataUsage(labels: ["I1"], paths: ["identityMap"])');
  });

  it('is read back from the schema by Type.field', () => {
    const sdl = printLabelled([{ 'xdm:sourceSchema': 'crm', 'xdm:sourceProperty': ['/person/name', '/visits'], 'xdm:labels': ['I1', 'C2'] }]);
    expect(Object.fromEntries(dataUsageFieldLabels(buildSchema(sdl)))).toEqual({
      'Person.name': { labels: ['C2', 'I1'], paths: ['person.name'] },
      'Profile.visits': { labels: ['C2', 'I1'], paths: ['visits'] },
    });
  });

  it('shows the shipped labels in schema.graphql', () => {
    const sdl = readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8');
    expect(fieldLine(sdl, 'EmailAddress', 'address')).toBe('address: String @dataUsage(labels: ["I1"], paths: ["personalEmail.address"])');
    expect(fieldLine(sdl, 'Person', 'name')).toBe('name: PersonName @dataUsage(labels: ["I1"], paths: ["person.name"])');
    expect(fieldLine(sdl, 'Person', 'birthDate')).toBe('birthDate: Date @dataUsage(labels: ["I2"], paths: ["person.birthDate"])');
    expect(fieldLine(sdl, 'ProfileDemo', 'churnPropensity')).toBe('churnPropensity: Float @dataUsage(labels: ["C2"], paths: ["_demo.churnPropensity"])');
    expect(fieldLine(sdl, 'Identity', 'id')).toBe('id: String! @dataUsage(labels: ["I1"], paths: ["identityMap"])');
  });
});
