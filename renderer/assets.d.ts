/** Modules the bundler (Vite) provides: stylesheets, and `?url` imports that resolve to a file's URL. */
declare module '*.css';
declare module '*?url' {
  const url: string;
  export default url;
}
