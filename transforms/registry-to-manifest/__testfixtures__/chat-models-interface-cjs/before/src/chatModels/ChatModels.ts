// From any-llm 0.1.26 (src/chatModels/ChatModels.ts): a registry typed by an interface whose
// fields are `typeof` each provider's table, one table listed under two keys, no semicolons.
import { AnthropicChatModels } from './AnthropicChatModels'
import { GoogleChatModels } from './GoogleChatModels'
import { OpenAIChatModels } from './OpenAIChatModels'

interface ChatModelsInterface {
  OpenAI: typeof OpenAIChatModels
  Azure: typeof OpenAIChatModels
  Google: typeof GoogleChatModels
  Anthropic: typeof AnthropicChatModels
}

export const ChatModels: ChatModelsInterface = {
  OpenAI: OpenAIChatModels,
  Azure: OpenAIChatModels,
  Google: GoogleChatModels,
  Anthropic: AnthropicChatModels,
}
