// lazify: loaded on first use instead of at import.
let loadedWinston: typeof import('winston') | undefined,
  loadWinston = (): typeof import('winston') =>
    loadedWinston === undefined ? (loadedWinston = require('winston')) : loadedWinston

// lazify: built on first use instead of at import.
const createError = () => loadWinston().createLogger({ level: 'error' })

let errorValue: ReturnType<typeof createError> | undefined

export function getError(): ReturnType<typeof createError> {
  return (errorValue ??= createError())
}

export declare const error: ReturnType<typeof createError>
Object.defineProperty(exports, 'error', { enumerable: true, get: getError })

export function channels() {
  return {
    // errors go to their own logger
    error: getError(),
    level: 1, // default verbosity
  }
}
