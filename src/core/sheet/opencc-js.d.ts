/** The traditional → simplified build of opencc-js (its own types are reached only through package exports). */
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
