export const AnthropicChatModels = {
  CLAUDE_3_OPUS: 'claude-3-opus-20240229',
}
