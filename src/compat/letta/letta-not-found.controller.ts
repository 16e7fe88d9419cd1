import { All, Controller, NotFoundException, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../auth/decorators.js';
import { LettaErrorFilter } from '../compat-error.filter.js';

/**
 * Any other `/v1/...` path: Letta's (FastAPI's) `404 { "detail": "Not Found" }` rather than problem+json, so
 * Letta's client reads the error it expects. Fastify matches the real routes first; public like an unknown route.
 */
@ApiExcludeController()
@UseFilters(LettaErrorFilter)
@Controller('v1')
export class LettaNotFoundController {
  @All('*')
  @Public()
  notFound(): never {
    throw new NotFoundException('Not Found');
  }
}
