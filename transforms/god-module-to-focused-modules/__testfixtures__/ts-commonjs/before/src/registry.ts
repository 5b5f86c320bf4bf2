import { AlphaProvider } from './providers/alpha';

export interface ProviderInfo {
  name: string;
  create(): AlphaProvider;
}

const providers: Record<string, ProviderInfo> = { small: { name: 'alpha', create: () => new AlphaProvider() } };

export function lookupProvider(model: string): ProviderInfo {
  const info = providers[model];
  if (!info) throw new Error(`unknown model ${model}`);
  return info;
}
