// Loaded with `node --import` into a command the benchmark measures: reports the process's peak resident memory.
process.on('exit', () => process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\n`));
