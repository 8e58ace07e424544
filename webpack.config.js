/* eslint-disable no-undef */
/**
 * Builds both add-ins from the same pane: the Excel add-in (task pane, ribbon commands, message dialog,
 * icons, the preview page and its sample workbook) in dist-addin/, and the WPS 加载项 (main page with the
 * ribbon callbacks, ribbon.xml, the task pane, the publish files) in dist-addin/wps/. Layout follows
 * Microsoft's task-pane React template and the wpsjs project template.
 *   npm run build        production bundles in dist-addin/ and dist-addin/wps/
 *   npm run dev-server   https://localhost:3000 with the Office dev certificates (Excel on the web / desktop)
 *   npm run preview      http://localhost:3001/preview.html in a plain browser, over the sample workbook
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const urlDev = 'https://localhost:3000/';
const urlProd = process.env.SELFEVAL_ADDIN_URL || 'https://localhost:3000/';

/**
 * The manifest of a production build: every address of the dev server (https://localhost:3000/…) and
 * the AppDomain (an origin, without the slash) moved to the production server, so that the built
 * manifest names that origin only.
 */
function productionManifest(content, url) {
  const base = url.endsWith('/') ? url : `${url}/`;
  const origin = new URL(base).origin;
  return content.split(urlDev).join(base).split(`<AppDomain>${new URL(urlDev).origin}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
}

async function httpsOptions() {
  // Only the dev server needs certificates; building and previewing do not. office-addin-dev-certs
  // makes them and trusts their CA (Windows, Mac). Where it cannot trust the CA (Linux without sudo),
  // the certificates it made are still served; the browser then asks to accept them once.
  const devCerts = require('office-addin-dev-certs');
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    const fs = require('node:fs');
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const file = (name) => path.join(dir, name);
    if (!fs.existsSync(file('localhost.key'))) throw e;
    console.warn(`office-addin-dev-certs could not trust its CA (${e.message.split('\n')[0]}); serving its certificates anyway.`);
    return { ca: fs.readFileSync(file('ca.crt')), key: fs.readFileSync(file('localhost.key')), cert: fs.readFileSync(file('localhost.crt')) };
  }
}

const pkg = require('./package.json');

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false } } },
};

/** The WPS 加载项: what `wpsjs debug / build / publish` expect in a project folder (package.json with addonType). */
function wpsConfig(dev) {
  return {
    name: 'wps',
    devtool: dev ? 'source-map' : false,
    entry: { ribbon: './src/wps/ribbon.ts', taskpane: './src/wps/taskpane.tsx' },
    output: { path: path.resolve(__dirname, 'dist-addin', 'wps'), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/static/index.html', chunks: ['ribbon'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/static/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/static/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/static/images', to: 'images' },
          // No publish.xml here: wpsjs would pack it into the add-in's folder. scripts/wps-build.cjs writes it beside selfeval.7z.
          {
            from: 'package.json',
            to: 'package.json',
            // The project file wpsjs reads: the add-in's name, version and kind (et: 表格), nothing to install.
            // `scripts` is there (empty): wpsjs debug reads scripts.dev on some WPS versions and fails without it.
            transform: () => JSON.stringify({ name: 'selfeval', version: pkg.version, description: '绩效自评校验 · WPS 表格加载项', addonType: 'et', private: true, scripts: {} }, null, 2) + '\n',
          },
        ],
      }),
    ],
  };
}

const config = async (env, options) => {
  const dev = options.mode === 'development';
  const preview = !!env.preview;
  const serving = !!env.WEBPACK_SERVE;
  const excel = {
    name: 'excel',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist-addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // The WPS add-in is built beside, by its own compilation.
      clean: { keep: /^wps[\\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    // The webviews the add-in runs in (README, "Which Office runs it"): WebView2, Safari 16.4+, current browsers.
    target: ['web', 'es2022'],
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'message.html', template: './src/commands/message.html', chunks: [], inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'assets/sample.xlsx', to: 'sample.xlsx' },
          // ES5, loaded before the bundles: the message for webviews too old for them (src/commands/webview.js).
          { from: 'src/commands/webview.js', to: 'webview.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : productionManifest(content.toString(), urlProd)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist-addin') },
      // Only this machine: the pane and the preview carry government finance data, and nothing else
      // needs to reach them (no CORS header either; Office loads the pane from its own origin).
      host: 'localhost',
      allowedHosts: ['localhost', '127.0.0.1'],
      hot: false,
      liveReload: !preview,
      client: preview ? false : { overlay: true },
      port: preview ? 3001 : Number(process.env.npm_package_config_dev_server_port || 3000),
      server: preview || !serving ? 'http' : { type: 'https', options: await httpsOptions() },
      open: preview ? ['/preview.html'] : false,
    },
  };
  // Serving (npm start, npm run preview) is the Excel add-in's; a build makes both.
  return serving ? excel : [excel, wpsConfig(dev)];
};
module.exports = config;
module.exports.productionManifest = productionManifest;
