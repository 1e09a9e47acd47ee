/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time. */
    NODE_ENV: 'development' | 'production';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** The mini-program appid, when set in a .env file (see README.md). */
    TARO_APP_ID?: string;
    /** API base URL, e.g. "/api" (H5) or "https://api.example.com/api" (weapp); inlined at build time. */
    TARO_APP_API_BASE: string;
    /** H5 map tiles, e.g. "https://tiles.example.cn/{z}/{x}/{y}.png"; empty: no tiles (a plain background). */
    TARO_APP_MAP_TILE_URL?: string;
    /** The tiles' coordinate system: "gcj02" (default; Chinese tile servers) or "wgs84" (OpenStreetMap-style). */
    TARO_APP_MAP_TILE_CRS?: string;
    /** Credit line the tile provider asks for, shown on the map. */
    TARO_APP_MAP_TILE_ATTRIBUTION?: string;
  }
}
