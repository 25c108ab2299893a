// React's RSC loader for Node, with the two things it expects of the loader before it: a module's source as text
// (Node hands hooks bytes), and a source map asked for by its bare relative name (Node refuses that; an empty
// map does here).
import * as rsc from 'react-server-dom-webpack/node-loader';

const EMPTY_SOURCE_MAP = JSON.stringify({ version: 3, sources: [], names: [], mappings: '' });

export const resolve = rsc.resolve;

export function load(url, context, nextLoad) {
  const loadAsText = async (next, nextContext) => {
    if (!/^[a-z][a-z\d+.-]*:/i.test(next)) return { format: 'json', source: EMPTY_SOURCE_MAP, shortCircuit: true };
    const result = await nextLoad(next, nextContext);
    return result.source && typeof result.source !== 'string' ? { ...result, source: Buffer.from(result.source).toString('utf8') } : result;
  };
  return rsc.load(url, context, loadAsText);
}
