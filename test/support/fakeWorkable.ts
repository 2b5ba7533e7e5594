/**
 * A fake Workable API on 127.0.0.1 (never the internet) for the suites that need one: GET
 * /subscriptions lists (the credential's test), POST /subscriptions answers an id, DELETE
 * /subscriptions/:id removes it; a call without `Bearer <token>` gets 401. Every call is
 * recorded, so a suite can tell what n8n asked Workable and what it did not.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WorkableCall {
	method: string;
	path: string;
	authorization: string | undefined;
	body: Record<string, unknown> | undefined;
}

const SUBSCRIPTIONS = '/spi/v3/subscriptions';

export function fakeWorkable(token: string) {
	const calls: WorkableCall[] = [];
	const subscriptions = new Map<string, Record<string, unknown>>();
	let next = 9001;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const call: WorkableCall = {
				method: req.method ?? '',
				path: req.url ?? '',
				authorization: req.headers.authorization,
				body: raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined,
			};
			calls.push(call);
			const answer = (status: number, body: unknown) => {
				res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
				res.end(JSON.stringify(body));
			};
			if (call.authorization !== `Bearer ${token}`) return answer(401, { error: 'Not authorized' });
			if (call.method === 'GET' && call.path === SUBSCRIPTIONS)
				return answer(200, {
					subscriptions: [...subscriptions].map(([id, body]) => ({ id: Number(id), ...body })),
				});
			if (call.method === 'POST' && call.path === SUBSCRIPTIONS) {
				const id = String(next++);
				subscriptions.set(id, call.body ?? {});
				return answer(201, { id: Number(id) });
			}
			const match = /^\/spi\/v3\/subscriptions\/(\d+)$/.exec(call.path);
			if (call.method === 'DELETE' && match)
				return subscriptions.delete(match[1]) ? answer(200, {}) : answer(404, {});
			return answer(404, {});
		});
	});
	return {
		calls,
		subscriptions,
		/** Starts listening on a free port; resolves to the API's base URL (the credential's). */
		listen: () =>
			new Promise<string>((resolve) =>
				server.listen(0, '127.0.0.1', () =>
					resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/spi/v3`),
				),
			),
		close: () => {
			server.closeAllConnections();
			return new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A body as Workable sends it: candidate payloads name no event (the trigger adds its Event parameter's). */
export function withoutEventType({ event_type: _added, ...payload }: Record<string, unknown>) {
	void _added;
	return payload;
}
