/**
 * `dateline` command line. Each command loads the config, does one job and
 * returns an exit code; failures print a clear message (never a stack trace
 * unless LOG_LEVEL=debug) and exit non-zero.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/index.js';
import { migrateToLatest } from '../db/index.js';
import { isAppError } from '../lib/errors.js';
import { openStore, startServer, stopOnSignals } from '../app/server.js';
import { runWithServices } from './context.js';
import { exportCommand, importCommand } from './archive.command.js';
import { tokenCommand } from './token.command.js';
import { demoCommand } from './demo.command.js';
import { searchCommand } from './search.command.js';
import { userCommand } from './user.command.js';
import { wireCommand } from './wire.command.js';
import type { Stdin } from './password-input.js';

export const USAGE = `Usage: dateline <command> [options]

Commands:
  serve                         start the server (default: http://127.0.0.1:3000)
  migrate                       apply database migrations and exit
  demo [--force]                load the demo newspaper (refuses a database with content unless --force adds to it)
  token create --name NAME [--role ROLE]
                                create an API token for the admin API (printed once)
  token list                    list tokens (never the secrets)
  token revoke (--name NAME | --id ID)
                                revoke tokens
  user create --email EMAIL --name NAME --role ROLE
                                create a staff account (password: first line of stdin, or asked in a terminal)
  user list                     list staff accounts
  user password --email EMAIL   set a new password (same input rule) and sign that person out everywhere
  export FILE                   write all content and media to one archive (.tar.gz)
  import FILE [--replace]       load an archive into an empty database (--replace: wipe content first)
  search reindex                rebuild the search index (batched; the site can keep serving)
  wire ingest PATH… [--source ID | --agency NAME]
                                ingest wire files or folders once (skips processed/ and quarantine/); exit 1 if any is refused
  help                          show this help

Configuration comes from the environment (PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, LOG_LEVEL, SEED_DEMO);
see README.md.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Where secrets (passwords) are read from; never argv. */
  stdin?: Stdin;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  // A getter: touching process.stdin opens it, which only commands that read a password should do.
  get stdin() {
    return process.stdin;
  },
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command = 'help', ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  try {
    switch (command) {
      case 'serve': {
        parseArgs({ args: rest, options: {}, strict: true });
        const server = await startServer(config);
        stopOnSignals(server, (msg) => server.app.server.log.info(msg));
        return await new Promise<number>(() => undefined); // runs until a signal stops the process
      }
      case 'migrate': {
        parseArgs({ args: rest, options: {}, strict: true });
        const store = await openStore(config);
        try {
          const { applied } = await migrateToLatest(store.db, store.dialect);
          io.out(applied.length ? `Applied ${applied.join(', ')} on ${store.describe}.` : `Database ${store.describe} is up to date.`);
        } finally {
          await store.close();
        }
        return 0;
      }
      case 'demo':
        return await runWithServices(config, (s) => demoCommand(s, rest, io));
      case 'token':
        return await runWithServices(config, (s) => tokenCommand(s, rest, io));
      case 'user':
        return await runWithServices(config, (s) => userCommand(s, rest, io));
      case 'export':
        return await runWithServices(config, (s) => exportCommand(s, rest, io));
      case 'import':
        return await runWithServices(config, (s) => importCommand(s, rest, io));
      case 'search':
        return await runWithServices(config, (s) => searchCommand(s, rest, io));
      case 'wire':
        return await runWithServices(config, (s) => wireCommand(s, rest, io));
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        io.err(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    return reportFailure(err, io, config);
  }
}

function reportFailure(err: unknown, io: Io, config: Config): number {
  if (isAppError(err)) {
    io.err(`Error (${err.code}): ${err.message}`);
    return 1;
  }
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`${String(e.message)}\n\n${USAGE}`);
    return 2;
  }
  io.err(`Error: ${err instanceof Error ? err.message : String(err)}`);
  if (config.logLevel === 'debug' || config.logLevel === 'trace') io.err(err instanceof Error ? (err.stack ?? '') : '');
  return 1;
}
