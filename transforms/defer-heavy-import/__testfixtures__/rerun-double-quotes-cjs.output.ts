import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { CompletionParams } from "./types";

// lazify: loaded on first use instead of at import.
let loadedClientBedrockRuntime: typeof import("@aws-sdk/client-bedrock-runtime") | undefined, loadClientBedrockRuntime = (): typeof import("@aws-sdk/client-bedrock-runtime") => (loadedClientBedrockRuntime === undefined ? (loadedClientBedrockRuntime = require("@aws-sdk/client-bedrock-runtime")) : loadedClientBedrockRuntime);

const DEFAULT_REGION = "us-east-1";

export class BedrockHandler {
  readonly client: BedrockRuntimeClient;

  constructor(region: string = DEFAULT_REGION) {
    const { BedrockRuntimeClient } = loadClientBedrockRuntime();
    this.client = new BedrockRuntimeClient({ region });
  }

  buildRequest(params: CompletionParams) {
    const { ConverseCommand } = loadClientBedrockRuntime();
    const command = new ConverseCommand({ modelId: params.model, messages: params.messages });
    return command.input;
  }
}
