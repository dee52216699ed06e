import { type Identity, identityKey, type IdentityRules } from '../../identity';
import { GatewayError } from '../GatewayError';

/**
 * Checks an `IdentityInput` from a client: a known namespace and a non-empty
 * id. Returns its identity key.
 */
export function identityInputKey(input: Identity, rules: IdentityRules): string {
  if (rules.namespace(input.namespace) === undefined) {
    throw new GatewayError(
      'UNKNOWN_NAMESPACE',
      `identity namespace '${input.namespace}' is not defined; known namespaces: ${rules.namespaceCodes().join(', ')}`,
      { extensions: { namespace: input.namespace } },
    );
  }
  if (input.id.trim() === '') throw new GatewayError('BAD_USER_INPUT', 'identity id must not be empty');
  return identityKey(input);
}
