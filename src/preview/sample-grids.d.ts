// Written by scripts/sample-grids.mjs before the preview is built (it is not committed).
declare module "*.generated.json" {
  const value: {
    sheets: { name: string; rows: (string | number | boolean)[][] }[];
  };
  export default value;
}
