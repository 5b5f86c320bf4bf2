import type OpenAI from 'openai';
import { toOpenAIChatBody } from '../utils';
import type { ClientOptions } from 'openai';
import { BaseHandler } from './base';

// lazify: loaded on first use instead of at import.
const loadOpenAI = (): typeof OpenAI => {
  const loaded = require('openai');
  return loaded.__esModule ? loaded.default : loaded;
};

export class OpenAIHandler extends BaseHandler {
  client(options: ClientOptions): OpenAI {
    return new (loadOpenAI())(options);
  }
  body(params: unknown) {
    return toOpenAIChatBody(params);
  }
}
