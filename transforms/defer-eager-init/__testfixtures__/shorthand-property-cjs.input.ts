import { createLogger } from 'winston'

export const error = createLogger({ level: 'error' })

export function channels() {
  return {
    // errors go to their own logger
    error,
    level: 1, // default verbosity
  }
}
