// Builds the French custom-functions metadata (functions.fr.json) from the generated English one.
// A function or parameter without French help is an error: the build must not ship half a translation.

function localizeMetadata(metadata, help) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const fr = help[fn.id];
    if (!fr) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const text = fr.parameters && fr.parameters[p.name];
      if (!text) missing.push(`${fn.id}(${p.name})`);
      return { ...p, description: text || p.description };
    });
    const result = fn.result ? { ...fn.result, description: fr.result || fn.result.description } : fn.result;
    return { ...fn, description: fr.description, parameters, ...(result ? { result } : {}) };
  });
  if (missing.length) throw new Error(`French help is missing for ${missing.join(", ")} (src/functions/help-fr.json)`);
  return { ...metadata, functions };
}

module.exports = { localizeMetadata };
