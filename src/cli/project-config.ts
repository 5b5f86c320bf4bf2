// The config behind every command that takes a project, and the option that names another one.
// The loader (lilconfig; zod only when there is a config) comes with import() in the handler:
// `lazify --help` loads none of it.
import type { LazifyConfig } from '../api/project-config.js';

/** The `--config FILE` option, the same on every command that takes a project. */
export const configOption = {
  type: 'string',
  requiresArg: true,
  describe: 'config file to use instead of lazify.config.{json,js,mjs,cjs} or package.json "lazify" in the project directory',
} as const;

/** The project's config (`--config FILE`, else the one found in `dir`); defaults when it has none. */
export async function projectConfig(dir: string, configFile: string | undefined): Promise<LazifyConfig> {
  const { loadConfig } = await import('../api/project-config.js');
  return loadConfig(dir, { configFile });
}
