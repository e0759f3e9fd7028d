/** TCP stream reassembly (RFC 9293 §3.4): the public surface the capture engine uses. */
export type { ReassemblerOptions, StreamSink } from './types.js';
export { DEFAULT_MAX_OUT_OF_ORDER_SEGMENTS } from './types.js';
export { ReassemblyBudget } from './reassembly-budget.js';
export { MAX_SEQ_JUMP, StreamReassembler } from './stream-reassembler.js';
