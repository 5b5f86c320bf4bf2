import { Anthropic, type MessageParam, type Model } from "@anthropic-ai/sdk";
import { log } from "./log";

export async function ask(model: Model, messages: MessageParam[]): Promise<string> {
	const client = new Anthropic();
	log("asking", model);
	const reply = await client.messages.create({ model, messages, max_tokens: 256 });
	return JSON.stringify(reply.content);
}
