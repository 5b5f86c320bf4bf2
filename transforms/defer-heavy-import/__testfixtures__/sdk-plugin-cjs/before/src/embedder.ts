/**
 * Copyright 2025 Example Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import {
  GoogleGenerativeAI,
  type EmbedContentRequest,
} from '@google/generative-ai';
import type { PluginOptions } from './index.js';

export const EMBEDDER_MODELS = ['text-embedding-004', 'embedding-001'] as const;

export async function embed(
  options: PluginOptions,
  text: string,
  model: (typeof EMBEDDER_MODELS)[number] = 'text-embedding-004'
): Promise<number[]> {
  if (!options.apiKey) {
    throw new Error('Please pass in the API key or set GEMINI_API_KEY.');
  }
  const client = new GoogleGenerativeAI(options.apiKey).getGenerativeModel({
    model,
  });
  const request: EmbedContentRequest = {
    content: { role: '', parts: [{ text }] },
  };
  const response = await client.embedContent(request);
  return response.embedding.values;
}
