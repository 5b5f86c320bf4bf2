import OpenAI from 'openai';
import { toOpenAIChatBody } from '../utils';
import type { ClientOptions } from 'openai';
import { BaseHandler } from './base';

export class OpenAIHandler extends BaseHandler {
  client(options: ClientOptions): OpenAI {
    return new OpenAI(options);
  }
  body(params: unknown) {
    return toOpenAIChatBody(params);
  }
}
