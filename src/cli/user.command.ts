import { parseArgs } from 'node:util';
import type { Services } from '../app/services.js';
import { ROLES } from '../features/staff/index.js';
import type { Io } from './main.js';
import { PasswordInputError, readNewPassword } from './password-input.js';

const USAGE =
  'Usage: dateline user create --email EMAIL --name NAME --role ROLE | user list | user password --email EMAIL\n' +
  '(the password is read from stdin, first line, or asked for in a terminal)';

export async function userCommand(s: Services, args: string[], io: Io): Promise<number> {
  if (args.some((a) => a === '--password' || a.startsWith('--password='))) {
    io.err(
      'Passwords are never taken on the command line: other users of this machine can read it there, and it stays in your shell history.\n' +
        'Pipe it instead (first line of stdin), e.g. printf "%s\\n" "$PASSWORD" | npx dateline user create …, or run the command in a terminal to be asked.',
    );
    return 2;
  }
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }, strict: true });
  try {
    switch (sub) {
      case 'create': {
        if (!values.email || !values.name || !values.role) {
          io.err(`user create needs --email, --name and --role (one of ${ROLES.join(', ')}).`);
          return 2;
        }
        const password = await readNewPassword(io.stdin, io.err);
        const user = await s.users.create({ email: values.email, name: values.name, role: values.role, password });
        io.out(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
        return 0;
      }
      case 'list': {
        const users = await s.users.list();
        if (users.length === 0) io.out('No staff users. Create one with: npx dateline user create --email EMAIL --name NAME --role admin');
        for (const u of users) {
          io.out(`${u.id}\t${u.email}\t${u.name}\t${u.role}\t${u.active ? 'active' : 'deactivated'}\tlast sign-in ${u.lastLoginAt ?? 'never'}`);
        }
        return 0;
      }
      case 'password': {
        if (!values.email) {
          io.err('user password needs --email EMAIL.');
          return 2;
        }
        const password = await readNewPassword(io.stdin, io.err);
        const user = await s.users.resetPassword(values.email, password);
        io.out(`Changed the password of ${user.email}; their sessions were signed out.`);
        return 0;
      }
      default:
        io.err(USAGE);
        return 2;
    }
  } catch (err) {
    if (err instanceof PasswordInputError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
}
