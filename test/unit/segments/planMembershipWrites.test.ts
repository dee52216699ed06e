import { planMembershipWrites, type ProfileEvaluation } from '../../../src/segments';
import type { SegmentMembershipRecord } from '../../../src/store';

const T0 = new Date('2026-11-01T00:00:00Z');
const T1 = new Date('2026-11-10T00:00:00Z');
const NOW = new Date('2026-11-23T12:00:00Z');

function evaluation(profileKey: string, identityKeys: string[], qualifies: Record<string, boolean>): ProfileEvaluation {
  return { profileKey, identityKeys, qualifies: new Map(Object.entries(qualifies)) };
}

function membership(segmentId: string, profileKey: string, identityKeys: string[], status: 'REALIZED' | 'EXITED', at: Date): SegmentMembershipRecord {
  return { segmentId, profileKey, identityKeys, status, lastQualificationTime: at, evaluatedAt: at };
}

describe('planMembershipWrites', () => {
  const keys = ['CRMID:C-1', 'Email:ana@example.com'];

  it('realizes a profile that qualifies for the first time, at the evaluation time', () => {
    const plan = planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: true, churn: false })], [], NOW);
    expect(plan.put).toEqual([membership('gold', 'CRMID:C-1', keys, 'REALIZED', NOW)]);
    expect(plan).toMatchObject({ removeProfileKeys: [], realized: 1, exited: 0 });
  });

  it('writes nothing for a member that still qualifies with the same identities, so a re-run is idempotent', () => {
    const stored = [membership('gold', 'CRMID:C-1', keys, 'REALIZED', T0)];
    expect(planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: true })], stored, NOW)).toEqual({ put: [], removeProfileKeys: [], realized: 0, exited: 0 });
  });

  it('records an exit at the evaluation time, and nothing more while the profile stays out', () => {
    const stored = [membership('gold', 'CRMID:C-1', keys, 'REALIZED', T0)];
    const exit = planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: false })], stored, NOW);
    expect(exit.put).toEqual([membership('gold', 'CRMID:C-1', keys, 'EXITED', NOW)]);
    expect(exit.exited).toBe(1);
    const again = planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: false })], exit.put, new Date(NOW.getTime() + 60_000));
    expect(again.put).toEqual([]);
  });

  it('realizes an exited profile again when it qualifies again', () => {
    const stored = [membership('gold', 'CRMID:C-1', keys, 'EXITED', T1)];
    expect(planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: true })], stored, NOW).put).toEqual([membership('gold', 'CRMID:C-1', keys, 'REALIZED', NOW)]);
  });

  it('keeps the qualification time but updates the identities when the graph grew', () => {
    const stored = [membership('gold', 'CRMID:C-1', ['CRMID:C-1'], 'REALIZED', T0)];
    const plan = planMembershipWrites([evaluation('CRMID:C-1', ['Email:ana@example.com', 'CRMID:C-1'], { gold: true })], stored, NOW);
    expect(plan.put).toEqual([{ ...membership('gold', 'CRMID:C-1', keys, 'REALIZED', T0), evaluatedAt: NOW }]);
    expect(plan.realized).toBe(0);
  });

  it('carries the membership of an absorbed graph over to the merged profile and removes the old one', () => {
    // Ana was profile Email:ana… (a member since T0); a CRM record linked her to CRMID:C-1, now the canonical key.
    const stored = [membership('gold', 'Email:ana@example.com', ['Email:ana@example.com'], 'REALIZED', T0)];
    const plan = planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: true })], stored, NOW);
    expect(plan.put).toEqual([{ ...membership('gold', 'CRMID:C-1', keys, 'REALIZED', T0), evaluatedAt: NOW }]);
    expect(plan.removeProfileKeys).toEqual(['Email:ana@example.com']);
    expect(plan.realized).toBe(0);
  });

  it('carries over memberships of segments it did not evaluate (batch segments during streaming)', () => {
    const stored = [membership('high-value', 'Email:ana@example.com', ['Email:ana@example.com'], 'REALIZED', T0)];
    const plan = planMembershipWrites([evaluation('CRMID:C-1', keys, { gold: false })], stored, NOW);
    expect(plan.put).toEqual([{ ...membership('high-value', 'CRMID:C-1', keys, 'REALIZED', T0), evaluatedAt: NOW }]);
    expect(plan.removeProfileKeys).toEqual(['Email:ana@example.com']);
  });

  it('takes the most recently written of several absorbed memberships', () => {
    const stored = [
      membership('gold', 'Email:ana@example.com', ['Email:ana@example.com'], 'REALIZED', T0),
      membership('gold', 'Phone:+351900000001', ['Phone:+351900000001'], 'EXITED', T1),
    ];
    const plan = planMembershipWrites([evaluation('CRMID:C-1', [...keys, 'Phone:+351900000001'], { gold: true })], stored, NOW);
    expect(plan.put.map((put) => [put.status, put.lastQualificationTime])).toEqual([['REALIZED', NOW]]);
    expect(plan.removeProfileKeys).toEqual(['Email:ana@example.com', 'Phone:+351900000001']);
  });

  it('leaves memberships of other profiles alone, even when they share an identity (a shared device)', () => {
    const stored = [membership('gold', 'CRMID:C-2', ['CRMID:C-2', 'ECID:tablet'], 'REALIZED', T0)];
    const plan = planMembershipWrites([evaluation('CRMID:C-1', ['CRMID:C-1', 'ECID:tablet'], { gold: false })], stored, NOW);
    expect(plan).toEqual({ put: [], removeProfileKeys: [], realized: 0, exited: 0 });
  });

  it('never removes the key of a profile evaluated in the same run', () => {
    const stored = [membership('gold', 'CRMID:C-1', ['CRMID:C-1'], 'REALIZED', T0)];
    const plan = planMembershipWrites(
      [evaluation('CRMID:C-1', ['CRMID:C-1', 'Email:b@example.com'], { gold: true }), evaluation('Email:b@example.com', ['Email:b@example.com'], { gold: true })],
      stored,
      NOW,
    );
    expect(plan.removeProfileKeys).toEqual([]);
  });
});
