import type { Landscape } from './landscape';

/** The shared password of every demo sign-in (printed by `pnpm start`; never use it outside a demo). */
export const DEMO_PASSWORD = 'kwadrant-demo';

export interface DemoUser {
  email: string;
  name: string;
  role: 'practice' | 'collaborative' | 'region' | 'insurer' | 'admin';
  organisationId: string | null;
  /** What this sign-in is for, shown at start-up. */
  purpose: string;
}

/** One demo sign-in per role, plus a second region board and a second insurer for cross-scope checks. */
export function demoUsers(landscape: Landscape): DemoUser[] {
  const [region1, region2] = landscape.regions;
  const collab = landscape.collaboratives.find((c) =>
    landscape.memberships.some((m) => m.memberId === c.id && m.parentId === region1!.id),
  )!;
  const practice = landscape.practices.find((p) => p.collaborativeId === collab.id)!;
  const lead = [...landscape.marketShares.get(region1!.id)!].sort((a, b) => b[1] - a[1])[0]![0];
  const other = landscape.insurers.find((i) => i.id !== lead)!;
  const users: DemoUser[] = [
    {
      email: 'praktijk@kwadrant.demo',
      name: 'Anne de Vries',
      role: 'practice',
      organisationId: practice.id,
      purpose: practice.name,
    },
    {
      email: 'samenwerking@kwadrant.demo',
      name: 'Jeroen Bakker',
      role: 'collaborative',
      organisationId: collab.id,
      purpose: collab.name,
    },
    {
      email: 'regio@kwadrant.demo',
      name: 'Sanne Jansen',
      role: 'region',
      organisationId: region1!.id,
      purpose: region1!.name,
    },
    {
      email: 'verzekeraar@kwadrant.demo',
      name: 'Mark Visser',
      role: 'insurer',
      organisationId: lead,
      purpose: landscape.insurers.find((i) => i.id === lead)!.name,
    },
    {
      email: 'verzekeraar2@kwadrant.demo',
      name: 'Fatima El Amrani',
      role: 'insurer',
      organisationId: other.id,
      purpose: other.name,
    },
    {
      email: 'beheer@kwadrant.demo',
      name: 'Beheerder',
      role: 'admin',
      organisationId: null,
      purpose: 'administrator',
    },
  ];
  if (region2) {
    users.splice(3, 0, {
      email: 'regio2@kwadrant.demo',
      name: 'Pieter Smit',
      role: 'region',
      organisationId: region2.id,
      purpose: region2.name,
    });
  }
  return users;
}
