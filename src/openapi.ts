import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Patchbay')
    .setDescription('Multi-tenant MCP control plane: register MCP servers, run their tools, watch their status.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'admin key, workspace API key (pbk_...) or OIDC access token' })
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (c, m) => `${c.replace(/Controller$/, '')}_${m}` });
}
