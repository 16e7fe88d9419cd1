export * from './oauth.types.js';
export * from './oauth.errors.js';
export * from './client-metadata.js';
export { createAuthorizedFetch } from './authorized-fetch.js';
export { InMemoryOAuthStore } from './in-memory-oauth.store.js';
export type { ResourceDiscovery, AuthorizationServerInfo, EndpointFallback } from './oauth-discovery.js';
export * from './upstream-oauth.service.js';
