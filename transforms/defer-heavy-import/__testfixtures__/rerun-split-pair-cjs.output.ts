import type Anthropic from '@anthropic-ai/sdk'
import type { StreamingTextResponse } from 'ai'

// lazify: loaded on first use instead of at import.
let loadedAnthropic: typeof Anthropic | undefined
const loadAnthropic = (): typeof Anthropic => {
  if (loadedAnthropic !== undefined) return loadedAnthropic
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded on first use
  const loaded = require('@anthropic-ai/sdk')
  return (loadedAnthropic = loaded.__esModule ? loaded.default : loaded)
}

// lazify: loaded on first use instead of at import.
let loadedAi: typeof import('ai') | undefined
const loadAi = (): typeof import('ai') =>
  loadedAi === undefined ? (loadedAi = require('ai')) : loadedAi

// lazify: loaded on first use instead of at import.
let loadedGptTokenizer: typeof import('gpt-tokenizer') | undefined,
  loadGptTokenizer = (): typeof import('gpt-tokenizer') =>
    loadedGptTokenizer === undefined ? (loadedGptTokenizer = require('gpt-tokenizer')) : loadedGptTokenizer

export class AnthropicChat {
  private anthropic: Anthropic | undefined

  constructor(apiKey: string) {
    const Anthropic = loadAnthropic()
    this.anthropic = new Anthropic({ apiKey })
  }

  async stream(response: Response): Promise<StreamingTextResponse> {
    const { AnthropicStream, StreamingTextResponse } = loadAi()
    return new StreamingTextResponse(AnthropicStream(response))
  }

  async streamOpenAI(response: Response): Promise<StreamingTextResponse> {
    const { OpenAIStream } = loadAi()
    const { StreamingTextResponse } = loadAi()
    return new StreamingTextResponse(OpenAIStream(response))
  }

  count(text: string): number {
    const { encode } = loadGptTokenizer()
    return encode(text).length
  }
}
