// Every built-in provider registers itself when this module loads.
import { registerProviderLoader } from '../registry';
import { registerProviderManifest } from './register-all.manifest';
for (const [name, entry] of Object.entries(registerProviderManifest)) registerProviderLoader(name, entry.load);

export const BUILT_IN = true;
