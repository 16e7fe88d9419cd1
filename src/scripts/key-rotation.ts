import type pg from 'pg';
import type { SecretBox } from '../common/crypto/secret-box.js';

export interface ColumnReport {
  table: string;
  column: string;
  /** values re-encrypted under the current key by this run */
  rotated: number;
  /** values already under the current key */
  current: number;
}

export interface RotationReport {
  columns: ColumnReport[];
  /** rows left untouched because a value could not be opened with any configured key */
  failures: Array<{ table: string; key: string; column: string; error: string }>;
}

type Queryable = Pick<pg.Client, 'query'>;
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const BATCH = 500;

/**
 * Every sealed column of the schema: a text column named `*_sealed` (the convention of every
 * entity holding a secret), with its table's primary key.
 */
export async function sealedColumns(db: Queryable): Promise<Array<{ table: string; pk: string[]; columns: string[] }>> {
  const { rows } = await db.query<{ table: string; column: string; pk: string[] }>(`
    SELECT c.table_name AS table, c.column_name AS column,
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND i.indisprimary) AS pk
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.column_name LIKE '%\\_sealed' AND c.data_type = 'text'
     ORDER BY c.table_name, c.column_name`);
  const byTable = new Map<string, { table: string; pk: string[]; columns: string[] }>();
  for (const r of rows) {
    if (!r.pk?.length) throw new Error(`table ${r.table} has a sealed column but no primary key`);
    const t = byTable.get(r.table) ?? { table: r.table, pk: r.pk, columns: [] };
    t.columns.push(r.column);
    byTable.set(r.table, t);
  }
  return [...byTable.values()];
}

/**
 * Re-encrypts every sealed value under the box's current key (ENCRYPTION_KEY), opening old
 * values with any configured key (ENCRYPTION_KEYS_PREVIOUS). Idempotent: values already under
 * the current key are left as they are. Each batch of rows is one transaction, rows locked.
 */
export async function rotateSealedColumns(db: Queryable, box: SecretBox): Promise<RotationReport> {
  const report: RotationReport = { columns: [], failures: [] };
  for (const { table, pk, columns } of await sealedColumns(db)) {
    const stats = new Map(columns.map((c) => [c, { table, column: c, rotated: 0, current: 0 }]));
    const pkList = pk.map(ident).join(', ');
    let after: unknown[] | null = null;
    for (;;) {
      await db.query('BEGIN');
      try {
        const where: string = after ? `WHERE (${pkList}) > (${pk.map((_, i) => `$${i + 1}`).join(', ')})` : '';
        const { rows }: { rows: Array<Record<string, string | null>> } = await db.query<Record<string, string | null>>(
          `SELECT ${pkList}, ${columns.map(ident).join(', ')} FROM ${ident(table)} ${where}
           ORDER BY ${pkList} LIMIT ${BATCH} FOR UPDATE`,
          after ?? [],
        );
        for (const row of rows) {
          const changes: Array<[string, string]> = [];
          let failed = false;
          for (const column of columns) {
            const sealed = row[column];
            if (sealed == null) continue;
            if (box.keyIdOf(sealed) === box.currentKeyId) {
              stats.get(column)!.current++;
              continue;
            }
            try {
              changes.push([column, box.encrypt(box.decrypt(sealed))]);
            } catch (e) {
              failed = true;
              report.failures.push({ table, key: pk.map((k) => row[k]).join('/'), column, error: (e as Error).message });
            }
          }
          if (failed || changes.length === 0) continue;
          const set = changes.map(([c], i) => `${ident(c)} = $${i + 1}`).join(', ');
          const match = pk.map((k, i) => `${ident(k)} = $${changes.length + i + 1}`).join(' AND ');
          await db.query(`UPDATE ${ident(table)} SET ${set} WHERE ${match}`, [...changes.map(([, v]) => v), ...pk.map((k) => row[k])]);
          for (const [c] of changes) stats.get(c)!.rotated++;
        }
        await db.query('COMMIT');
        if (rows.length < BATCH) break;
        const last: Record<string, string | null> = rows[rows.length - 1];
        after = pk.map((k) => last[k]);
      } catch (e) {
        await db.query('ROLLBACK');
        throw e;
      }
    }
    report.columns.push(...stats.values());
  }
  return report;
}
