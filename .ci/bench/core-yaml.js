// Preloaded with node -r by ajv-validate: makes the js-yaml that ajv-cli
// reads YAML with use the YAML core schema. As published, ajv-cli reads
// YAML with js-yaml's default schema, which turns unquoted dates
// (2026-03-02) into JavaScript Dates that no JSON Schema accepts as the
// strings they are.
const path = require.resolve("js-yaml", { paths: [require.resolve("ajv-cli/dist/commands/util.js")] });
const yaml = require(path);
const safeLoad = yaml.safeLoad;
yaml.safeLoad = (src, opts) => safeLoad(src, Object.assign({ schema: yaml.CORE_SCHEMA }, opts));
