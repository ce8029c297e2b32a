// What the introductions' functions reach: the store and matcher, the mail queue, and the links' signer.
import type { Config } from '../config';
import type { DirectoryDeps } from '../directory';
import type { LinkSigner } from '../links';
import type { OutboxWorker } from '../mail';
import type { Store } from '../store/types';

export interface IntroductionDeps extends DirectoryDeps {
  readonly config: Config;
  readonly outbox: OutboxWorker;
  readonly links: LinkSigner;
  readonly publicUrl: string;
}

/** Reading the introductions made: the store only. */
export interface StoreDeps {
  readonly store: Store;
}
