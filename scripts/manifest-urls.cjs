// Rewrites the development URLs of manifest.xml for a production deployment.
const DEV_URL = "https://localhost:3000/";

function productionManifest(xml, productionUrl) {
  if (!/^https:\/\/[^/]+(\/.*)?\/$/.test(productionUrl)) throw new Error(`The production URL must be https and end with "/": ${productionUrl}`);
  return xml.split(DEV_URL).join(productionUrl).split(DEV_URL.slice(0, -1)).join(productionUrl.slice(0, -1));
}

module.exports = { DEV_URL, productionManifest };
