import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Cohere } from 'cohere-ai'
import type { ChatCompletion, ChatCompletionChunk } from 'openai'

import { log } from './log'

export async function chat(key: string, messages: Cohere.Message[]): Promise<ChatCompletion> {
  const { OpenAI } = await import('openai')
  const client = new OpenAI({ apiKey: key })
  log(path.join('a', 'b'), await readFile('x'))
  return client.chat.completions.create({ model: 'gpt-4o', messages }) as unknown as ChatCompletion
}

export async function stream(): Promise<ChatCompletionChunk | undefined> {
  const { CohereClient, CohereError } = await import('cohere-ai')
  const c = new CohereClient({ token: 'x' })
  try {
    return await c.chat({ message: 'hi' }) as never
  } catch (e) {
    if (e instanceof CohereError) log(e.message, '')
    return undefined
  }
}
