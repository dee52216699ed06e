import { compileComposition, createRecordValidator, toJsonSchema } from '../../../src/xdm';
import { EVENT, fixtureRegistry, PROFILE } from '../../fixtures/xdmFixtures';

const registry = fixtureRegistry();
const profile = compileComposition(registry, {
  id: 'test-profile',
  title: 'Test profile',
  class: PROFILE,
  fieldGroups: ['https://ns.example.com/fg/identitymap', 'https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/contacts'],
});
const event = compileComposition(registry, { id: 'test-event', title: 'Test event', class: EVENT, fieldGroups: [] });

describe('createRecordValidator', () => {
  const validateProfile = createRecordValidator(profile);
  const validateEvent = createRecordValidator(event);

  it('accepts a valid short-form record', () => {
    expect(
      validateProfile({
        _id: 'crm-0001',
        identityMap: { Email: [{ id: 'ana@example.com', primary: true }], CRMID: [{ id: 'C-1' }] },
        person: { name: { firstName: 'Ana', lastName: 'Lima' }, gender: 'female', birthYear: 1990, nationality: 'PT' },
        attributes: { favouriteColour: 'blue' },
        ip: '10.0.0.1',
      }),
    ).toEqual([]);
  });

  it('refuses a whole number its GraphQL type cannot carry exactly: Int past 32 bits, Long and Float past 2^53', () => {
    const record = (fields: Record<string, unknown>) => ({ _id: 'p', identityMap: { Email: [{ id: 'a@example.com' }] }, ...fields });
    // score is an XDM int (GraphQL Int), visits an unbounded integer (Long).
    expect(validateProfile(record({ score: 2 ** 31 - 1, visits: Number.MAX_SAFE_INTEGER }))).toEqual([]);
    expect(validateProfile(record({ score: -(2 ** 31), visits: -Number.MAX_SAFE_INTEGER }))).toEqual([]);
    expect(validateProfile(record({ score: 2 ** 31, visits: 2 ** 60 }))).toEqual([
      { path: 'visits', rule: 'maximum', message: 'visits must be <= 9007199254740991 (rule: maximum)' },
      { path: 'score', rule: 'maximum', message: 'score must be <= 2147483647 (rule: maximum)' },
    ]);
    expect(validateProfile(record({ score: -(2 ** 31) - 1 }))).toEqual([{ path: 'score', rule: 'minimum', message: 'score must be >= -2147483648 (rule: minimum)' }]);
    // A field's own tighter bounds stay.
    expect(validateProfile(record({ person: { birthYear: 40000 } }))).toEqual([
      { path: 'person.birthYear', rule: 'maximum', message: 'person.birthYear must be <= 32767 (rule: maximum)' },
    ]);
  });

  it('refuses a date-time the DateTime scalar could not serve back: a leap second, a space for the T', () => {
    const at = (timestamp: string) => validateEvent({ _id: 'e', timestamp });
    expect(at('2026-06-30T23:59:59.999+01:00')).toEqual([]);
    for (const timestamp of ['2026-06-30T23:59:60Z', '2026-06-30 10:00:00Z', '2026-02-30T10:00:00Z', '2026-01-01T10:00:00']) {
      expect(at(timestamp)).toEqual([{ path: 'timestamp', rule: 'format', message: 'timestamp must match format "date-time" (rule: format)' }]);
    }
  });

  it('names the path and the rule of every violation', () => {
    expect(
      validateProfile({
        person: { name: { firstName: 7 }, gender: 'other', birthYear: 0, nationality: 'pt', nmae: 'x' },
        identityMap: { Email: [{ primary: true }] },
        visits: 1.5,
        ip: 'not an ip',
      }),
    ).toEqual([
      { path: 'identityMap.Email[0].id', rule: 'required', message: 'identityMap.Email[0].id is required (rule: required)' },
      { path: 'person.nmae', rule: 'additionalProperties', message: 'person.nmae is not a field of this schema (rule: additionalProperties)' },
      { path: 'person.name.firstName', rule: 'type', message: 'person.name.firstName must be string (rule: type)' },
      { path: 'person.gender', rule: 'enum', message: 'person.gender must be one of "male", "female", "not_specified" (rule: enum)' },
      { path: 'person.birthYear', rule: 'minimum', message: 'person.birthYear must be >= 1 (rule: minimum)' },
      { path: 'person.nationality', rule: 'pattern', message: 'person.nationality must match pattern "^[A-Z]{2}$" (rule: pattern)' },
      { path: 'visits', rule: 'type', message: 'visits must be integer (rule: type)' },
      { path: 'ip', rule: 'format', message: 'ip must match format "ipv4" (rule: format)' },
      { path: 'ip', rule: 'format', message: 'ip must match format "ipv6" (rule: format)' },
      { path: 'ip', rule: 'oneOf', message: 'ip must match exactly one schema in oneOf (rule: oneOf)' },
    ]);
  });

  it('requires what the class requires: an event needs _id and timestamp, in date-time format', () => {
    expect(validateEvent({ eventType: 'commerce.purchases' })).toEqual([
      { path: '_id', rule: 'required', message: '_id is required (rule: required)' },
      { path: 'timestamp', rule: 'required', message: 'timestamp is required (rule: required)' },
    ]);
    expect(validateEvent({ _id: 'e1', timestamp: 'yesterday' })).toEqual([
      { path: 'timestamp', rule: 'format', message: 'timestamp must match format "date-time" (rule: format)' },
    ]);
  });

  it('quotes map keys that are not plain names', () => {
    expect(validateProfile({ identityMap: { 'https://ns/x': [{ id: 1 }] } })).toEqual([
      { path: 'identityMap["https://ns/x"][0].id', rule: 'type', message: 'identityMap["https://ns/x"][0].id must be string (rule: type)' },
    ]);
  });

  it('rejects a record that is not an object', () => {
    expect(validateProfile([1, 2])).toEqual([{ path: '', rule: 'type', message: 'the record must be object (rule: type)' }]);
  });
});

describe('toJsonSchema', () => {
  it('closes objects with fields, keeps maps open and gives the composition an id', () => {
    const schema = toJsonSchema(profile) as { $id: string; additionalProperties: unknown; properties: Record<string, Record<string, unknown>> };
    expect(schema.$id).toBe('urn:profile-gateway:composition:test-profile');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.attributes).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(schema.properties.tree).toMatchObject({ properties: { children: { type: 'array', items: {} } } });
  });
});
