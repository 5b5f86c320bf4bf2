import { BaseHandler } from "./base";

export class OpenAIHandler extends BaseHandler {
  async complete(prompt: string): Promise<string> {
    return `openai: ${prompt}`;
  }
}
