#!/usr/bin/env node
// npm run simulate -- <vendor> <event> --url <webhook-url> [--secret S] [--count N]
//                     [--concurrency C] [--tamper] [--list]
// Sends correctly signed sample events (the vendors' documented examples, fresh ids and
// timestamps) to any webhook URL and prints each HTTP answer.
'use strict';
const {
	credentialsFor,
	exampleTypes,
	pool,
	post,
	registry,
	sampleEvent,
	signedRequest,
} = require('./signing');

function parse(argv) {
	const args = { positional: [], count: 1, concurrency: 1, tamper: false, list: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--url') args.url = argv[++i];
		else if (arg === '--secret') args.secret = argv[++i];
		else if (arg === '--count') args.count = Number(argv[++i]);
		else if (arg === '--concurrency') args.concurrency = Number(argv[++i]);
		else if (arg === '--tamper') args.tamper = true;
		else if (arg === '--list') args.list = true;
		else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
		else args.positional.push(arg);
	}
	return args;
}

async function main() {
	const args = parse(process.argv.slice(2));
	if (args.list || args.positional.length < 2 || !args.url) {
		const { vendorList } = registry();
		console.log(
			'usage: npm run simulate -- <vendor> <event> --url <webhook-url> [--secret S] [--count N] [--concurrency C] [--tamper]',
		);
		for (const vendor of vendorList) {
			console.log(`  ${vendor.key}: ${exampleTypes(vendor.key).join(', ')}`);
		}
		process.exitCode = args.list ? 0 : 2;
		return;
	}
	const [vendorKey, eventType] = args.positional;
	const secret = args.secret ?? process.env.ATS_WEBHOOK_SECRET ?? 'change-me';
	const credentials = credentialsFor(vendorKey, secret);
	const runStamp = Date.now();
	const results = await pool(args.count, Math.max(1, args.concurrency), async (index) => {
		const body = sampleEvent(vendorKey, eventType, index, runStamp + index);
		const result = await post(
			args.url,
			signedRequest(vendorKey, body, credentials, { tamper: args.tamper }),
		);
		console.log(
			`#${index + 1} ${result.status} ${result.ms.toFixed(1)}ms ${result.body.slice(0, 200)}`,
		);
		return result;
	});
	const ok = results.filter((r) => r.status >= 200 && r.status < 300).length;
	console.log(`${ok}/${results.length} answered 2xx`);
}

main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});
