export type { TaggerConfig } from './config.js';
export { ArticleTooLargeError, InvalidInputError, InvalidOptionsError } from './errors.js';
export type { PublicStage, TagOptions } from './options.js';
export { PUBLIC_STAGES } from './options.js';
export {
  PRELOAD_DATASETS,
  type PreloadDataset,
  type PreloadOptions,
  type PreloadTimes,
  preload,
} from './preload.js';
export * from './schema.js';
export type { Tagger } from './tagger.js';
export { createTagger, tagArticle } from './tagger.js';
export { type TopicModel, type TrainExample, type TrainOptions, trainTopics } from './topics/train.js';
export { DATA_VERSION, PACKAGE_VERSION } from './version.js';
