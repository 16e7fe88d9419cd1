/** Real MCP peers for tests: server-everything on every transport, and small purpose-built servers. */
export { startEverything, EVERYTHING_BIN, type EverythingPeer, type EverythingTransport } from './everything.js';
export { startHttpPeer, type HttpPeer, type HttpPeerOptions, type PeerTool, type PeerToolContext } from './http-peer.js';
export { freePort, waitForPort, pidAlive, waitForPidGone } from './free-port.js';
export { STDIO_PEER, stdioPeerTarget } from './stdio-peer.js';
