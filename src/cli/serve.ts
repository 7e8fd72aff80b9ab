import { loadConfig } from '../config.js';
import { startService } from '../main.js';
import { wantsHelp, type CliIo } from './io.js';

const HELP = `termin-agent serve

Starts the HTTP and WebSocket server. With no environment set it uses an embedded database under ./.data,
in-process locks, port 8080, and seeds the demo salon on first start. Configuration: see the README.
`;

/** Runs the service until SIGINT/SIGTERM, then shuts down gracefully. */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write(HELP);
    return 0;
  }
  const service = await startService(loadConfig(io.env));
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      service.ctx.logger.info({ signal }, 'signal received');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await service.stop();
  return 0;
}
