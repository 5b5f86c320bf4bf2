import { AnthropicHandler } from './providers/anthropic'
import { OpenAIHandler } from './providers/openai'

export const HANDLERS = {
  // Claude models
  'claude-': AnthropicHandler,
  /** GPT models */
  'gpt-': OpenAIHandler, // the default
}
