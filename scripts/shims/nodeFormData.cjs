// Stands in for the `form-data` package inside the bundle. axios imports it only to build
// multipart bodies from plain objects, which the skill never sends; its mime-types database
// alone was 137 KB of the bundle. Node 20 has a spec-compliant FormData that axios's http
// adapter streams itself, so multipart requests still work through this alias.
module.exports = globalThis.FormData;
