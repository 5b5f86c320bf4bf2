export enum Providers {
  OPENAI = 'openai',
  ANTHROPIC = 'anthropic',
}

export const Models = { MISTRAL: 'mistral' } as const;
