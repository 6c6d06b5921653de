// Rewrites the development URLs and Id of manifest.xml for a production deployment.
const DEV_URL = "https://localhost:3000/";
// Office tells add-ins apart by their Id: the development and production manifests must not
// share one, or sideloading the development build replaces the deployed add-in.
const DEV_ID = "db411364-da4a-488a-b830-6bfd7953538a";
const PRODUCTION_ID = "b3744b93-efa7-4913-a225-5d504e3a8ae6";

function productionManifest(xml, productionUrl) {
  if (!/^https:\/\/[^/]+(\/.*)?\/$/.test(productionUrl)) throw new Error(`The production URL must be https and end with "/": ${productionUrl}`);
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error(`manifest.xml does not carry the development Id ${DEV_ID}.`);
  return xml
    .split(`<Id>${DEV_ID}</Id>`)
    .join(`<Id>${PRODUCTION_ID}</Id>`)
    .split(DEV_URL)
    .join(productionUrl)
    .split(DEV_URL.slice(0, -1))
    .join(productionUrl.slice(0, -1));
}

module.exports = { DEV_ID, DEV_URL, PRODUCTION_ID, productionManifest };
