import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  // The Office add-in rules (TypeScript, Office.js usage, Prettier) that office-addin-lint expects.
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    rules: {
      // TypeScript checks undefined names itself, and better.
      "no-undef": "off",
      "no-unused-vars": "off",
      "no-redeclare": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { ecmaVersion: "latest", globals: { require: "readonly", process: "readonly", console: "readonly", module: "writable", __dirname: "readonly" } },
  },
  {
    // exceljs objects (rows, cells) are not Office.js proxies: the load/sync rules do not apply there.
    files: ["src/cli/**", "scripts/**", "test/**"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
  {
    rules: {
      // Quota logic must never evaluate text as code.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
];
