export interface ChatRequest {
  model: string
  messages: Array<{ role: 'user' | 'assistant' | 'system'; content: string }>
}

export interface ChatProvider {
  readonly name: string
  chat(request: ChatRequest): Promise<string>
}
