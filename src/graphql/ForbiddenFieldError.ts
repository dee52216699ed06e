import type { DataUsageLabel } from '../xdm';
import { GatewayError } from './GatewayError';
import type { GatewayRole } from './GatewayRole';

/**
 * A selected field serves XDM data whose data-usage labels the caller's role
 * may not read. Raised before the operation runs, so nothing of it executes;
 * HTTP 403. `extensions`: `field` (`Type.field`), `labels` (the refused ones),
 * `paths` (the labelled XDM paths the field serves) and `role`.
 *
 * With `derived`, a value derived from such data (a computed value, a PQL
 * text, a membership) refused while the operation runs: the error stands at
 * that value's place in the answer, the rest of the data is served, and
 * `paths` are the labelled paths the value is computed from.
 */
export class ForbiddenFieldError extends GatewayError {
  constructor(field: string, labels: readonly DataUsageLabel[], paths: readonly string[], role: GatewayRole, options: { readonly derived?: boolean } = {}) {
    const noun = labels.length === 1 ? 'label' : 'labels';
    const what = options.derived === true ? `${field} reads ${paths.join(', ')}, carrying` : `field ${field} (${paths.join(', ')}) carries`;
    super('FORBIDDEN_FIELD', `${what} data-usage ${noun} ${labels.join(', ')}, which role '${role}' may not read`, {
      extensions: { field, labels: [...labels], paths: [...paths], role, ...(options.derived === true ? {} : { http: { status: 403 } }) },
    });
    this.name = 'ForbiddenFieldError';
  }
}
