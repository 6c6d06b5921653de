import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    rules: {
      // Quota logic must never evaluate text as code.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["bin/**/*.js", "scripts/**/*.{js,mjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
