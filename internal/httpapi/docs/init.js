// Starts Swagger UI on the contract served by this server (see index.html). Kept out of the
// page so that the page runs under a Content-Security-Policy with script-src 'self'.
"use strict";
window.ui = SwaggerUIBundle({
  // The YAML as written keeps the operations in the contract's order (the JSON's keys are sorted).
  url: "/openapi.yaml",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // "Authorize" keeps the JWT in this origin's localStorage across reloads.
  persistAuthorization: true,
  tryItOutEnabled: false,
  displayRequestDuration: true,
  // Show x-strapi-action (the permission an operation needs) and x-rate-limited.
  showExtensions: true,
  // Nothing is loaded from elsewhere: no badge from validator.swagger.io.
  validatorUrl: null,
});
