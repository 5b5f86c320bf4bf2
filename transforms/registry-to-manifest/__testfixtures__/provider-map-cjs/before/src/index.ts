export { handlerFor, MODEL_PREFIXES } from "./router";
