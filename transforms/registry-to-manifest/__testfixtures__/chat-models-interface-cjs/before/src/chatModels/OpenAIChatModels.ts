export const OpenAIChatModels = {
  GPT_4o: 'gpt-4o',
}
