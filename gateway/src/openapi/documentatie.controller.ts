import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, Publiek } from '@samen/platform';

/** Files of the swagger-ui-dist package the page needs; nothing else from it is served. */
const SWAGGER_UI_FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** The page's own start script: a separate file, because the CSP forbids inline scripts. */
const START_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
`;

// Relative links: the page is /api/v1/documentatie, so they resolve below /api/v1/ also behind
// a proxy that adds a path prefix.
const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samen API – documentatie</title>
<link rel="stylesheet" href="documentatie/swagger-ui.css">
<link rel="icon" type="image/png" href="documentatie/favicon-32x32.png">
</head>
<body>
<noscript>Deze pagina heeft JavaScript nodig. De API-beschrijving zelf staat in <a href="openapi.json">openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
<script src="documentatie/swagger-ui-bundle.js"></script>
<script src="documentatie/start.js"></script>
</body>
</html>
`;

/**
 * The interactive API documentation (Swagger UI), served from the swagger-ui-dist package
 * ourselves: SwaggerModule.setup needs @fastify/static, which cannot be installed beside this
 * @nestjs/swagger. Its CSP is set with the other security headers (http/response-headers.ts).
 */
@ApiExcludeController()
@Publiek()
@Controller('documentatie')
export class DocumentatieController {
  private readonly directory = dirname(require.resolve('swagger-ui-dist/package.json'));
  private readonly cache = new Map<string, Buffer>();

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('start.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  startScript(): string {
    return START_SCRIPT;
  }

  @Get(':bestand')
  file(@Param('bestand') bestand: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const type = Object.hasOwn(SWAGGER_UI_FILES, bestand) ? SWAGGER_UI_FILES[bestand] : undefined;
    if (!type) throw DomainError.notFound('Dit bestand van de documentatie');
    reply.type(type);
    return this.read(bestand);
  }

  private read(name: string): Buffer {
    let content = this.cache.get(name);
    if (!content) {
      content = readFileSync(join(this.directory, name));
      this.cache.set(name, content);
    }
    return content;
  }
}
