/** An identity the gateway can look up, or why the text is not one. */
export type ParsedIdentity =
  { readonly ok: true; readonly namespace: string; readonly id: string } | { readonly ok: false; readonly problem: string };

/** The namespace picked from the value's shape ("auto" in the override menu). */
export const AUTO = '';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the separators people write phone numbers with: spaces, dots, dashes, slashes, brackets. */
const PHONE = /^(?:\+|00)?[\d\s().\-/]+$/;
const CRMID = /^C-\d+$/i;
const ECID = /^(?:ecid-[\w-]+|\d{38})$/i;
const ID = /^[\w.:-]+$/;

/**
 * A phone number as identities store it (E.164): `+` and the digits. "+351 900-004",
 * "(351) 900 004" and "00351900004" are all `+351900004`; a national number
 * needs its country code, which the console cannot guess. `undefined` when
 * the text is not 7 to 15 digits in a phone number's usual separators.
 */
export function normalizePhone(text: string): string | undefined {
  const trimmed = text.trim();
  if (!PHONE.test(trimmed)) return undefined;
  const all = trimmed.replace(/\D/g, '');
  const digits = trimmed.startsWith('00') ? all.slice(2) : all;
  return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
}

/**
 * Reads what the caller gave the agent: an email, a phone number in any
 * common format, or an id. The namespace comes from the value's shape
 * (`@`: Email; digits and phone separators: Phone; `C-…`: CRMID; `ecid-…` or
 * 38 digits: ECID; any other single token: CRMID), unless `override` names one.
 */
export function parseIdentity(text: string, override: string = AUTO): ParsedIdentity {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'Type an email, a phone number or an id to search.' };
  const namespace = override === AUTO ? shapeOf(value) : override;
  if (namespace === undefined) {
    return { ok: false, problem: `“${value}” cannot be read as an email, a phone number or an id.` };
  }
  switch (namespace) {
    case 'Email':
      return EMAIL.test(value) ? { ok: true, namespace, id: value.toLowerCase() } : { ok: false, problem: `“${value}” is not an email address.` };
    case 'Phone': {
      const phone = normalizePhone(value);
      return phone === undefined
        ? { ok: false, problem: `“${value}” is not a phone number (7 to 15 digits, with its country code).` }
        : { ok: true, namespace, id: phone };
    }
    case 'CRMID':
      return CRMID.test(value)
        ? { ok: true, namespace, id: value.toUpperCase() }
        : ID.test(value)
          ? { ok: true, namespace, id: value }
          : { ok: false, problem: `“${value}” is not an id.` };
    default:
      return ID.test(value)
        ? { ok: true, namespace, id: value }
        : { ok: false, problem: `“${value}” is not an id (letters, digits, “.”, “:”, “_” and “-”).` };
  }
}

function shapeOf(value: string): string | undefined {
  if (value.includes('@')) return 'Email';
  if (ECID.test(value)) return 'ECID';
  if (CRMID.test(value)) return 'CRMID';
  if (PHONE.test(value) && /\d/.test(value)) return 'Phone';
  if (ID.test(value)) return 'CRMID';
  return undefined;
}
