export abstract class BaseHandler {
  abstract complete(prompt: string): Promise<string>;
}
