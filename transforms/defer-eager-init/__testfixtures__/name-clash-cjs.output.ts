// lazify: loaded on first use instead of at import.
let loadedRedis: typeof import('redis') | undefined,
  loadRedis = (): typeof import('redis') =>
    loadedRedis === undefined ? (loadedRedis = require('redis')) : loadedRedis;

// The generated factory would be named createClient too: it must not shadow the import.
// lazify: built on first use instead of at import.
const createClient2 = () => loadRedis().createClient({ url: process.env.REDIS_URL });

let clientValue: ReturnType<typeof createClient2> | undefined;

function getClient(): ReturnType<typeof createClient2> {
  return (clientValue ??= createClient2());
}

export function ping(): Promise<string> {
  return getClient().ping();
}
