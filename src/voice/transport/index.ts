export { attachLlmWebSocket, type LlmWebSocket, type LlmWebSocketOptions } from './llm-websocket.js';
export { CloseCode } from './close-codes.js';
export * from './frames.js';
