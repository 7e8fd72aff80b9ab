import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { listen } from '../../src/http/listen.js';
import { TRANSPORT_LINES } from '../../src/german/speak/lines.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { ConversationFactory } from '../../src/voice/conversation.js';
import { attachLlmWebSocket, type LlmWebSocket, type LlmWebSocketOptions } from '../../src/voice/transport/index.js';

export interface VoiceServer {
  /** `http://127.0.0.1:<port>`; the client maps it to ws://. */
  url: string;
  transport: LlmWebSocket;
  stop(): Promise<void>;
}

export interface VoiceServerOptions extends Omit<LlmWebSocketOptions, 'conversations' | 'logger' | 'metrics' | 'lines'> {
  metrics?: Registry;
  logger?: Logger;
}

/** The transport on a real HTTP server (Hono on node-server, as in production) on a free port. */
export async function startVoiceServer(conversations: ConversationFactory, options: VoiceServerOptions = {}): Promise<VoiceServer> {
  const app = new Hono();
  const listening = await listen(app, 0, '127.0.0.1');
  const { logger, metrics, ...rest } = options;
  const transport = attachLlmWebSocket(listening.server, {
    conversations,
    logger: logger ?? createLogger('silent'),
    lines: TRANSPORT_LINES,
    ...rest,
    ...(metrics ? { metrics } : {}),
  });
  return {
    url: `http://127.0.0.1:${listening.port}`,
    transport,
    stop: async () => {
      await transport.close();
      await listening.close(1_000);
    },
  };
}
