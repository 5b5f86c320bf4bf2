import type { MessageParam, Model } from "@anthropic-ai/sdk";
import { log } from "./log";

// lazify: loaded on first use instead of at import.
let loadedSdk: typeof import("@anthropic-ai/sdk") | undefined,
	loadSdk = (): typeof import("@anthropic-ai/sdk") =>
		loadedSdk === undefined ? (loadedSdk = require("@anthropic-ai/sdk")) : loadedSdk;

export async function ask(model: Model, messages: MessageParam[]): Promise<string> {
	const { Anthropic } = loadSdk();
	const client = new Anthropic();
	log("asking", model);
	const reply = await client.messages.create({ model, messages, max_tokens: 256 });
	return JSON.stringify(reply.content);
}
