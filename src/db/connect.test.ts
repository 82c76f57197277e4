import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './connect.js';

describe('the SQLite statement cache', () => {
  let raw: Sqlite.Database;
  afterEach(() => raw?.close());

  function open(size?: number) {
    raw = new Sqlite(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    return withStatementCache(raw, size);
  }

  it('hands out the same prepared statement for the same SQL, and it gives the same answers', () => {
    const db = open();
    const a = db.prepare('select n from t where n > ?');
    const b = db.prepare('select n from t where n > ?');
    expect(b).toBe(a);
    expect(b.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('select n from t where n > ?').all([2])).toEqual([{ n: 3 }]);
  });

  it('gives a fresh statement while the kept one is still being iterated, so a streamed read is never disturbed', () => {
    const db = open();
    const first = db.prepare('select n from t order by n');
    const iter = first.iterate([]) as IterableIterator<{ n: number }>;
    expect(iter.next().value).toEqual({ n: 1 });
    const second = db.prepare('select n from t order by n');
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...iter].map((r) => r.n)).toEqual([2, 3]);
  });

  it('keeps at most its size, dropping the least recently used', () => {
    const db = open(2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now the most recent
    db.prepare('select 3'); // drops 'select 2'
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('still answers after the schema changes under a kept statement', () => {
    const db = open();
    expect(db.prepare('select * from t where n = ?').all([1])).toEqual([{ n: 1 }]);
    raw.exec('alter table t add column label text');
    expect(db.prepare('select * from t where n = ?').all([1])).toEqual([{ n: 1, label: null }]);
  });
});
