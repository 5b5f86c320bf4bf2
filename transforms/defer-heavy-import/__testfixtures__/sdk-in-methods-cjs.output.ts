import type OpenAI from 'openai';
import { toOpenAIChatBody } from '../utils';
import type { ClientOptions } from 'openai';
import { BaseHandler } from './base';

// lazify: loaded on first use instead of at import.
let loadedOpenAI: typeof OpenAI | undefined, loadOpenAI = (): typeof OpenAI => {
  if (loadedOpenAI !== undefined) return loadedOpenAI;
  const loaded = require('openai');
  return (loadedOpenAI = loaded.__esModule ? loaded.default : loaded);
};

export class OpenAIHandler extends BaseHandler {
  client(options: ClientOptions): OpenAI {
    const OpenAI = loadOpenAI();
    return new OpenAI(options);
  }
  body(params: unknown) {
    return toOpenAIChatBody(params);
  }
}
