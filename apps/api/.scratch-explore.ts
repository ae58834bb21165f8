import { createTestDb } from '@kwadrant/db/test';
import { organisations, memberships } from '@kwadrant/db/schema';
import { loadAgreement, settlementInputsFor, loadSettlementContext } from '@kwadrant/db';
import { sql } from 'drizzle-orm';
const h = await createTestDb('seeded');
const db = h.db;
console.log(
  await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      q: organisations.quadrant,
      pop: organisations.population,
    })
    .from(organisations)
    .where(sql`id in ('pra-00002','col-001-001','col-001-002','reg-001','reg-002') or id like 'col-00%'`),
);
console.log(
  await db
    .select()
    .from(memberships)
    .where(sql`member_id in ('pra-00002','col-001-001')`),
);
const a = await loadAgreement(db, 'agr-col-001-001-2025');
console.log(JSON.stringify(a));
const ctx = await loadSettlementContext(db);
let t = performance.now();
for (let i = 0; i < 20; i++) await settlementInputsFor(db, a!, '2025-Q2', ctx);
console.log('ms per inputs', (performance.now() - t) / 20);
console.log(JSON.stringify(await settlementInputsFor(db, a!, '2025-Q2', ctx)).slice(0, 1500));
await h.close();
