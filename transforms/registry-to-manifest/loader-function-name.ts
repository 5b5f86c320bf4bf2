// The one naming rule the registry file's rewrite and the register module's loaders share, in a
// module of its own so that neither imports the other (they would close an import cycle).

/** Name of the loader-registering function beside a register function: `registerProvider` -> `registerProviderLoader`. */
export const loaderFunctionName = (registerFunction: string) => `${registerFunction}Loader`;
