import { parseArgs } from 'node:util';
import type { Services } from '../app/services.js';
import type { Io } from './main.js';

export async function tokenCommand(s: Services, args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
    strict: true,
  });
  switch (sub) {
    case 'create': {
      if (!values.name) {
        io.err('token create needs --name NAME (e.g. --name "wire importer").');
        return 2;
      }
      const { token, record } = await s.tokens.create({ name: values.name, ...(values.role && { role: values.role }) });
      io.err(`Created token "${record.name}" (role ${record.role}, id ${record.id}). Store it now: it is not shown again.`);
      io.out(token);
      return 0;
    }
    case 'list': {
      const tokens = await s.tokens.list();
      if (tokens.length === 0) io.out('No tokens.');
      for (const t of tokens) {
        io.out(`${t.id}\t${t.name}\t${t.role}\t${t.prefix}…\tcreated ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}`);
      }
      return 0;
    }
    case 'revoke': {
      if (!values.name && !values.id) {
        io.err('token revoke needs --name NAME or --id ID.');
        return 2;
      }
      const id = values.id !== undefined ? Number(values.id) : undefined;
      if (id !== undefined && !Number.isSafeInteger(id)) {
        io.err(`--id must be a number, got "${values.id ?? ''}".`);
        return 2;
      }
      const n = await s.tokens.revoke(id !== undefined ? { id } : { name: values.name ?? '' });
      io.out(`Revoked ${n} token${n === 1 ? '' : 's'}.`);
      return 0;
    }
    default:
      io.err('Usage: dateline token create --name NAME [--role ROLE] | token list | token revoke (--name NAME | --id ID)');
      return 2;
  }
}
