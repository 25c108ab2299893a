export {
  toNodeHandler,
  type FetchHandler,
  type NodeHandler,
  type NodeRequestLike,
  type ToNodeHandlerOptions,
} from './to-node-handler.js';
