import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Scope } from './api-keys/api-key.entity.js';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'patchbay:isPublic';
export const REQUIRED_SCOPE = 'patchbay:scope';

/** Opts a route out of bearer auth. Every route declares either this or @RequireScope. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The scope a bearer needs for this route (admin keys and owners hold all). */
export const RequireScope = (scope: Scope): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPE, scope);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a public route');
  return req.principal;
});
