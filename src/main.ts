/** Process entry: load config → start the server. Nothing else (the CLI's `serve` does the same). */
import { loadConfig } from './config/index.js';
import { startServer, stopOnSignals } from './app/server.js';

const config = loadConfig(process.env);
const server = await startServer(config);
stopOnSignals(server, (msg) => server.app.server.log.info(msg));
