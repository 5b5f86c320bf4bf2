/**
 * Whether to colour what goes to `stream`: `--color` / `--no-color` decide when given; then
 * FORCE_COLOR (any value but `0` or `false` forces colour, those two turn it off), then NO_COLOR
 * (no-color.org: any non-empty value), then whether the stream is a terminal.
 */
export function colourWanted(flag: boolean | undefined, stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
