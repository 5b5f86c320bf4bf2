// Two clusters and a type: one import per focused module, type modifiers kept.
import { countTokens } from '../utils/tokenization';
import { cost, type Price } from '../utils/pricing';
import { providerFor } from '../utils/provider-lookup';
import { loadEngine } from '../tokenizer-engine';

export function describe(model: string, text: string, price: Price): string {
  loadEngine('x');
  return `${providerFor(model).name}: ${countTokens(text)} tokens, $${cost(model, countTokens(text))} at ${price.input}`;
}
