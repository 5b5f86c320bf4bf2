import { BaseHandler } from "./base";

export class AnthropicHandler extends BaseHandler {
  async complete(prompt: string): Promise<string> {
    return `anthropic: ${prompt}`;
  }
}
