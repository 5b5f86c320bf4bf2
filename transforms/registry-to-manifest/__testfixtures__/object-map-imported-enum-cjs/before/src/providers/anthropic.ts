export class ChatAnthropic { readonly provider = 'anthropic'; }
