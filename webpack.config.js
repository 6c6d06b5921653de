/* eslint-disable no-undef */
// Builds the task pane and the custom functions into dist/addin, with functions.json generated
// from the JSDoc of src/functions/functions.ts and its French twin functions.fr.json.
const path = require("node:path");
const fs = require("node:fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { localizeMetadata } = require("./scripts/localize-metadata.cjs");
const { DEV_URL, productionManifest } = require("./scripts/manifest-urls.cjs");

/** Where the add-in is served in production; set ADDIN_PUBLIC_URL when building for a deployment. */
const PRODUCTION_URL = process.env.ADDIN_PUBLIC_URL || "https://fund-quota-monitor.invalid/";

/** Emits functions.fr.json next to the generated functions.json. */
class FrenchMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FrenchMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FrenchMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const help = JSON.parse(fs.readFileSync(path.resolve(__dirname, "src/functions/help-fr.json"), "utf8"));
        const fr = localizeMetadata(JSON.parse(asset.source.source().toString()), help);
        compilation.emitAsset("functions.fr.json", new compiler.webpack.sources.RawSource(JSON.stringify(fr, null, 2)));
      });
    });
  }
}

async function httpsOptions() {
  // The dev certificates are generated offline; installing their CA may fail without sudo (shared/TOOLCHAIN.md).
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch {
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    return { key: fs.readFileSync(path.join(dir, "localhost.key")), cert: fs.readFileSync(path.join(dir, "localhost.crt")) };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist/addin"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    performance: { hints: false },
    // The pane and the functions run in one shared runtime (taskpane.html loads both): the engine,
    // the reader and the law they both use ship once, in shared.js, not twice. usedExports: false,
    // because with one runtime per entry webpack otherwise copies a module into both bundles
    // whenever the two entries use different exports of it (columns.ts, check.ts: 30 KB gzip).
    optimization: {
      splitChunks: { usedExports: false, cacheGroups: { shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true } } },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "node" } } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource" },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FrenchMetadataPlugin(),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["shared", "functions", "taskpane"], chunksSortMode: "manual" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // The pane's "Open the sample" fetches it from here, so it is not inlined in the bundle.
          { from: "examples/sample-funds.xlsx", to: "sample-funds.xlsx" },
          {
            from: "manifest.xml",
            to: dev ? "manifest.dev.xml" : "manifest.prod.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), PRODUCTION_URL)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/addin") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // Files written into the project root must not trigger endless rebuilds (shared/TOOLCHAIN.md).
      watchFiles: { paths: ["src/**/*"], options: { ignored: ["**/dist/**", "**/test-results/**"] } },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
