/* eslint-disable no-undef */
// The browser preview: the real task pane next to a simulated workbook, no Office needed.
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (env, options) => {
  execFileSync(process.execPath, [path.resolve(__dirname, "scripts/sample-grids.mjs")], { stdio: "inherit" });
  return {
    mode: options.mode ?? "production",
    devtool: false,
    entry: { preview: "./src/preview/preview.tsx" },
    output: { path: path.resolve(__dirname, "dist/preview"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    performance: { hints: false },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "node" } } } }],
    },
    plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" })],
    devServer: { static: { directory: path.resolve(__dirname, "dist/preview") }, port: Number(process.env.PREVIEW_PORT || 3001), open: false },
  };
};
