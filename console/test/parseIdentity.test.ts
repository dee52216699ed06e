import { normalizePhone, parseIdentity } from '../src/parseIdentity';

describe('parseIdentity: the namespace from the shape of what the caller gave', () => {
  it.each([
    ['person000005@example.com', 'Email', 'person000005@example.com'],
    ['  Person000005@Example.COM ', 'Email', 'person000005@example.com'],
    ['+351900005', 'Phone', '+351900005'],
    ['+351 900-005', 'Phone', '+351900005'],
    ['(351) 900 005', 'Phone', '+351900005'],
    ['00351.900.005', 'Phone', '+351900005'],
    ['C-000005', 'CRMID', 'C-000005'],
    ['c-000005', 'CRMID', 'C-000005'],
    ['ecid-000005', 'ECID', 'ecid-000005'],
    ['12345678901234567890123456789012345678', 'ECID', '12345678901234567890123456789012345678'],
    ['LOY-42', 'CRMID', 'LOY-42'],
  ])('%s is %s %s', (text, namespace, id) => {
    expect(parseIdentity(text)).toEqual({ ok: true, namespace, id });
  });

  it('takes the namespace of the override menu instead of the shape', () => {
    expect(parseIdentity('LOY-42', 'LoyaltyId')).toEqual({ ok: true, namespace: 'LoyaltyId', id: 'LOY-42' });
    expect(parseIdentity('351 900 005', 'Phone')).toEqual({ ok: true, namespace: 'Phone', id: '+351900005' });
  });

  it('says why a value cannot be parsed', () => {
    expect(parseIdentity('   ')).toEqual({ ok: false, problem: 'Type an email, a phone number or an id to search.' });
    expect(parseIdentity('who? me!')).toEqual({ ok: false, problem: '“who? me!” cannot be read as an email, a phone number or an id.' });
    expect(parseIdentity('anna@')).toEqual({ ok: false, problem: '“anna@” is not an email address.' });
    expect(parseIdentity('12-34')).toEqual({ ok: false, problem: '“12-34” is not a phone number (7 to 15 digits, with its country code).' });
    expect(parseIdentity('C-000005', 'Email')).toEqual({ ok: false, problem: '“C-000005” is not an email address.' });
  });

  it('normalizes phone numbers to + and 7 to 15 digits', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('123')).toBeUndefined();
    expect(normalizePhone('+1 (555) 010-9999 ext 2')).toBeUndefined();
  });
});
