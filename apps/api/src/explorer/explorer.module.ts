import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Controller, type DynamicModule, Get, Headers, Module, NotFoundException, Param, Res } from '@nestjs/common';
import { EXPLORER_ASSETS_PATH, explorerAssets, type ExplorerAsset } from './explorer-assets.js';

const gzipped = promisify(gzip);

interface Loaded {
  readonly body: Buffer;
  readonly gzipped: Buffer;
}

/**
 * GET /graphql-explorer/<name>: the scripts and styles of the explorer page (explorer-page.ts),
 * from node_modules and from this folder; any other name is a 404. Files are read (and gzipped)
 * when first asked for and kept in memory. The page asks for versioned addresses, so browsers may
 * keep them for a year.
 */
@Controller(EXPLORER_ASSETS_PATH.slice(1))
export class ExplorerAssetsController {
  private readonly assets = explorerAssets();
  private readonly loaded = new Map<string, Promise<Loaded>>();

  @Get(':name')
  async asset(
    @Param('name') name: string,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`No explorer file ${name}`);
    const loaded = await this.load(name, asset);
    const zipped = /\bgzip\b/i.test(acceptEncoding ?? '');
    const body = zipped ? loaded.gzipped : loaded.body;
    res.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': body.length,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(zipped ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  }

  private load(name: string, asset: ExplorerAsset): Promise<Loaded> {
    let loading = this.loaded.get(name);
    if (!loading) {
      loading = (async () => {
        const body = asset.file ? await readFile(asset.file) : Buffer.from(asset.content ?? '', 'utf8');
        return { body, gzipped: await gzipped(body) };
      })();
      // A failed read is tried again on the next request.
      loading.catch(() => this.loaded.delete(name));
      this.loaded.set(name, loading);
    }
    return loading;
  }
}

/**
 * The GraphQL explorer's files, served only when the landing page is on (GRAPHQL_LANDING_PAGE, on
 * by default outside production); the page itself is Apollo's landing page (explorerLandingPage).
 */
@Module({})
export class ExplorerModule {
  static forRoot(enabled: boolean): DynamicModule {
    return { module: ExplorerModule, controllers: enabled ? [ExplorerAssetsController] : [] };
  }
}

export { explorerLandingPage } from './explorer-page.js';
