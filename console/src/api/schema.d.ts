// Generated from openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit.
export interface paths {
    "/.well-known/oauth-protected-resource/mcp/{scopeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gateway protected resource metadata
         * @description RFC 9728 metadata for `/mcp/{scopeId}`, named by the gateway's 401 `WWW-Authenticate: Bearer resource_metadata=...`.
         */
        get: operations["ProtectedResource_metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description The keys of a workspace, without secrets, with `lastUsedAt` and revocation state.
         */
        get: operations["ApiKey_list"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a workspace API key with the given scopes and optional expiry. The secret (`key`, `pbk_...`) is in this answer only; Patchbay stores its hash.
         */
        post: operations["ApiKey_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key stops working at once on every replica.
         */
        delete: operations["ApiKey_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List connector templates
         * @description The catalogue of ready-made server templates; `connectorId` on create names one and `connectorConfig` fills its `configSchema`.
         */
        get: operations["Connector_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream status events
         * @description Server-Sent Events of the caller's workspaces: `status_changed` and `tools_changed` (data: a StatusEventView), comment heartbeats, and replay of what was missed after `Last-Event-ID`.
         */
        get: operations["Events_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List executions
         * @description Records of tool runs from every surface (`via`), newest first, filtered by workspace, server or status.
         */
        get: operations["Execution_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an execution
         * @description One stored tool run by its exec_ id.
         */
        get: operations["Execution_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List MCP servers
         * @description The servers the caller can read, filtered by workspace, project or `status` (connectorStatus).
         */
        get: operations["McpServer_list"];
        put?: never;
        /**
         * Register an MCP server
         * @description Saves a server of the workspace (`workspaceId`). `transport` is inferred from `url` (streamable_http) or `command` (stdio) when absent; `apiKey` without `authType` implies `api_key`. Secrets are stored encrypted and never returned. Nothing is contacted: use `/connect` or `/refresh`.
         */
        post: operations["McpServer_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/detect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Detect transport and auth
         * @description Probes `url`: the transport it speaks and the auth it wants (none, API key, or OAuth with its discovered metadata).
         */
        post: operations["ServerProbe_detect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try a server without saving it
         * @description Takes a create body, connects with it and lists its tools; nothing is stored.
         */
        post: operations["ServerProbe_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an MCP server
         * @description One server, without its secrets (`hasApiKey`, `hasOauthClientSecret`; env and header values masked), with its last known status.
         */
        get: operations["McpServer_get"];
        put?: never;
        post?: never;
        /**
         * Delete an MCP server
         * @description Deletes the server with its tools, credentials and status history; execution records are kept.
         */
        delete: operations["McpServer_remove"];
        options?: never;
        head?: never;
        /**
         * Update an MCP server
         * @description Changes the given fields; `null` clears a nullable one. Changing where or how it connects drops its live connections.
         */
        patch: operations["McpServer_update"];
        trace?: never;
    };
    "/api/mcp-servers/{id}/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test the connection now
         * @description Connects, records the outcome (status and status event) and lists the tools when the catalogue is empty or stale. An OAuth server without a usable token answers `{ authorizationUrl }` for a person to open instead.
         */
        post: operations["Connect_connect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List per-user credentials
         * @description Who has connected their own upstream account to a `per_user` OAuth server: owner, created, expiry and last use. Never a token.
         */
        get: operations["Credentials_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/credentials/{credentialId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Disconnect a per-user credential
         * @description Deletes one person's upstream tokens (their owner or a workspace admin may); their next call asks them to connect again. Other people's credentials are untouched.
         */
        delete: operations["Credentials_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/oauth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Forget the upstream OAuth tokens
         * @description Deletes the server's stored upstream OAuth tokens; `/connect` then offers a new authorization.
         */
        delete: operations["OAuthToken_forget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List prompts
         * @description The server's MCP prompts, asked live.
         */
        get: operations["ServerResources_prompts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/prompts/{name}/get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a prompt
         * @description Renders prompt `name` with `arguments`; the MCP GetPromptResult unchanged.
         */
        post: operations["ServerResources_getPrompt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh the tool list
         * @description Lists the upstream tools now, stores them and answers them with the names added, updated and removed since the last refresh.
         */
        post: operations["Tool_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List resources
         * @description The server's MCP resources, asked live (every page).
         */
        get: operations["ServerResources_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/resources/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a resource
         * @description Reads one resource by `uri`; the MCP ReadResourceResult unchanged.
         */
        get: operations["ServerResources_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/resources/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List resource templates
         * @description The server's MCP resource templates, asked live.
         */
        get: operations["ServerResources_templates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/status-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List status events
         * @description The server's status history (connected, disconnected, error) and tool-list changes, newest first.
         */
        get: operations["StatusEvent_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a server's tools
         * @description The stored tools of the server (as of its last refresh), enabled or not.
         */
        get: operations["Tool_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{id}/tools/{toolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tool
         * @description `toolId` is a tool_ id or the tool's name.
         */
        get: operations["Tool_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Enable or disable a tool
         * @description A disabled tool is refused on every surface (REST, Letta, project-style, gateway) and hidden from gateway lists.
         */
        patch: operations["Tool_update"];
        trace?: never;
    };
    "/api/mcp-servers/{id}/tools/{toolId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a tool
         * @description Calls the tool with `args`, checked against its input schema first (400 naming the field). A tool that reports an error is still a 200 with `status: "error"`; every run is recorded (`GET /api/executions/{id}`).
         */
        post: operations["Tool_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project-style: list servers
         * @description Every server the caller can read, or those of `projectId`.
         */
        get: operations["ProjectServers_list"];
        put?: never;
        /**
         * Project-style: add an MCP server
         * @description Adds a server to the project (`projectId`). `connectionType` defaults to `proxy`: clients reach the server through Patchbay's gateway (`gatewayUrl`); `proxyUrl` (with `proxyAuthToken`, `proxyAuthHeader`) is an optional outbound HTTP proxy for Patchbay's own connection.
         */
        post: operations["ProjectServers_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project-style: get a server
         * @description One server in the project-style shape, secrets masked.
         */
        get: operations["ProjectServers_get"];
        /**
         * Project-style: update a server (PUT)
         * @description Same as PATCH: the given fields change, the others stay.
         */
        put: operations["ProjectServers_replace"];
        post?: never;
        /**
         * Project-style: delete a server
         * @description Deletes the server with its tools and credentials.
         */
        delete: operations["ProjectServers_remove"];
        options?: never;
        head?: never;
        /**
         * Project-style: update a server
         * @description The given fields change, the others stay.
         */
        patch: operations["ProjectServers_update"];
        trace?: never;
    };
    "/api/mcp/servers/{id}/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Project-style: connect
         * @description Tests the connection now; `success: false` with the error when it fails. Lists the tools on the first success.
         */
        post: operations["ProjectServers_connect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Project-style: disconnect
         * @description Closes the live connection (and any child process) and records the server as disconnected.
         */
        post: operations["ProjectServers_disconnect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project-style: list prompts
         * @description The server's prompts, asked live.
         */
        get: operations["ProjectServers_prompts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/prompts/{name}/get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Project-style: get a prompt
         * @description Renders prompt `name` with `arguments`.
         */
        post: operations["ProjectServers_getPrompt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project-style: list resources
         * @description Resources and resource templates, asked live.
         */
        get: operations["ProjectServers_resources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/resources/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project-style: read a resource
         * @description Reads one resource by `uri`.
         */
        get: operations["ProjectServers_readResource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project-style: list tools
         * @description The stored tools of the server.
         */
        get: operations["ProjectServers_tools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/servers/{id}/tools/{toolId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Project-style: run a tool
         * @description Runs a tool through the same path as every surface: a disabled tool is a 409, arguments are checked against its input schema (400 naming the field), and an execution record (surface `project`) is written. Answers the MCP result unchanged.
         */
        post: operations["ProjectServers_runTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oauth-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List MCP clients' grants
         * @description The grants MCP clients hold on the gateway of a workspace (`workspaceId`): client, account, resource, scope, created and last used. Tokens are never shown.
         */
        get: operations["OAuthGrant_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oauth-grants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a grant
         * @description Revokes an MCP client's grant and every token issued under it, at once on every replica. The grant's own account or a workspace admin may revoke it.
         */
        delete: operations["OAuthGrant_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OAuth callback
         * @description Where an upstream authorization server sends the person back (`code`, `state`, or `error`). Public: the one-time `state` identifies the flow. Answers an HTML page; a bad, replayed or expired state is a 400 page, and a denial is recorded on the server as `error`.
         */
        get: operations["OAuthCallback_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description The projects the caller can read, optionally of one workspace (`workspaceId`).
         */
        get: operations["Project_list"];
        put?: never;
        /**
         * Create a project
         * @description Creates a project in the workspace named by `workspaceId`. Projects group servers and are a gateway scope of their own (`/mcp/{proj_id}`).
         */
        post: operations["Project_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a project
         * @description One project by its proj_ id.
         */
        get: operations["Project_get"];
        put?: never;
        post?: never;
        /**
         * Delete a project
         * @description Deletes the project together with its servers, their tools and credentials.
         */
        delete: operations["Project_remove"];
        options?: never;
        head?: never;
        /**
         * Update a project
         * @description Changes the project's name or description.
         */
        patch: operations["Project_update"];
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current session
         * @description Who the cookie (or bearer) is, its scopes and, for a cookie session, its CSRF token and expiry.
         */
        get: operations["Session_current"];
        put?: never;
        /**
         * Sign in to the console
         * @description Exchanges a Patchbay key (admin or workspace key) for a console session: an HttpOnly, SameSite=Strict cookie (Secure over https). Cookie-authenticated unsafe requests must send the returned `csrfToken` in `X-Patchbay-CSRF`. Public; a wrong key is a 401.
         */
        post: operations["Session_create"];
        /**
         * Sign out
         * @description Ends the console session and clears its cookie.
         */
        delete: operations["Session_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workspaces
         * @description The workspaces the caller can read, oldest first, one page at a time.
         */
        get: operations["Workspace_list"];
        put?: never;
        /**
         * Create a workspace
         * @description Creates a workspace; a dashboard user who creates one becomes its owner.
         */
        post: operations["Workspace_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a workspace
         * @description One workspace by its ws_ id; another tenant's workspace is a 404.
         */
        get: operations["Workspace_get"];
        put?: never;
        post?: never;
        /**
         * Delete a workspace
         * @description Deletes the workspace with its projects, servers, tools, keys and execution records.
         */
        delete: operations["Workspace_remove"];
        options?: never;
        head?: never;
        /**
         * Rename a workspace
         * @description Changes the workspace name. Needs the admin scope or role.
         */
        patch: operations["Workspace_update"];
        trace?: never;
    };
    "/api/workspaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List members
         * @description The users of the workspace and their roles.
         */
        get: operations["Workspace_listMembers"];
        put?: never;
        /**
         * Add a member
         * @description Gives a user (by usr_ id) a role in the workspace: owner, admin, member or viewer.
         */
        post: operations["Workspace_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Takes the user out of the workspace; the last owner cannot be removed (409).
         */
        delete: operations["Workspace_removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Sets the role of one member; the last owner cannot be demoted (409).
         */
        patch: operations["Workspace_updateMember"];
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process serves HTTP; no dependency is checked.
         */
        get: operations["Ops_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Checks that the database answers and that no migration is pending; 503 (never 500) otherwise.
         */
        get: operations["Ops_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mcp/{scopeId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a `proj_` or `ws_` id (every enabled tool of the scope, named `<server>__<tool>`) or an `mcp_` id (that server passed through) */
                scopeId: string;
            };
            cookie?: never;
        };
        /**
         * MCP gateway: open a notification stream
         * @description Server-to-client messages as Server-Sent Events: the session's, or `notifications/tools/list_changed` for the scope.
         */
        get: operations["Gateway_stream"];
        put?: never;
        /**
         * MCP gateway: send a message
         * @description The streamable-HTTP MCP endpoint (MCP 2025-03-26 to 2025-11-25, and 2026-07-28), negotiated per request: a request carrying the 2026-07-28 `_meta` envelope (`io.modelcontextprotocol/protocolVersion`, client capabilities; `Mcp-Method`/`Mcp-Name` headers) is answered statelessly without `initialize` (`server/discover`, `subscriptions/listen`, caching hints on lists); anything else as before. Send JSON-RPC requests and notifications; answers JSON, or an SSE stream when the client asked for progress. Every `tools/call` goes through the same checks and records as a REST run. Needs a bearer with the `execute` scope.
         */
        post: operations["Gateway_post"];
        /**
         * MCP gateway: end a session
         * @description Closes the pass-through session named by `Mcp-Session-Id` and its upstream connection.
         */
        delete: operations["Gateway_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description HTTP, tool-run, monitor and gateway metrics. Public unless `METRICS_TOKEN` is set; then it needs `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).
         */
        get: operations["Ops_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/client-metadata.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Patchbay's OAuth client metadata
         * @description The OAuth client ID metadata document Patchbay presents to upstream authorization servers; its own URL is the client_id.
         */
        get: operations["OAuthClientMetadata_clientMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mcp-servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letta: list MCP servers
         * @description Every server of the caller's workspace (or of `X-Project-Id`), as a plain array.
         */
        get: operations["Letta_list"];
        put?: never;
        /**
         * Letta: add an MCP server
         * @description Letta's create: `{ server_name, config: { type | mcp_server_type, ... } }` (or the older flat form). The workspace comes from the API key (or `X-Workspace-Id`), `X-Project-Id` selects a project. The tools are listed at once; an unreachable server is still saved.
         */
        post: operations["Letta_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mcp-servers/connect/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letta: connect (stream)
         * @description Connects to the server and streams the steps, including the OAuth authorization URL when one is needed.
         */
        get: operations["Letta_connect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mcp-servers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letta: get an MCP server
         * @description One server in Letta's shape; secrets masked.
         */
        get: operations["Letta_retrieve"];
        put?: never;
        post?: never;
        /**
         * Letta: delete an MCP server
         * @description Deletes the server with its tools.
         */
        delete: operations["Letta_remove"];
        options?: never;
        head?: never;
        /**
         * Letta: update an MCP server
         * @description Letta's update: `{ server_name?, config: {...} }`; masked values sent back mean unchanged; `token` is the older name of `auth_token`.
         */
        patch: operations["Letta_update"];
        trace?: never;
    };
    "/v1/mcp-servers/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Letta: refresh tools
         * @description Lists the upstream tools now and answers the names added, updated and deleted.
         */
        patch: operations["Letta_refresh"];
        trace?: never;
    };
    "/v1/mcp-servers/{id}/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letta: list tools
         * @description The server's stored tools as Letta Tool objects.
         */
        get: operations["Letta_tools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mcp-servers/{id}/tools/{toolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letta: get a tool
         * @description `tool_id` is a tool_ id or the tool's name.
         */
        get: operations["Letta_tool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mcp-servers/{id}/tools/{toolId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Letta: run a tool
         * @description Runs the tool with `args`; a tool error is a 200 with `status: "error"`. Recorded like every run (`GET /api/executions`).
         */
        post: operations["Letta_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddMemberDto: {
            /** @enum {string} */
            role: "owner" | "admin" | "member" | "viewer";
            /** @example usr_01jd8x3v2qf8g6m3s0y1b4k7ze */
            userId: string;
        };
        ApiKeyPage: {
            data: components["schemas"]["ApiKeyView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        ApiKeyView: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            expiresAt: string | null;
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /** @description the first characters of the secret */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            scopes: ("read" | "write" | "execute" | "admin")[];
            workspaceId: string;
        };
        AuthorizationOfferView: {
            /** @description open in a browser to authorize Patchbay at the upstream; the callback finishes the connection */
            authorizationUrl: string;
        };
        ClientMetadataView: {
            /** @enum {string} */
            application_type: "web";
            client_id: string;
            client_name: string;
            client_uri: string;
            grant_types: string[];
            redirect_uris: string[];
            response_types: string[];
            /** @enum {string} */
            token_endpoint_auth_method: "none";
        };
        ConnectResultView: {
            /** @enum {string} */
            connectorStatus: "connected" | "disconnected" | "error" | "";
            lastError: string | null;
            latencyMs: number | null;
            toolCount: number;
        };
        ConnectorPage: {
            data: components["schemas"]["ConnectorView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        ConnectorView: {
            /** @description JSON Schema of `connectorConfig` */
            configSchema: {
                [key: string]: unknown;
            };
            description: string;
            /** @example github */
            id: string;
            name: string;
            /** @enum {string} */
            transport: "streamable_http" | "sse" | "stdio";
        };
        CreateApiKeyDto: {
            /** Format: date-time */
            expiresAt?: string;
            /** @example ci pipeline */
            name: string;
            /**
             * @example [
             *       "read",
             *       "execute"
             *     ]
             */
            scopes: ("read" | "write" | "execute" | "admin")[];
            /** @example ws_01jd8x3v2qf8g6m3s0y1b4k7ze */
            workspaceId: string;
        };
        CreateMcpServerDto: {
            /** @description write-only */
            apiKey?: string | null;
            args?: string[];
            /** @description Authorization gets "Bearer <apiKey>"; any other header the raw key. Default: `"Authorization"`. */
            authHeader?: string;
            /**
             * @description Default: `"none"`.
             * @enum {string}
             */
            authType?: "none" | "api_key" | "oauth";
            /** @example npx */
            command?: string;
            connectorConfig?: {
                [key: string]: unknown;
            };
            /** @description an id from GET /api/connectors */
            connectorId?: string;
            /**
             * @description OAuth servers: `shared` (default, one upstream token for the workspace) or `per_user` (each caller connects their own account)
             * @enum {string}
             */
            credentialMode?: "shared" | "per_user";
            description?: string | null;
            /** @description Default: `true`. */
            enabled?: boolean;
            /** @description values are secret: stored encrypted, shown masked */
            env?: {
                [key: string]: string;
            };
            /** @description values are secret: stored encrypted, shown masked */
            headers?: {
                [key: string]: string;
            };
            /** @description ms for a whole call, progress included (default 300000) */
            maxTotalTimeout?: number;
            /** @example github */
            name: string;
            oauthAuthorizationEndpoint?: string | null;
            oauthClientId?: string | null;
            /** @description write-only */
            oauthClientSecret?: string | null;
            /** @enum {string} */
            oauthGrant?: "authorization_code" | "client_credentials";
            /** @description leave out the RFC 8707 resource parameter */
            oauthOmitResource?: boolean;
            /** @example read write */
            oauthScopes?: string | null;
            oauthTokenEndpoint?: string | null;
            /** @description a proj_ id of the same workspace */
            projectId?: string | null;
            /** @description ms per upstream request (default 30000) */
            requestTimeout?: number;
            /**
             * @description inferred from url/command when absent
             * @enum {string}
             */
            transport?: "streamable_http" | "sse" | "stdio";
            /** @example https://mcp.example.com/mcp */
            url?: string;
            /** @example ws_01jd8x3v2qf8g6m3s0y1b4k7ze */
            workspaceId: string;
        };
        CreateProjectDto: {
            description?: string;
            /** @example support-bot */
            name: string;
            /** @example ws_01jd8x3v2qf8g6m3s0y1b4k7ze */
            workspaceId: string;
        };
        CreateProjectServerDto: {
            /**
             * @description one string, split like a shell would (quotes, escapes); nothing is executed by a shell
             * @example -y @modelcontextprotocol/server-everything "a b"
             */
            args?: string;
            /** @example npx */
            command?: string;
            /**
             * @description proxy: clients reach the server through Patchbay's MCP gateway (the answer's gatewayUrl); direct: clients use the server's own url. Default: `"proxy"`.
             * @enum {string}
             */
            connectionType?: "direct" | "proxy";
            customHeaders?: components["schemas"]["CustomHeaderDto"][];
            description?: string | null;
            env?: {
                [key: string]: string;
            };
            maxTotalTimeout?: number;
            name: string;
            oauthClientId?: string | null;
            /** @description write-only */
            oauthClientSecret?: string | null;
            /** @example read write */
            oauthScope?: string | null;
            projectId: string;
            /** @description Default: `"Authorization"`. */
            proxyAuthHeader?: string;
            /** @description write-only credential sent to the proxy */
            proxyAuthToken?: string;
            /**
             * @description optional outbound HTTP proxy Patchbay uses to reach the server (any connectionType)
             * @example http://proxy.internal:3128
             */
            proxyUrl?: string;
            requestTimeout?: number;
            /** @enum {string} */
            transportType?: "stdio" | "http" | "sse";
            url?: string;
        };
        CreateSessionDto: {
            /** @description A Patchbay key: the platform admin key or a workspace API key (pbk_...) */
            key: string;
        };
        CreateWorkspaceDto: {
            /** @example Acme */
            name: string;
        };
        CreatedApiKeyView: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            expiresAt: string | null;
            id: string;
            /** @description the secret, shown only in this response */
            key: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /** @description the first characters of the secret */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            scopes: ("read" | "write" | "execute" | "admin")[];
            workspaceId: string;
        };
        CredentialPage: {
            data: components["schemas"]["CredentialView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        CredentialView: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description when the current access token expires (it is refreshed silently)
             */
            expiresAt: string | null;
            /** @example cred_01jd0000000000000000000000 */
            id: string;
            /**
             * Format: date-time
             * @description last use, to the minute
             */
            lastUsedAt: string | null;
            /**
             * @description whose credential it is: a usr_ or key_ id
             * @example usr_01jd0000000000000000000000
             */
            principalId: string;
            /** @enum {string} */
            principalKind: "user" | "api_key" | "admin";
        };
        CustomHeaderDto: {
            name: string;
            value: string;
        };
        DetectDto: {
            /** @example https://mcp.example.com/mcp */
            url: string;
        };
        DetectResultView: {
            /** @enum {string} */
            authType: "none" | "api_key" | "oauth";
            /** @description why nothing MCP was found (unreachable, timeout, not MCP); null when it was */
            error: components["schemas"]["ValidateErrorView"] | null;
            oauth: components["schemas"]["OAuthMetadataView"] | null;
            protocolVersion: string | null;
            /** @description serverInfo from initialize, when it answered */
            serverInfo: {
                [key: string]: unknown;
            } | null;
            /** @enum {string|null} */
            transport: "streamable_http" | "sse" | null;
            url: string;
        };
        ExecutionPage: {
            data: components["schemas"]["ExecutionView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        ExecutionView: {
            args: {
                [key: string]: unknown;
            } | null;
            callerId: string;
            callerKind: string;
            /** Format: date-time */
            createdAt: string;
            durationMs: number;
            errorCode: string | null;
            errorMessage: string | null;
            /** @description the gateway grant (grant_ id) an MCP client called through, if any */
            grantId: string | null;
            id: string;
            projectId: string | null;
            serverId: string;
            serverName: string;
            /** Format: date-time */
            startedAt: string;
            /**
             * @description `running`: started, outcome not yet written (in flight, or written moments after the response); `interrupted`: the replica running it stopped before it finished
             * @enum {string}
             */
            status: "success" | "error" | "interrupted" | "running";
            /**
             * @description the surface the call came through
             * @enum {string}
             */
            surface: "rest" | "letta" | "project" | "aggregate" | "passthrough";
            toolId: string | null;
            toolName: string;
            workspaceId: string;
        };
        FieldErrorView: {
            /**
             * @description the field, dotted for nested ones (`args.count`, `env.TOKEN`)
             * @example workspaceId
             */
            field: string;
            /** @example must be a ws_ id */
            message: string;
        };
        GetPromptDto: {
            /** @description the prompt's arguments (strings) */
            arguments?: {
                [key: string]: string;
            };
        };
        GetPromptResultView: {
            description?: string;
            /** @description MCP prompt messages ({ role, content }) */
            messages: {
                [key: string]: unknown;
            }[];
        };
        HealthLiveView: {
            /** @enum {string} */
            status: "ok";
        };
        HealthReadyView: {
            details: {
                [key: string]: unknown;
            };
            /** @description indicator name -> { status: up | down, ... } */
            error?: {
                [key: string]: unknown;
            };
            /** @description indicator name -> { status: up | down, ... } */
            info?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "ok" | "error" | "shutting_down";
        };
        LettaMcpServerView: {
            /** @description stdio */
            args?: string[];
            auth_header?: string | null;
            /** @description masked when set */
            auth_token?: string | null;
            /** @description stdio */
            command?: string;
            /** @description values masked */
            custom_headers?: {
                [key: string]: string;
            } | null;
            /** @description stdio; values masked */
            env?: {
                [key: string]: string;
            } | null;
            /** @example mcp_01jd8x3v2qf8g6m3s0y1b4k7ze */
            id: string;
            /** @enum {string} */
            mcp_server_type: "stdio" | "sse" | "streamable_http";
            server_name: string;
            /** @description sse and streamable_http */
            server_url?: string;
            /**
             * @description the transport (Letta's newer name for mcp_server_type)
             * @enum {string}
             */
            type: "stdio" | "sse" | "streamable_http";
        };
        LettaRefreshView: {
            added: string[];
            deleted: string[];
            updated: string[];
        };
        LettaRunResultView: {
            agent_state: null;
            /** @description the tool's text; its structured content (an object) when it returned one; the list of content parts (text, image as Letta's ImageContent) when it returned images or other non-text content */
            func_return: string | {
                [key: string]: unknown;
            } | {
                [key: string]: unknown;
            }[];
            sandbox_config_fingerprint: null;
            /** @enum {string} */
            status: "success" | "error";
            stderr: string[];
            stdout: string[];
        };
        LettaToolView: {
            args_json_schema: {
                [key: string]: unknown;
            };
            description: string | null;
            id: string;
            json_schema: {
                [key: string]: unknown;
            };
            metadata_: {
                [key: string]: unknown;
            };
            name: string;
            return_char_limit: number;
            source_type: string;
            tags: string[];
            /** @enum {string} */
            tool_type: "external_mcp";
        };
        McpServerPage: {
            data: components["schemas"]["McpServerView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        McpServerView: {
            args: string[];
            authHeader: string | null;
            /** @enum {string} */
            authType: "none" | "api_key" | "oauth";
            command: string | null;
            connectorConfig: {
                [key: string]: unknown;
            } | null;
            connectorId: string | null;
            /** @enum {string} */
            connectorStatus: "connected" | "disconnected" | "error" | "";
            consecutiveFailures: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** @enum {string} */
            credentialMode: "shared" | "per_user";
            description: string | null;
            enabled: boolean;
            /** @description values masked */
            env: {
                [key: string]: string;
            };
            hasApiKey: boolean;
            hasOauthClientSecret: boolean;
            /** @description values masked */
            headers: {
                [key: string]: string;
            };
            id: string;
            /** Format: date-time */
            lastCheckedAt: string | null;
            /** Format: date-time */
            lastConnectedAt: string | null;
            lastError: string | null;
            lastLatencyMs: number | null;
            maxTotalTimeout: number | null;
            name: string;
            oauthAuthorizationEndpoint: string | null;
            oauthClientId: string | null;
            /** Format: date-time */
            oauthExpiresAt: string | null;
            oauthScopes: string | null;
            oauthTokenEndpoint: string | null;
            projectId: string | null;
            requestTimeout: number | null;
            toolCount: number;
            /** @enum {string} */
            transport: "streamable_http" | "sse" | "stdio";
            /** Format: date-time */
            updatedAt: string;
            url: string | null;
            workspaceId: string;
        };
        MemberPage: {
            data: components["schemas"]["MemberView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        MemberView: {
            /** Format: date-time */
            createdAt: string;
            email: string | null;
            name: string | null;
            /** @enum {string} */
            role: "owner" | "admin" | "member" | "viewer";
            userId: string;
            workspaceId: string;
        };
        OAuthGrantPage: {
            data: components["schemas"]["OAuthGrantView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        OAuthGrantView: {
            /** @description the usr_ or key_ id the client acts as */
            accountId: string;
            clientId: string;
            clientName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example grant_01jd8x3v2qf8g6m3s0y1b4k7ze */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** @description the RFC 8707 resource the tokens are bound to */
            resource: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description the gateway scope: a ws_, proj_ or mcp_ id */
            scopeId: string;
            /**
             * @example [
             *       "execute"
             *     ]
             */
            scopes: string[];
            workspaceId: string;
        };
        OAuthMetadataView: {
            authorizationEndpoint: string | null;
            authorizationServers: string[];
            codeChallengeMethodsSupported: string[];
            issuer: string;
            registrationEndpoint: string | null;
            resource: string;
            scopesSupported: string[];
            supportsClientIdMetadataDocument: boolean;
            supportsDynamicRegistration: boolean;
            tokenEndpoint: string | null;
        };
        Problem: {
            /** @description present when a person must authorize an upstream first (code oauth_authorization_required) */
            authorizationUrl?: string;
            /**
             * @description a stable, machine-readable code
             * @example validation_failed
             */
            code: string;
            /** @example workspaceId must be a ws_ id */
            detail: string;
            /** @description one entry per bad field (validation only) */
            errors?: components["schemas"]["FieldErrorView"][];
            /** @description the request path */
            instance?: string;
            /** @description echoes the x-request-id header */
            requestId?: string;
            /** @example 400 */
            status: number;
            /** @example Bad Request */
            title: string;
            /**
             * @description a URI naming the kind of problem
             * @example https://patchbay.dev/problems/validation-failed
             */
            type: string;
        };
        ProjectConnectAnswer: {
            /** @description status `auth_required`: the OAuth authorization a person must open first */
            authorizationUrl?: string;
            latencyMs?: number | null;
            message: string;
            /** @enum {string} */
            status: "connected" | "disconnected" | "error" | "auth_required";
            success: boolean;
            toolCount?: number;
        };
        ProjectCreatedView: {
            /** @description where MCP clients reach it through Patchbay */
            gatewayUrl: string;
            message: string;
            serverId: string;
            /** @enum {boolean} */
            success: true;
        };
        ProjectMessageView: {
            message: string;
            success: boolean;
        };
        ProjectPage: {
            data: components["schemas"]["ProjectView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        ProjectPromptAnswer: {
            description?: string;
            messages: {
                [key: string]: unknown;
            }[];
            success: boolean;
        };
        ProjectPromptsAnswer: {
            prompts: {
                [key: string]: unknown;
            }[];
            success: boolean;
        };
        ProjectReadResourceAnswer: {
            contents: {
                [key: string]: unknown;
            }[];
            success: boolean;
        };
        ProjectResourcesAnswer: {
            resourceTemplates: {
                [key: string]: unknown;
            }[];
            resources: {
                [key: string]: unknown;
            }[];
            success: boolean;
        };
        ProjectRunAnswer: {
            durationMs: number;
            /** @description exec_ id of the stored execution record */
            executionId: string;
            /** @description the MCP CallToolResult as the server sent it */
            result: {
                [key: string]: unknown;
            };
            /** @description false when the tool answered with isError */
            success: boolean;
        };
        ProjectServerAnswer: {
            message?: string;
            server: components["schemas"]["ProjectServerView"];
            success: boolean;
        };
        ProjectServerListAnswer: {
            servers: components["schemas"]["ProjectServerView"][];
            success: boolean;
        };
        ProjectServerView: {
            /** @description one shell-quoted string */
            args: string;
            command: string | null;
            /**
             * @description proxy: clients reach the server through Patchbay's gateway (`gatewayUrl`); direct: at its own `url`
             * @enum {string}
             */
            connectionType: "direct" | "proxy";
            /** Format: date-time */
            createdAt: string;
            customHeaders: {
                name?: string;
                value?: string;
            }[];
            description: string | null;
            enabled: boolean;
            /** @description values masked */
            env: {
                [key: string]: string;
            };
            /** @description the Patchbay MCP gateway endpoint serving this server */
            gatewayUrl: string;
            hasOauthClientSecret: boolean;
            hasProxyAuthToken: boolean;
            id: string;
            /** Format: date-time */
            lastCheckedAt: string | null;
            lastError: string | null;
            maxTotalTimeout: number | null;
            name: string;
            oauthClientId: string | null;
            oauthScope: string | null;
            projectId: string;
            proxyAuthHeader: string | null;
            /** @description outbound HTTP proxy Patchbay uses to reach the server */
            proxyUrl: string | null;
            requestTimeout: number | null;
            /** @enum {string} */
            status: "connected" | "disconnected" | "error" | "connecting" | "unknown";
            toolCount: number;
            /** @enum {string} */
            transportType: "stdio" | "http" | "sse";
            /** Format: date-time */
            updatedAt: string;
            url: string | null;
            workspaceId: string;
        };
        ProjectToolsAnswer: {
            success: boolean;
            /** @description { id, name, title, description, inputSchema, enabled } */
            tools: {
                [key: string]: unknown;
            }[];
        };
        ProjectView: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            description: string | null;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
            workspaceId: string;
        };
        ProtectedResourceMetadataView: {
            authorization_servers?: string[];
            /**
             * @example [
             *       "header"
             *     ]
             */
            bearer_methods_supported: string[];
            /** @example https://patchbay.example.com/mcp/proj_01jd8x3v2qf8g6m3s0y1b4k7ze */
            resource: string;
            resource_name: string;
            /**
             * @example [
             *       "execute"
             *     ]
             */
            scopes_supported: string[];
        };
        ReadResourceResultView: {
            /** @description MCP resource contents ({ uri, mimeType?, text | blob }) */
            contents: {
                [key: string]: unknown;
            }[];
        };
        RefreshResultView: {
            added: string[];
            data: components["schemas"]["ToolView"][];
            removed: string[];
            updated: string[];
        };
        ResourceListView: {
            /** @description MCP Resource objects, unchanged */
            data: {
                [key: string]: unknown;
            }[];
            nextCursor: string | null;
        };
        RunResultView: {
            /** @description the MCP content blocks, unchanged */
            content: {
                [key: string]: unknown;
            }[];
            durationMs: number;
            /** @description the tool's text output (non-text content as JSON) */
            funcReturn: string;
            /** @description the exec_ id of the stored record */
            id: string;
            /** @enum {string} */
            status: "success" | "error";
            stderr: string[];
            stdout: string[];
            structuredContent?: {
                [key: string]: unknown;
            };
        };
        RunToolDto: {
            /** @description checked against the tool's inputSchema */
            args?: {
                [key: string]: unknown;
            };
        };
        SessionView: {
            /** @description Send as `X-Patchbay-CSRF` on every unsafe request authenticated by the session cookie; null when the caller used a bearer */
            csrfToken?: string | null;
            /** Format: date-time */
            expiresAt?: string | null;
            /** @enum {string} */
            kind: "admin" | "api_key" | "user";
            /** @description Scopes of an API key; all of them for the admin key */
            scopes: ("read" | "write" | "execute" | "admin")[];
            /** @description `admin`, the key_ id, or the usr_ id */
            subject: string;
            /** @description The workspace an API key belongs to */
            workspaceId?: string | null;
        };
        StatusEventPage: {
            data: components["schemas"]["StatusEventView"][];
            nextCursor: string | null;
        };
        StatusEventView: {
            /** Format: date-time */
            at: string;
            /** @description tools_changed: toolCount, toolsHash */
            details?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description status before ("" = never checked); "" for tools_changed
             * @enum {string}
             */
            from: "connected" | "disconnected" | "error" | "";
            /** @description evt_ id; ids sort in creation order */
            id: string;
            /** @enum {string} */
            kind: "status_changed" | "tools_changed";
            /** @description why (the check error), when the server failed */
            reason: string | null;
            serverId: string;
            /**
             * @description status after; "" for tools_changed
             * @enum {string}
             */
            to: "connected" | "disconnected" | "error" | "";
            workspaceId: string;
        };
        ToolPage: {
            data: components["schemas"]["ToolView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        ToolView: {
            annotations: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            enabled: boolean;
            id: string;
            inputSchema: {
                [key: string]: unknown;
            };
            name: string;
            outputSchema: {
                [key: string]: unknown;
            } | null;
            serverId: string;
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
            workspaceId: string;
        };
        UpdateMcpServerDto: {
            /** @description write-only */
            apiKey?: string | null;
            args?: string[];
            /** @description Authorization gets "Bearer <apiKey>"; any other header the raw key. Default: `"Authorization"`. */
            authHeader?: string;
            /**
             * @description Default: `"none"`.
             * @enum {string}
             */
            authType?: "none" | "api_key" | "oauth";
            /** @example npx */
            command?: string;
            connectorConfig?: {
                [key: string]: unknown;
            };
            /** @description an id from GET /api/connectors */
            connectorId?: string;
            /**
             * @description OAuth servers: `shared` (default, one upstream token for the workspace) or `per_user` (each caller connects their own account)
             * @enum {string}
             */
            credentialMode?: "shared" | "per_user";
            description?: string | null;
            /** @description Default: `true`. */
            enabled?: boolean;
            /** @description values are secret: stored encrypted, shown masked */
            env?: {
                [key: string]: string;
            };
            /** @description values are secret: stored encrypted, shown masked */
            headers?: {
                [key: string]: string;
            };
            /** @description ms for a whole call, progress included (default 300000) */
            maxTotalTimeout?: number;
            name?: string;
            oauthAuthorizationEndpoint?: string | null;
            oauthClientId?: string | null;
            /** @description write-only */
            oauthClientSecret?: string | null;
            /** @enum {string} */
            oauthGrant?: "authorization_code" | "client_credentials";
            /** @description leave out the RFC 8707 resource parameter */
            oauthOmitResource?: boolean;
            /** @example read write */
            oauthScopes?: string | null;
            oauthTokenEndpoint?: string | null;
            /** @description a proj_ id of the same workspace */
            projectId?: string | null;
            /** @description ms per upstream request (default 30000) */
            requestTimeout?: number;
            /**
             * @description inferred from url/command when absent
             * @enum {string}
             */
            transport?: "streamable_http" | "sse" | "stdio";
            /** @example https://mcp.example.com/mcp */
            url?: string;
        };
        UpdateMemberDto: {
            /** @enum {string} */
            role: "owner" | "admin" | "member" | "viewer";
        };
        UpdateProjectDto: {
            description?: string | null;
            name?: string;
        };
        UpdateProjectServerDto: {
            /**
             * @description one string, split like a shell would (quotes, escapes); nothing is executed by a shell
             * @example -y @modelcontextprotocol/server-everything "a b"
             */
            args?: string;
            /** @example npx */
            command?: string;
            /**
             * @description proxy: clients reach the server through Patchbay's MCP gateway (the answer's gatewayUrl); direct: clients use the server's own url. Default: `"proxy"`.
             * @enum {string}
             */
            connectionType?: "direct" | "proxy";
            customHeaders?: components["schemas"]["CustomHeaderDto"][];
            description?: string | null;
            env?: {
                [key: string]: string;
            };
            maxTotalTimeout?: number;
            name?: string;
            oauthClientId?: string | null;
            /** @description write-only */
            oauthClientSecret?: string | null;
            /** @example read write */
            oauthScope?: string | null;
            /** @description Default: `"Authorization"`. */
            proxyAuthHeader?: string;
            /** @description write-only credential sent to the proxy */
            proxyAuthToken?: string;
            /**
             * @description optional outbound HTTP proxy Patchbay uses to reach the server (any connectionType)
             * @example http://proxy.internal:3128
             */
            proxyUrl?: string;
            requestTimeout?: number;
            /** @enum {string} */
            transportType?: "stdio" | "http" | "sse";
            url?: string;
        };
        UpdateToolDto: {
            enabled: boolean;
        };
        UpdateWorkspaceDto: {
            name?: string;
        };
        ValidateErrorView: {
            code: string;
            message: string;
        };
        ValidateResultView: {
            capabilities: {
                [key: string]: unknown;
            } | null;
            /** @description for a server that wants authorization: what detect found */
            detected?: components["schemas"]["DetectResultView"];
            error: components["schemas"]["ValidateErrorView"] | null;
            instructions: string | null;
            latencyMs: number;
            /** @description true when Patchbay connected and listed the tools */
            ok: boolean;
            serverInfo: {
                [key: string]: unknown;
            } | null;
            toolCount: number;
            /** @description MCP Tool objects, unchanged */
            tools: {
                [key: string]: unknown;
            }[];
            /** @enum {string} */
            transport: "streamable_http" | "sse" | "stdio";
        };
        WorkspacePage: {
            data: components["schemas"]["WorkspaceView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        WorkspaceView: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            id: string;
            name: string;
            /**
             * @description the caller's role, for dashboard users
             * @enum {string}
             */
            role?: "owner" | "admin" | "member" | "viewer";
            /** Format: date-time */
            updatedAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ProtectedResource_metadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scopeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtectedResourceMetadataView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKey_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
                workspaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKey_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKey_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Connector_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Events_stream: {
        parameters: {
            query?: {
                /** @description only this workspace (default: every workspace the caller can read) */
                workspaceId?: string;
            };
            header?: {
                /** @description resume after this evt_ id */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Execution_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
                workspaceId?: string;
                serverId?: string;
                status?: "success" | "error" | "interrupted" | "running";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Execution_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    McpServer_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
                workspaceId?: string;
                projectId?: string;
                status?: "connected" | "disconnected" | "error" | "unknown";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["McpServerPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    McpServer_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMcpServerDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["McpServerView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerProbe_detect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DetectDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetectResultView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerProbe_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMcpServerDto"];
            };
        };
        responses: {
            /** @description An unreachable or failing server is `ok: false` with the typed error; a bad body is a 400 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateResultView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    McpServer_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["McpServerView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    McpServer_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    McpServer_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMcpServerDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["McpServerView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Connect_connect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectResultView"] | components["schemas"]["AuthorizationOfferView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Credentials_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Credentials_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OAuthToken_forget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerResources_prompts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceListView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerResources_getPrompt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetPromptDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetPromptResultView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Tool_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshResultView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerResources_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceListView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerResources_read: {
        parameters: {
            query: {
                /** @description the resource URI, as listed */
                uri: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadResourceResultView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServerResources_templates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceListView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    StatusEvent_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
                kind?: "status_changed" | "tools_changed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusEventPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Tool_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Tool_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                toolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Tool_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                toolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateToolDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Tool_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                toolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunToolDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResultView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProjectServers_list: {
        parameters: {
            query?: {
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectServerListAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectServerDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectCreatedView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectServerAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectServerDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectServerAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectMessageView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectServerDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectServerAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_connect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_disconnect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectConnectAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_prompts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPromptsAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_getPrompt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetPromptDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPromptAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_resources: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectResourcesAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_readResource: {
        parameters: {
            query: {
                /** @description the resource URI, as listed */
                uri: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectReadResourceAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_tools: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectToolsAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    ProjectServers_runTool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                toolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunToolDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRunAnswer"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        message: string;
                        requestId?: string;
                        /** @enum {boolean} */
                        success: false;
                    };
                };
            };
        };
    };
    OAuthGrant_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
                workspaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthGrantPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OAuthGrant_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OAuthCallback_callback: {
        parameters: {
            query?: {
                error?: string;
                code?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authorization finished */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    Project_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
                workspaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Project_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Project_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Project_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Project_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Session_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Session_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Session_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspacePage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkspaceDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorkspaceDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Workspace_updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ops_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthLiveView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ops_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database is reachable and every migration is applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReadyView"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReadyView"];
                };
            };
        };
    };
    Gateway_stream: {
        parameters: {
            query?: never;
            header?: {
                /** @description the session a pass-through `initialize` opened */
                "Mcp-Session-Id"?: string;
            };
            path: {
                /** @description a `proj_` or `ws_` id (every enabled tool of the scope, named `<server>__<tool>`) or an `mcp_` id (that server passed through) */
                scopeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream of JSON-RPC messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Not a valid MCP request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer; `WWW-Authenticate: Bearer resource_metadata="..."` names the protected resource metadata */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the `execute` scope, or the Origin is not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such scope, or an unknown `Mcp-Session-Id` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Gateway_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description the session a pass-through `initialize` opened */
                "Mcp-Session-Id"?: string;
                "MCP-Protocol-Version"?: string;
            };
            path: {
                /** @description a `proj_` or `ws_` id (every enabled tool of the scope, named `<server>__<tool>`) or an `mcp_` id (that server passed through) */
                scopeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string | number;
                    /** @enum {string} */
                    jsonrpc: "2.0";
                    method?: string;
                    params?: {
                        [key: string]: unknown;
                    };
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The JSON-RPC response, or a stream of messages ending with it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id?: string | number;
                        /** @enum {string} */
                        jsonrpc: "2.0";
                        method?: string;
                        params?: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                    "text/event-stream": string;
                };
            };
            /** @description A notification or response was accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a valid MCP request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer; `WWW-Authenticate: Bearer resource_metadata="..."` names the protected resource metadata */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the `execute` scope, or the Origin is not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such scope, or an unknown `Mcp-Session-Id` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Gateway_endSession: {
        parameters: {
            query?: never;
            header: {
                /** @description the session a pass-through `initialize` opened */
                "Mcp-Session-Id": string;
            };
            path: {
                /** @description a `proj_` or `ws_` id (every enabled tool of the scope, named `<server>__<tool>`) or an `mcp_` id (that server passed through) */
                scopeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is closed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a valid MCP request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer; `WWW-Authenticate: Bearer resource_metadata="..."` names the protected resource metadata */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the `execute` scope, or the Origin is not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such scope, or an unknown `Mcp-Session-Id` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ops_scrape: {
        parameters: {
            query?: never;
            header: {
                authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OAuthClientMetadata_clientMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientMetadataView"];
                };
            };
            /** @description The request is malformed or a field is invalid (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Letta_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaMcpServerView"][];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the server: `type` (or `mcp_server_type`) with `server_url` (sse, streamable_http) or `command` + `args` (stdio) */
                    config: {
                        args?: string[];
                        auth_header?: string | null;
                        auth_token?: string | null;
                        command?: string;
                        custom_headers?: {
                            [key: string]: string;
                        } | null;
                        env?: {
                            [key: string]: string;
                        } | null;
                        /** @enum {string} */
                        mcp_server_type?: "stdio" | "sse" | "streamable_http";
                        server_url?: string;
                        /** @description older name of auth_token */
                        token?: string | null;
                        /** @enum {string} */
                        type?: "stdio" | "sse" | "streamable_http";
                    };
                    server_name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaMcpServerView"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_connect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaMcpServerView"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the server: `type` (or `mcp_server_type`) with `server_url` (sse, streamable_http) or `command` + `args` (stdio) */
                    config?: {
                        args?: string[];
                        auth_header?: string | null;
                        auth_token?: string | null;
                        command?: string;
                        custom_headers?: {
                            [key: string]: string;
                        } | null;
                        env?: {
                            [key: string]: string;
                        } | null;
                        /** @enum {string} */
                        mcp_server_type?: "stdio" | "sse" | "streamable_http";
                        server_url?: string;
                        /** @description older name of auth_token */
                        token?: string | null;
                        /** @enum {string} */
                        type?: "stdio" | "sse" | "streamable_http";
                    };
                    server_name?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaMcpServerView"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaRefreshView"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_tools: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaToolView"][];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_tool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                toolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaToolView"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
    Letta_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                toolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    args?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LettaRunResultView"];
                };
            };
            /** @description Missing or invalid bearer token (`WWW-Authenticate: Bearer`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The bearer is known but lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description No such resource, or it belongs to another workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The request conflicts with the current state (e.g. a duplicate name) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description Rate limit exceeded; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The upstream MCP server failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
            /** @description The upstream MCP server did not answer in time */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code?: string;
                        detail: string | {
                            loc: string[];
                            msg: string;
                            type: string;
                        }[];
                        request_id?: string;
                    };
                };
            };
        };
    };
}
