// The JavaScript a phone downloads for a page (gzip), next to a bare Next.js page built the same way (same Next,
// same config, same machine). Target: the chat page ships at most 25 kB more than the bare page.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

function build(dir: string): void {
  const result = spawnSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`next build failed in ${dir}:\n${result.stdout}\n${result.stderr}`);
}

/** Gzip bytes of every chunk a route loads first, each compressed as a server would send it. */
function firstLoadGzip(dir: string, route: string): number {
  const stats = JSON.parse(readFileSync(path.join(dir, '.next/diagnostics/route-bundle-stats.json'), 'utf8')) as RouteStats[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`No route ${route} in ${dir}'s build (have: ${stats.map((s) => s.route).join(', ')})`);
  return entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSync(readFileSync(path.join(dir, chunk))).length, 0);
}

/** A bare page: a layout and a heading, inside the repo so it resolves the same node_modules. */
function bareApp(): string {
  const dir = path.resolve('.data/bench-bare');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  copyFileSync('next.config.js', path.join(dir, 'next.config.js'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-bare', private: true }));
  writeFileSync(
    path.join(dir, 'app/layout.jsx'),
    "export default function Layout({ children }) { return <html lang=\"en\"><body>{children}</body></html>; }\n",
  );
  writeFileSync(path.join(dir, 'app/page.jsx'), 'export default function Page() { return <h1>Bare</h1>; }\n');
  return dir;
}

export interface BundleBench {
  bareBytes: number;
  pages: { route: string; bytes: number; overBare: number }[];
  budget: number;
}

export function buildApp(): void {
  build(process.cwd());
}

/** Compares the app's current build (see buildApp) with a freshly built bare page. */
export function benchBundle(routes: readonly string[]): BundleBench {
  const bare = bareApp();
  build(bare);
  const bareBytes = firstLoadGzip(bare, '/');
  const pages = routes.map((route) => {
    const bytes = firstLoadGzip(process.cwd(), route);
    return { route, bytes, overBare: bytes - bareBytes };
  });
  return { bareBytes, pages, budget: 25_000 };
}
