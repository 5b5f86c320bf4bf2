import { createClient } from 'redis';

// The generated factory would be named createClient too: it must not shadow the import.
const client = createClient({ url: process.env.REDIS_URL });

export function ping(): Promise<string> {
  return client.ping();
}
