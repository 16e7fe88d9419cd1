#!/usr/bin/env node
/*
 * A small stdio MCP server for tests (plain CommonJS so `node stdio-peer.cjs` runs it without a TS loader).
 * Flags:
 *   --via-launcher         re-spawn itself as a child with inherited stdio and wait (like npx/uvx do)
 *   --crash-once=<file>    the `crash` tool exits the process unless <file> exists (it creates it first)
 *   --start-delay=<ms>     answer nothing for that long first (like `npx -y` downloading the server)
 * Tools: echo, env_keys (names of its environment variables), pid, slow {ms}, crash, spawn_grandchild (returns its pid).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const argv = process.argv.slice(2);
if (argv.includes('--via-launcher')) {
  const rest = argv.filter((a) => a !== '--via-launcher');
  const child = spawn(process.execPath, [__filename, ...rest], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
  return;
}

const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { CallToolRequestSchema, ListToolsRequestSchema } = require('@modelcontextprotocol/sdk/types.js');

const crashFile = (argv.find((a) => a.startsWith('--crash-once=')) || '').slice('--crash-once='.length);
const text = (t) => ({ content: [{ type: 'text', text: String(t) }] });
const grandchildren = [];

const tools = {
  echo: (a) => text(`Echo: ${a.message}`),
  env_keys: () => text(JSON.stringify(Object.keys(process.env).sort())),
  pid: () => text(process.pid),
  slow: (a) => new Promise((r) => setTimeout(() => r(text('done')), Number(a.ms || 1000))),
  crash: () => {
    if (crashFile && fs.existsSync(crashFile)) return text('alive');
    if (crashFile) fs.writeFileSync(crashFile, 'crashed');
    setTimeout(() => process.exit(3), 20);
    return new Promise(() => undefined);
  },
  spawn_grandchild: () => {
    const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    grandchildren.push(g);
    return text(g.pid);
  },
};

const server = new Server({ name: 'patchbay-stdio-peer', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, () => ({
  tools: Object.keys(tools).map((name) => ({ name, inputSchema: { type: 'object' } })),
}));
server.setRequestHandler(CallToolRequestSchema, async (req) => {
  const fn = tools[req.params.name];
  if (!fn) return { ...text(`unknown tool ${req.params.name}`), isError: true };
  return fn(req.params.arguments || {});
});
const startDelay = Number((argv.find((a) => a.startsWith('--start-delay=')) || '').slice('--start-delay='.length)) || 0;
setTimeout(() => server.connect(new StdioServerTransport()), startDelay);
