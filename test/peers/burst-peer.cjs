#!/usr/bin/env node
// A raw (no SDK) stdio MCP server whose one tool, `burst`, writes three progress notifications
// and its result in a single write: the shape that exposed the SDK's progress/response race.
'use strict';
let buffer = '';
const send = (...messages) => process.stdout.write(messages.map((m) => JSON.stringify(m) + '\n').join(''));
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, nl).trim();
    buffer = buffer.slice(nl + 1);
    if (!line) continue;
    const msg = JSON.parse(line);
    if (msg.id === undefined) continue; // notifications
    if (msg.method === 'initialize') {
      send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'burst', version: '1' } } });
    } else if (msg.method === 'tools/list') {
      send({ jsonrpc: '2.0', id: msg.id, result: { tools: [{ name: 'burst', inputSchema: { type: 'object' } }] } });
    } else if (msg.method === 'tools/call') {
      const token = msg.params._meta && msg.params._meta.progressToken;
      const progress = [1, 2, 3].map((p) => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: p, total: 3 } }));
      send(...(token === undefined ? [] : progress), { jsonrpc: '2.0', id: msg.id, result: { content: [{ type: 'text', text: 'done' }] } });
    } else {
      send({ jsonrpc: '2.0', id: msg.id, result: {} });
    }
  }
});
