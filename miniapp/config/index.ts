import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import prodConfig from './prod';

/** The workspace package @bangfu/shared ships TypeScript source; compile it like our own. */
const sharedSource = path.resolve(__dirname, '../../shared/src');

/**
 * Where the API lives. H5 is served same-origin by the local server under /api;
 * a mini-program may only call HTTPS domains on its WeChat allow-list, so the
 * weapp default is a deliberate placeholder that must be overridden for a real build.
 * Set TARO_APP_API_BASE in the shell or in miniapp/.env.<mode> (see README.md).
 */
const DEFAULT_API_BASE: Record<string, string> = {
  h5: '/api',
  weapp: 'https://api.example.com/api',
};
const apiBase = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE[process.env.TARO_ENV ?? ''] || DEFAULT_API_BASE.weapp;

/**
 * The H5 job map's tiles (WeChat draws its own map). Empty by default: the map then shows
 * jobs and places on a plain background, which also works offline. The URL is a
 * Leaflet template such as https://tiles.example.cn/{z}/{x}/{y}.png; TARO_APP_MAP_TILE_CRS
 * says whether those tiles are drawn in gcj02 (the default: AutoNavi, Tencent) or wgs84
 * (OpenStreetMap-style). The server's CSP allows images from any https: origin.
 */
const mapTiles = {
  TARO_APP_MAP_TILE_URL: JSON.stringify(process.env.TARO_APP_MAP_TILE_URL ?? ''),
  TARO_APP_MAP_TILE_CRS: JSON.stringify(process.env.TARO_APP_MAP_TILE_CRS === 'wgs84' ? 'wgs84' : 'gcj02'),
  TARO_APP_MAP_TILE_ATTRIBUTION: JSON.stringify(process.env.TARO_APP_MAP_TILE_ATTRIBUTION ?? ''),
};

/**
 * NutUI's stylesheets are drawn for a 375-wide design, ours for 750. Leaflet's sheet is in
 * CSS pixels and its JavaScript positions things in CSS pixels too: 375 keeps the two together.
 */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input !== null ? input.file : undefined;
  const path = file?.replace(/\\+/g, '/');
  if (path && (path.includes('@nutui') || path.includes('/leaflet/'))) return 375;
  return 750;
}

/** Webpack resolves the ".js" suffix of shared's ESM imports to the ".ts" source. */
const extensionAlias = { '.js': ['.ts', '.tsx', '.js'] };

/**
 * npm keeps some packages (e.g. @tarojs/plugin-framework-react, whose peer range
 * clashes with the root's vite) in miniapp/node_modules, where packages hoisted
 * to the root node_modules cannot see them. Look there as a fallback.
 */
const ownModules = path.resolve(__dirname, '../node_modules');

type Chain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['h5']>['webpackChain']>>[0];
function tuneResolve(chain: Chain): void {
  chain.resolve.set('extensionAlias', extensionAlias);
  chain.resolve.modules.add('node_modules').add(ownModules);
  // shared's modules only declare things, so a module none of whose exports are used can be
  // left out: `import { formatYuan } from '@bangfu/shared'` then brings money.ts, not zod.
  chain.module.rule('shared-side-effect-free').test(sharedSource).set('sideEffects', false);
}

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'bangfu',
    date: '2025-11-22',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      ...mapTiles,
    },
    defineConstants: {},
    // WeChat's <Map> draws markers from image files in the package (a few hundred bytes each).
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/assets/map/', to: 'dist/weapp/assets/map/' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: tuneResolve,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSource] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: tuneResolve,
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
