import { compileComposition, toShortForm } from '../../../src/xdm';
import { fixtureRegistry, PROFILE } from '../../fixtures/xdmFixtures';

describe('toShortForm', () => {
  const { root } = compileComposition(fixtureRegistry(), {
    id: 'test',
    title: 'Test',
    class: PROFILE,
    fieldGroups: ['https://ns.example.com/fg/identitymap', 'https://ns.example.com/fg/person-details', 'https://ns.example.com/fg/contacts'],
  });

  it('renames fields to the short form and leaves map keys and unknown keys alone', () => {
    expect(
      toShortForm(
        {
          '@id': 'r1',
          'repo:createDate': '2026-01-01T00:00:00Z',
          'xdm:identityMap': { 'xdm:Email': [{ 'xdm:id': 'a@b.c' }] },
          'xdm:person': { 'xdm:name': { 'xdm:firstName': 'Ana' }, 'xdm:unknown': 1 },
          'xdm:attributes': { 'xdm:colour': 'blue' },
          'xdm:tree': { 'xdm:children': [{ 'xdm:label': 'kept as is: recursion is free-form' }] },
        },
        root,
      ),
    ).toEqual({
      _id: 'r1',
      'repo:createDate': '2026-01-01T00:00:00Z',
      identityMap: { 'xdm:Email': [{ id: 'a@b.c' }] },
      person: { name: { firstName: 'Ana' }, 'xdm:unknown': 1 },
      attributes: { 'xdm:colour': 'blue' },
      tree: { children: [{ 'xdm:label': 'kept as is: recursion is free-form' }] },
    });
  });
});
