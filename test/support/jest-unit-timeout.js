// The unit project's test timeout. Jest 29 reads `testTimeout` for the whole run only (the
// e2e suite's 900 s, for cases that drive a real n8n); a unit test or hook still running after
// this long is hung, and says so now rather than 15 minutes later. Generous for a busy 2-core
// machine: the slowest unit cases (property runs, starting a redis-server) take seconds.
jest.setTimeout(60_000);
