import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { gatewayPaths } from './gateway/gateway.openapi.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Patchbay')
    .setDescription(
      'Multi-tenant MCP control plane: register MCP servers, run their tools, watch their status.\n\n' +
        'Errors answer `application/problem+json` (RFC 9457, the `Problem` schema) except on the compatible surfaces, ' +
        'which answer in their own shapes: Letta (`/v1`) `{ detail }`, project-style (`/api/mcp/servers`) `{ success: false, message }`.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://patchbay.dev/license')
    .addServer('/', 'this Patchbay')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'admin key, workspace API key (pbk_...) or OIDC access token' })
    .build();
  const doc = SwaggerModule.createDocument(app, config, { operationIdFactory: (c, m) => `${c.replace(/Controller$/, '')}_${m}` });
  // Routes without @ApiBearerAuth are public (@Public): say so, rather than leave security undefined.
  for (const item of Object.values(doc.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (op && !op.security) op.security = [];
    }
  }
  describeDefaultsInRequestBodies(doc);
  // Routes served outside Nest's router (registered on Fastify directly).
  Object.assign(doc.paths, gatewayPaths());
  return doc;
}

/**
 * Generated clients (openapi-typescript's default `defaultNonNullable`) read a property's `default` as
 * "always present", which is true of answers but makes an optional field required in a request body.
 * In request schemas (`*Dto`), the default is therefore stated in the description instead.
 */
function describeDefaultsInRequestBodies(doc: OpenAPIObject): void {
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if (!name.endsWith('Dto') || !('properties' in schema) || !schema.properties) continue;
    for (const prop of Object.values(schema.properties)) {
      if ('$ref' in prop || prop.default === undefined) continue;
      const note = `Default: \`${JSON.stringify(prop.default)}\`.`;
      prop.description = prop.description ? `${prop.description}. ${note}` : note;
      delete prop.default;
    }
  }
}
