/**
 * Waits until `done()` holds, checking every 100 ms for up to `timeoutMs`, and returns whether
 * it did. n8n answers some requests before the work they start has finished (activation's
 * subscription, deactivation's teardown), so a test waits for the effect, then asserts it.
 */
export async function until(done: () => boolean, timeoutMs = 60_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() >= deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return true;
}
