import { ChatOpenAI } from './providers/openai';
import { ChatAnthropic } from './providers/anthropic';
import { ChatMistral } from './providers/mistral';
import { Models, Providers as P } from './names';

export const CHAT_MODELS = {
  [P.OPENAI]: ChatOpenAI,
  [P['ANTHROPIC']]: ChatAnthropic,
  [Models.MISTRAL]: ChatMistral,
};
