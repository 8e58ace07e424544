/** Office's theme (light, dark, colourful) mapped onto Fluent UI v9's web themes. */
import { type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export function themeFor(bodyBackground: string | undefined, prefersDark: boolean): Theme {
  if (bodyBackground) return luminance(bodyBackground) < 0.5 ? webDarkTheme : webLightTheme;
  return prefersDark ? webDarkTheme : webLightTheme;
}
