import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { printGatewaySchema } from '../src/graphql';
import { compileComposition, createRecordValidators, loadSchemaRegistry, loadXdmProject } from '../src/xdm';
import { type Measurement, measure, printTable } from './measure';

/** XDM compiler and record validation. */
export function benchXdm(): void {
  const rows: Measurement[] = [];
  rows.push(measure('load + compile the shipped compositions (xdm/)', () => loadXdmProject(), { samples: 7 }));
  const project = loadXdmProject();
  rows.push(measure('print schema.graphql from compiled compositions', () => printGatewaySchema(project.compositions), { samples: 7 }));
  rows.push(measure('compile the Ajv validators of the shipped compositions', () => createRecordValidators(project.compositions), { samples: 5 }));

  const validate = createRecordValidators(project.compositions).get('profile-crm');
  if (validate === undefined) throw new Error('profile-crm composition missing');
  const valid = {
    _id: 'crm-0001',
    identityMap: { Email: [{ id: 'ana@example.com', primary: true }], CRMID: [{ id: 'C-1' }] },
    person: { name: { firstName: 'Ana', lastName: 'Lima' }, birthDate: '1990-04-01' },
    homeAddress: { city: 'Lisbon', country: 'Portugal', postalCode: '1000-001' },
    personalEmail: { address: 'ana@example.com' },
    mobilePhone: { number: '+351910000000' },
    loyalty: { tier: 'gold', points: 1200 },
    extSourceSystemAudit: { lastUpdatedDate: '2026-01-02T10:00:00Z' },
  };
  if (validate(valid).length > 0) throw new Error(`benchmark record is invalid: ${JSON.stringify(validate(valid))}`);
  const invalid = { ...valid, person: { name: { firstName: 7 } }, loyalty: { points: 'many' } };
  rows.push(measure('validate one valid profile-crm record', () => validate(valid), { batch: 20000 }));
  rows.push(measure('validate one invalid profile-crm record (2 violations)', () => validate(invalid), { batch: 20000 }));

  const corpus = join(__dirname, '../../shared/xdm');
  if (existsSync(corpus)) {
    const registry = loadSchemaRegistry([corpus]);
    const event = 'https://ns.adobe.com/xdm/context/experienceevent';
    const fieldGroups = registry.documents().filter((d) => (d.schema['meta:intendedToExtend'] ?? []).includes(event)).map((d) => d.id);
    rows.push(measure('load the adobe/xdm corpus (819 schemas)', () => loadSchemaRegistry([corpus]), { samples: 5 }));
    rows.push(
      measure(`compile experience event + each of its ${fieldGroups.length} field groups`, () => {
        for (const fieldGroup of fieldGroups) compileComposition(registry, { id: 'b', title: 'b', class: event, fieldGroups: [fieldGroup] });
      }, { samples: 5 }),
    );
  }
  printTable('XDM compiler and validation', rows);
}
