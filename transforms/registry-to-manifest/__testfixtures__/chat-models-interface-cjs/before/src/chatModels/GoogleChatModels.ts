export const GoogleChatModels = {
  GEMINI_PRO: 'gemini-pro',
}
