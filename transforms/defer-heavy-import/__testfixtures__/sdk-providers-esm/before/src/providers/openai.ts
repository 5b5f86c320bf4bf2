import OpenAI, { type ClientOptions } from 'openai'
import type { ChatCompletionMessageParam } from 'openai/resources'

import { withRetry } from '../retry.js'
import type { ChatProvider, ChatRequest } from '../types.js'

export class OpenAIProvider implements ChatProvider {
  readonly name = 'openai'

  constructor(private readonly options: ClientOptions) {}

  async chat(request: ChatRequest): Promise<string> {
    const client = new OpenAI(this.options)
    const messages: ChatCompletionMessageParam[] = request.messages.map(
      (m) => ({
        role: m.role,
        content: m.content,
      }),
    )
    const reply = await withRetry(() =>
      client.chat.completions.create({ model: request.model, messages }),
    )
    return reply.choices[0]?.message.content ?? ''
  }
}
