// Stand-in for the `server-only` marker package under vitest: tests run server code directly.
export {};
