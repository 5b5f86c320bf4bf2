export class ChatOpenAI { readonly provider = 'openai'; }
