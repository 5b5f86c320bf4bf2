export { ChatModels } from './chatModels/ChatModels'
