import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';

/** `GET /` leads to the web console, which @fastify/static serves under /console/ (see console-static.ts). */
@ApiExcludeController()
@Controller()
export class ConsoleController {
  @Get()
  @Public()
  @Redirect('/console/', 302)
  root(): void {}
}
