import type OpenAI from 'openai';
import { toOpenAIChatBody } from '../utils';
import type { ClientOptions } from 'openai';
import { BaseHandler } from './base';

export class OpenAIHandler extends BaseHandler {
  client(options: ClientOptions): OpenAI {
    return new ((require('openai').__esModule ? require('openai').default : require('openai')) as typeof import('openai').default)(options);
  }
  body(params: unknown) {
    return toOpenAIChatBody(params);
  }
}
