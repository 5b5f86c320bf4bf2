export class ChatMistral { readonly provider = 'mistral'; }
