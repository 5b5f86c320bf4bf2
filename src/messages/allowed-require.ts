// The messages of the lint step's `allowed` diagnostics, in a module of their own so that the
// reporters can tell the two kinds apart without loading the lint step (plan and analyze load no verify stage).

/** A generated require line, allowed by the directive lazify put above it. */
export const REQUIRE_ALLOWED = 'a generated require() is allowed by the eslint-disable-next-line comment above it, which says why';

/** A whole file lazify writes (a manifest), allowed by a directive under its header. */
export const WHOLE_FILE_ALLOWED = 'the file lazify writes allows require() in an eslint-disable comment under its header';
