// Bounded waiting for things that happen in the background (the outbox worker): poll, never sleep blindly.
// That something did NOT happen is shown otherwise: move the server's clock, run what is due
// (t.runDue(), t.server.sweepNow()), then look.

/** Resolves with the first truthy value `probe` gives; fails after `timeoutMs` saying what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
