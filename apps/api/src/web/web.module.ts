import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { DevTokenController } from '../auth/dev-token.controller.js';

/** dist/web, built by Vite from apps/web (this file runs from dist/apps/api/src/web). */
export const WEB_ROOT = fileURLToPath(new URL('../../../../web', import.meta.url));

/** Paths the API owns; everything else under / is the dashboard (its router picks the view). */
const API_PATHS = [
  '/graphql',
  '/graphql/{*rest}',
  '/graphql-explorer/{*rest}',
  '/health',
  '/health/{*rest}',
  '/metrics',
  '/auth/{*rest}',
  '/exports/{*rest}',
];

/**
 * The web dashboard on the API's own origin, so it needs no CORS and loads nothing from elsewhere;
 * index.html for every other path (shareable URLs of client-side views). Outside production it
 * also offers the development sign-in (`POST /auth/dev-token`).
 */
@Module({})
export class WebModule {
  static forRoot(options: { production: boolean }): DynamicModule {
    const built = existsSync(WEB_ROOT);
    if (!built) new Logger('Web').warn(`No dashboard at ${WEB_ROOT}: run npm run build`);
    return {
      module: WebModule,
      imports: built
        ? [
            ServeStaticModule.forRoot({
              rootPath: WEB_ROOT,
              exclude: API_PATHS,
              serveStaticOptions: { index: 'index.html', maxAge: 0 },
            }),
          ]
        : [],
      controllers: options.production ? [] : [DevTokenController],
    };
  }
}
