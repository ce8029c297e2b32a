import { randomUUID } from 'node:crypto';

/** A new document id: random, so ids reveal nothing about volumes or order. */
export const newId = (): string => randomUUID();
