// An erasure run at the very moment a mail row is about to be written: after its writer read the
// records it is made from, before the row exists for the erasure to find. The store's own insert
// then writes the row, as it would have.
import type { OutboxRecord } from '../../api/store/types';
import type { TestServer } from './server';

/** An officer takes the structure out of the directory: its data is erased (as when it deletes its account). */
export const eraseStructure = (t: TestServer, id: string, token: string) => async (): Promise<void> => {
  const res = await t.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id }, token);
  if (res.errors) throw new Error(`deleteSupplier: ${JSON.stringify(res.errors)}`);
};

/** Runs `during`; `erase` runs once, just before the first row `matches` is written. Says whether it ran. */
export async function eraseWhenWritten<T>(t: TestServer, matches: (row: OutboxRecord) => boolean, erase: () => Promise<void>, during: () => Promise<T>): Promise<{ result: T; erased: boolean }> {
  const { outbox } = t.server.services.store;
  const insert = outbox.insert.bind(outbox);
  let erased = false;
  outbox.insert = async (row) => {
    if (!erased && matches(row)) {
      erased = true;
      await erase();
    }
    return insert(row);
  };
  try {
    const result = await during();
    return { result, erased };
  } finally {
    outbox.insert = insert;
  }
}
