import { CohereClient, CohereError, CohereTimeoutError } from 'cohere-ai'

import type { ChatProvider, ChatRequest } from '../types.js'

export class CohereProvider implements ChatProvider {
  readonly name = 'cohere'

  constructor(private readonly token: string) {}

  async chat(request: ChatRequest): Promise<string> {
    const client = new CohereClient({ token: this.token })
    try {
      const reply = await client.chat({
        model: request.model,
        message: request.messages.at(-1)?.content ?? '',
      })
      return reply.text
    } catch (error) {
      // Rate limits and timeouts are worth a clear message; anything else is a bug.
      if (error instanceof CohereTimeoutError)
        throw new Error('cohere: timed out')
      if (error instanceof CohereError)
        throw new Error(`cohere: ${error.message}`)
      throw error
    }
  }

  isRetryable(error: unknown): error is CohereError {
    return error instanceof Error && error.name === 'CohereError'
  }
}
