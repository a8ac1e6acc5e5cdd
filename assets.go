// Package mtbapi holds the files of the repository that the service embeds: the
// migrations under schema/ and the OpenAPI document.
package mtbapi

import "embed"

// Migrations holds schema/postgres and schema/sqlite, goose migrations per engine.
//
//go:embed schema/postgres/*.sql schema/sqlite/*.sql
var Migrations embed.FS

// OpenAPIYAML is openapi.yaml as written, served at /openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPIYAML []byte
