export { CohereProvider } from './providers/cohere.js'
export { OpenAIProvider } from './providers/openai.js'
export type { ChatProvider, ChatRequest } from './types.js'
