export interface Options {
  loud: boolean;
}

export const DEFAULTS: Options = { loud: false };
