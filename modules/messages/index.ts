/*
| The messages module's public API. Other modules import only this file
| (`#modules/messages`). Never export Lucid models from here.
*/
export { queueText, queueTexts, type TextToQueue, type Queued } from './services/queue_text.js'
export { TemplateParameterError, fitParam, renderMessage } from './services/render.js'
export { type MessageKind, MESSAGE_KINDS } from './templates.js'
export { scheduleMessagesJobs } from './schedules.js'
