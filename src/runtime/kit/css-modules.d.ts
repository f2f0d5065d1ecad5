// Vite's `?inline` CSS imports: the stylesheet's text, to inject at run time.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
