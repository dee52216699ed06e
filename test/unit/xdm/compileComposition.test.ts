import { compileComposition, type XdmObjectType, type XdmType } from '../../../src/xdm';
import { EVENT, fixtureRegistry, PROFILE } from '../../fixtures/xdmFixtures';

function field(object: XdmObjectType, ...path: string[]): XdmType {
  let type: XdmType = object;
  for (const key of path) {
    if (type.kind !== 'object') throw new Error(`${key}: not an object but ${type.kind}`);
    const next = type.fields.get(key);
    if (next === undefined) throw new Error(`no field ${key}; fields: ${[...type.fields.keys()].join(', ')}`);
    type = next.type;
  }
  return type;
}

describe('compileComposition', () => {
  const registry = fixtureRegistry();
  const compile = (fieldGroups: string[], classId = PROFILE) =>
    compileComposition(registry, { id: 'test', title: 'Test', class: classId, fieldGroups });

  it('merges the class, its behavior and field groups into short-form keys', () => {
    const { root, schemaClass } = compile(['https://ns.example.com/fg/person-details']);
    expect(schemaClass).toBe('PROFILE');
    expect([...root.fields.keys()]).toEqual(['_id', 'personID', 'repo:createDate', 'person']);
    expect(root.fields.get('_id')?.sourceKey).toBe('@id');
    expect([...(field(root, 'person', 'name') as XdmObjectType).fields.keys()]).toEqual(['firstName', 'lastName']);
  });

  it('drops the JSON-LD @context framing of the extensible base schema', () => {
    const { root } = compile([]);
    expect(root.fields.has('@context')).toBe(false);
    expect(root.fields.has('_context')).toBe(false);
  });

  it('remembers the data type an object was taken from whole, and forgets it once a field group extends it', () => {
    const plain = compile(['https://ns.example.com/fg/person-details']).root;
    expect((field(plain, 'person') as XdmObjectType).origin).toEqual({ id: 'https://ns.example.com/datatypes/person', title: 'Person' });
    const extended = compile(['https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/tenant']).root;
    const person = field(extended, 'person') as XdmObjectType;
    expect(person.origin).toBeUndefined();
    expect([...person.fields.keys()]).toEqual(['name', 'gender', 'birthYear', 'nationality', 'nickname']);
    expect(field(extended, '_acme', 'churnPropensity')).toEqual({ kind: 'number', constraints: { minimum: 0, maximum: 1 } });
  });

  it('reads integer sizes from meta:xdmType and from bounds', () => {
    const { root } = compile(['https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/contacts']);
    expect(field(root, 'person', 'birthYear')).toMatchObject({ kind: 'integer', size: 'int' });
    expect(field(root, 'visits')).toMatchObject({ kind: 'integer', size: 'long' });
    expect(field(root, 'score')).toMatchObject({ kind: 'integer', size: 'int' });
  });

  it('turns maps, unions and recursion into their own kinds', () => {
    const { root } = compile(['https://ns.example.com/fg/contacts']);
    expect(field(root, 'attributes')).toEqual({ kind: 'map', values: { kind: 'string', constraints: {} } });
    expect(field(root, 'ip')).toEqual({
      kind: 'union',
      combinator: 'oneOf',
      variants: [
        { kind: 'string', constraints: { format: 'ipv4' } },
        { kind: 'string', constraints: { format: 'ipv6' } },
      ],
    });
    expect(field(root, 'tree', 'children')).toMatchObject({ kind: 'array', items: { kind: 'any', reason: 'recursive' } });
  });

  it('keeps the required keys of the class in short form', () => {
    const { root, schemaClass } = compile([], EVENT);
    expect(schemaClass).toBe('EXPERIENCE_EVENT');
    expect([...root.required]).toEqual(['_id', 'timestamp']);
    expect(field(root, 'identityMap')).toMatchObject({ kind: 'map', values: { kind: 'array' } });
  });

  it('refuses two field groups that give one field different types, naming the field', () => {
    expect(() => compile(['https://ns.example.com/fg/conflict'])).toThrow(
      expect.objectContaining({
        code: 'XDM_FIELD_CONFLICT',
        message: expect.stringContaining('personID is defined twice with different types: string and integer (long)'),
      }),
    );
  });

  it('names the composition and the missing schema when a field group is not in the registry', () => {
    expect(() => compile(['https://ns.example.com/fg/missing'])).toThrow(
      expect.objectContaining({
        code: 'XDM_SCHEMA_NOT_FOUND',
        message: 'schema https://ns.example.com/fg/missing is not in the registry (referenced from composition test)',
      }),
    );
  });

  it('refuses a class that is not a class and a field group that is not a field group', () => {
    expect(() => compile([], 'https://ns.example.com/datatypes/person')).toThrow(
      expect.objectContaining({ code: 'XDM_COMPOSITION_INVALID', message: expect.stringContaining('is not an XDM class') }),
    );
    expect(() => compile(['https://ns.example.com/datatypes/person'])).toThrow(
      expect.objectContaining({ code: 'XDM_COMPOSITION_INVALID', message: expect.stringContaining('is not a field group') }),
    );
  });
});
