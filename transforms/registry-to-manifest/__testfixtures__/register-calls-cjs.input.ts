// Every built-in provider registers itself when this module loads.
import { registerProvider } from '../registry';
import { OpenAIHandler } from './openai';
import { AnthropicHandler } from './anthropic';
import { LocalHandler } from './local';

registerProvider('openai', OpenAIHandler);
registerProvider('anthropic', AnthropicHandler);
registerProvider('local', LocalHandler);

export const BUILT_IN = true;
