// Types for manifest-url.js (plain CommonJS so webpack.config.js can require it without a TypeScript step).
export declare const DEV_URL: string;
export declare const DEFAULT_PRODUCTION_URL: string;
export declare function productionUrl(value: string | undefined): string;
export declare function rewriteManifest(xml: string, baseUrl: string): string;
