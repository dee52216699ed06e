import { buildSchema, parse, print, validateSchema } from 'graphql';
import { compileComposition, printXdmTypeDefs, XDM_SUPPORT_SDL } from '../../../src/xdm';
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
