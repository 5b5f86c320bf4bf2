import type { CachedContent } from '@google/generative-ai';
import {
  GoogleAICacheManager,
  type CachedContentCreateParams,
} from '@google/generative-ai/server';

/** Looks up the cache entry for these contents, creating it when there is none. */
export async function handleContextCache(
  apiKey: string,
  params: CachedContentCreateParams
): Promise<CachedContent> {
  const cacheManager = new GoogleAICacheManager(apiKey);
  const { cachedContents = [] } = await cacheManager.list();
  const found = cachedContents.find(
    (entry) => entry.displayName === params.displayName
  );
  return found ?? (await cacheManager.create(params));
}
