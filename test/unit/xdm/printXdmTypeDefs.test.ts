import { buildSchema, parse, print, validateSchema } from 'graphql';
import { type CompiledComposition, compileComposition, EXPERIENCE_EVENT_CLASS_ID, printXdmTypeDefs, unionOfClass, XDM_SUPPORT_SDL, type XdmField, type XdmObjectType, type XdmType } from '../../../src/xdm';
import { fixtureRegistry, PROFILE } from '../../fixtures/xdmFixtures';

const registry = fixtureRegistry();

function printProfile(fieldGroups: string[]): string {
  const { root } = compileComposition(registry, { id: 'test', title: 'Test', class: PROFILE, fieldGroups });
  return printXdmTypeDefs(
    [{ typeName: 'Profile', object: root, fixedFields: [{ name: 'identities', sdl: 'identities: [Identity!]!' }] }],
    { reservedTypeNames: ['Identity', 'Query'] },
  );
}

/** Normalises SDL the way graphql-js prints it, so the comparison ignores layout. */
function normalise(sdl: string): string {
  return print(parse(sdl));
}

describe('printXdmTypeDefs', () => {
  it('prints the profile with data types named after their $id and shared by every use', () => {
    const sdl = printProfile(['https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/contacts']);
    expect(normalise(sdl)).toBe(
      normalise(`
        type Profile {
          identities: [Identity!]!
          "Record id."
          _id: String
          personID: String
          repo_createDate: DateTime @xdm(key: "repo:createDate")
          person: Person
          partner: Person
          visits: Long
          score: Int
          attributes: JSON
          tree: Tree
          ip: String
          channel: String @deprecated(reason: "Deprecated in XDM.")
        }
        type Person {
          "Full name."
          name: PersonName
          gender: PersonGender
          birthYear: Int
          nationality: String
        }
        enum PersonGender {
          male
          female
          not_specified
        }
        type Tree {
          label: String
          children: [JSON!]
        }
        type PersonName {
          firstName: String
          lastName: String
        }
      `),
    );
  });

  it('gives an extended data type its path name, and keeps the data-type name for unchanged uses', () => {
    const sdl = printProfile([
      'https://ns.example.com/fg/person-details',
      'https://ns.example.com/fg/contacts',
      'https://ns.example.com/fg/tenant',
    ]);
    expect(sdl).toContain('person: ProfilePerson\n');
    expect(sdl).toContain('partner: Person\n');
    expect(sdl).toContain('_acme: ProfileAcme\n');
    expect(normalise(sdl)).toContain(normalise('type ProfileAcme { churnPropensity: Float }'));
  });

  it('produces SDL that graphql-js builds and validates, the same text every time', () => {
    const fieldGroups = ['https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/contacts', 'https://ns.example.com/fg/tenant'];
    const sdl = printProfile(fieldGroups);
    const schema = buildSchema(`${XDM_SUPPORT_SDL}\ntype Identity { id: String }\ntype Query { profile: Profile }\n${sdl}`);
    expect(validateSchema(schema)).toEqual([]);
    expect(printProfile(fieldGroups)).toBe(sdl);
  });

  it('never takes a reserved type name or a fixed field name', () => {
    const { root } = compileComposition(registry, {
      id: 'test',
      title: 'Test',
      class: PROFILE,
      fieldGroups: ['https://ns.example.com/fg/person-details'],
    });
    const sdl = printXdmTypeDefs([{ typeName: 'Profile', object: root, fixedFields: [{ name: 'person', sdl: 'person: String' }] }], {
      reservedTypeNames: ['Person'],
    });
    expect(sdl).toContain('personXdm: ProfilePerson @xdm(key: "person")');
  });
});

describe('printXdmTypeDefs nullability', () => {
  const text = { kind: 'string', constraints: {} } as const;
  const field = (key: string, type: XdmType = text): XdmField => ({ key, sourceKey: key, deprecated: false, type });
  const object = (fields: XdmField[], required: string[] = []): XdmObjectType => ({ kind: 'object', fields: new Map(fields.map((item) => [item.key, item])), required: new Set(required) });
  const print = (root: XdmObjectType, rootRequiredNonNull?: boolean) =>
    normalise(printXdmTypeDefs([{ typeName: 'Event', object: root, ...(rootRequiredNonNull === undefined ? {} : { rootRequiredNonNull }) }], { reservedTypeNames: [] }));
  const line = object([field('SKU'), field('name')], ['SKU']);
  const root = object([field('_id'), field('note'), field('items', { kind: 'array', items: line, constraints: {} })], ['_id']);

  it('makes required members non-null below the root, and at the root only when asked', () => {
    expect(print(root, true)).toBe(normalise('type Event { _id: String! note: String items: [EventItems!] } type EventItems { SKU: String! name: String }'));
    expect(print(root)).toBe(normalise('type Event { _id: String note: String items: [EventItems!] } type EventItems { SKU: String! name: String }'));
  });

  it('never lets two objects that differ only in what they require share a type name', () => {
    // Both come from one data type, whose name only one shape may take.
    const origin = { id: 'https://ns.example.com/datatypes/line' };
    const strict = { ...object([field('SKU'), field('name')], ['SKU']), origin };
    const loose = { ...object([field('SKU'), field('name')]), origin };
    const sdl = print(object([field('a', strict), field('b', loose), field('c', { ...strict })]));
    expect(sdl).toBe(normalise('type Event { a: Line b: EventB c: Line } type Line { SKU: String! name: String } type EventB { SKU: String name: String }'));
  });
});

describe('unionOfClass', () => {
  const text = { kind: 'string', constraints: {} } as const;
  const composition = (id: string, root: XdmObjectType): CompiledComposition => ({ id, title: id, classId: EXPERIENCE_EVENT_CLASS_ID, schemaClass: 'EXPERIENCE_EVENT', fieldGroupIds: [], root });
  const field = (key: string, type: XdmType = text): XdmField => ({ key, sourceKey: key, deprecated: false, type });

  it('requires a member only where every composition defining the object requires it', () => {
    const web = composition('a-web', { kind: 'object', fields: new Map([['_id', field('_id')], ['page', field('page')]]), required: new Set(['_id', 'page']) });
    const call = composition('b-call', {
      kind: 'object',
      fields: new Map([['_id', field('_id')], ['call', field('call', { kind: 'object', fields: new Map([['agent', field('agent')]]), required: new Set(['agent']) })]]),
      required: new Set(['_id']),
    });
    const union = unionOfClass([call, web], 'EXPERIENCE_EVENT');
    expect([...union.required]).toEqual(['_id']);
    expect([...union.fields.keys()]).toEqual(['_id', 'page', 'call']);
    const callType = union.fields.get('call')?.type;
    expect(callType?.kind === 'object' ? [...callType.required] : null).toEqual(['agent']);
  });
});
