import type { Insertable, Updateable } from 'kysely';
import type { Db, StaffUserRow, StaffUsersTable } from '../../db/index.js';

export async function insertUser(db: Db, row: Insertable<StaffUsersTable>): Promise<StaffUserRow> {
  return db.insertInto('staff_users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUserById(db: Db, id: number): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<StaffUserRow[]> {
  return db.selectFrom('staff_users').selectAll().orderBy('name').orderBy('id').execute();
}

export async function updateUser(db: Db, id: number, patch: Updateable<StaffUsersTable>): Promise<void> {
  await db.updateTable('staff_users').set(patch).where('id', '=', id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const r = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
