import { BaseHandler } from "./base";

export class MistralHandler extends BaseHandler {
  async complete(prompt: string): Promise<string> {
    return `mistral: ${prompt}`;
  }
}
