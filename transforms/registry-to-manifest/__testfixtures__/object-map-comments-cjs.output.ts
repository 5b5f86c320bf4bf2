import { HANDLERS_MANIFEST, withFastProperties } from './router.manifest'

export const HANDLERS = withFastProperties(HANDLERS_MANIFEST, {
  // Claude models
  get 'claude-'() { return HANDLERS_MANIFEST['claude-'].load() },
  /** GPT models */
  get 'gpt-'() { return HANDLERS_MANIFEST['gpt-'].load() }, // the default
})
