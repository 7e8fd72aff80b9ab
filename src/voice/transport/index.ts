export { attachLlmWebSocket, type LlmWebSocket, type LlmWebSocketOptions } from './llm-websocket.js';
export {
  CallRegistry, DEFAULT_CALL_DETAILS_TIMEOUT_MS, DEFAULT_GRACE_MS, DEFAULT_HANG_UP_CLOSE_MS, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_SPEECH_MS_PER_CHAR, DEFAULT_SUPERSEDE_WAIT_MS,
  DEFAULT_TURN_TIMEOUT_MS, type CallRegistryOptions,
} from './call-registry.js';
export { CallSession, type CallSessionOptions } from './call-session.js';
export type { TransportLines } from './run-turn.js';
export { CloseCode } from './close-codes.js';
export { createTransportMetrics, type TransportMetrics, type TurnKind, type TurnOutcome } from './transport-metrics.js';
export * from './frames.js';
