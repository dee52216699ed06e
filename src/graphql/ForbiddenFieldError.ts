import type { DataUsageLabel } from '../xdm';
import { GatewayError } from './GatewayError';
import type { GatewayRole } from './GatewayRole';

/**
 * A selected field serves XDM data whose data-usage labels the caller's role
 * may not read. Raised before the operation runs, so nothing of it executes;
 * HTTP 403. `extensions`: `field` (`Type.field`), `labels` (the refused ones),
 * `paths` (the labelled XDM paths the field serves) and `role`.
 */
export class ForbiddenFieldError extends GatewayError {
  constructor(field: string, labels: readonly DataUsageLabel[], paths: readonly string[], role: GatewayRole) {
    const noun = labels.length === 1 ? 'label' : 'labels';
    super(
      'FORBIDDEN_FIELD',
      `field ${field} (${paths.join(', ')}) carries data-usage ${noun} ${labels.join(', ')}, which role '${role}' may not read`,
      { extensions: { field, labels: [...labels], paths: [...paths], role, http: { status: 403 } } },
    );
    this.name = 'ForbiddenFieldError';
  }
}
