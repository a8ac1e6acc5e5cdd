package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// The extension points of openapi.yaml: the component schemas the custom fields are added
// to (x-user-fields says which fields each gets). The committed spec describes the service
// without custom fields; the spec the server validates against and serves is it extended by
// Extend.
const (
	pointShown    = "shown"    // User, UserEntry: the fields a user object shows (not private)
	pointRegister = "register" // RegisterRequest: register.allowedFields
	pointWrite    = "write"    // CreateUserRequest, UpdateUserRequest: every field
	pointEditable = "editable" // UpdateMeRequest: the fields a user may change of their own
)

// Extend adds the custom fields to the spec, at the schemas marked x-user-fields.
func (s *Schema) Extend(doc *openapi3.T) error {
	if doc.Components == nil {
		return fmt.Errorf("the spec has no components")
	}
	marked := 0
	for name, ref := range doc.Components.Schemas {
		if ref == nil || ref.Value == nil {
			continue
		}
		point, ok := ref.Value.Extensions["x-user-fields"].(string)
		if !ok {
			continue
		}
		marked++
		target := ref.Value
		for i := range s.Fields {
			f := &s.Fields[i]
			var add bool
			switch point {
			case pointShown:
				add = !f.Private
			case pointRegister:
				// A required field is not listed in the schema's required: the spec's own
				// examples would stop being valid, and the check is the service's, worded as
				// Strapi's entity validator words it ("fullName must be defined."). The
				// field's description says it is required.
				add = s.RegisterAccepts(f.Name)
			case pointWrite:
				add = true
			case pointEditable:
				add = s.EditableField(f.Name)
			default:
				return fmt.Errorf("schema %s: unknown x-user-fields %q", name, point)
			}
			if !add {
				continue
			}
			if _, taken := target.Properties[f.Name]; taken {
				return fmt.Errorf("schema %s: custom field %q is a property already", name, f.Name)
			}
			if target.Properties == nil {
				target.Properties = openapi3.Schemas{}
			}
			target.Properties[f.Name] = openapi3.NewSchemaRef("", f.openAPI(point))
		}
		if point == pointRegister && slices.Contains(s.RegisterAllowed, "deviceId") {
			// Strapi accepts a listed key that is no attribute, and ignores it.
			target.Properties["deviceId"] = openapi3.NewSchemaRef("", &openapi3.Schema{
				Description: "Accepted because register.allowedFields lists it; ignored.",
			})
		}
	}
	if marked == 0 {
		return fmt.Errorf("the spec marks no schema with x-user-fields")
	}
	return nil
}

// openAPI is the schema of the field's values at an extension point: the values shown may
// be null (unset); the values written may be null where the field is not required.
func (f *Field) openAPI(point string) *openapi3.Schema {
	sch := &openapi3.Schema{Description: f.describe()}
	switch f.Type {
	case String, Text, RichText, Email, Enumeration:
		sch.Type = &openapi3.Types{openapi3.TypeString}
		if f.MinLength != nil {
			sch.MinLength = uint64(*f.MinLength)
		}
		if f.MaxLength != nil {
			n := uint64(*f.MaxLength)
			sch.MaxLength = &n
		}
		if f.Regex != "" {
			sch.Pattern = f.Regex
		}
		if f.Type == Email {
			sch.Format = "email"
		}
		for _, v := range f.Enum {
			sch.Enum = append(sch.Enum, v)
		}
	case Integer:
		sch.Type = &openapi3.Types{openapi3.TypeInteger}
		sch.Format = "int32"
		sch.Min, sch.Max = f.Min, f.Max
	case Decimal, Float:
		sch.Type = &openapi3.Types{openapi3.TypeNumber}
		sch.Format = "double"
		sch.Min, sch.Max = f.Min, f.Max
	case BigInteger:
		// Answered as a string, as Strapi does (JavaScript numbers lose digits past 2^53);
		// written as a string of digits or a number.
		sch.Type = &openapi3.Types{openapi3.TypeString}
		sch.Pattern = `^-?[0-9]+$`
		if point != pointShown {
			sch.Type = nil
			sch.OneOf = openapi3.SchemaRefs{
				openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Pattern: `^-?[0-9]+$`}),
				openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeInteger}, Format: "int64"}),
			}
			sch.Pattern = ""
		}
	case Boolean:
		sch.Type = &openapi3.Types{openapi3.TypeBoolean}
	case Date:
		sch.Type = &openapi3.Types{openapi3.TypeString}
		sch.Format = "date"
	case DateTime:
		sch.Type = &openapi3.Types{openapi3.TypeString}
		sch.Format = "date-time"
	case Time:
		sch.Type = &openapi3.Types{openapi3.TypeString}
		sch.Pattern = `^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,3})?)?$`
		sch.Example = "08:30:00.000"
	case JSON:
		// any JSON value
	}
	if f.Default != nil {
		sch.Default = f.Default
	}
	shown := point == pointShown
	if shown || !f.Required {
		sch.Nullable = true
	}
	if shown {
		// Shown values are the stored ones: the constraints of writes say nothing more.
		sch.MinLength, sch.MaxLength, sch.Min, sch.Max = 0, nil, nil, nil
	}
	sch.Extensions = map[string]any{"x-user-field": string(f.Type)}
	return sch
}

func (f *Field) describe() string {
	d := fmt.Sprintf("Custom field (%s", f.Type)
	if f.Unique {
		d += ", unique"
	}
	if f.Required {
		d += ", required"
	}
	if f.Private {
		d += ", private: never shown"
	}
	return d + "), declared by this instance's operator."
}

// YAML renders a spec as YAML (for /openapi.yaml and `mtb-api openapi`), through its JSON.
func YAML(doc *openapi3.T) ([]byte, error) {
	j, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("spec to JSON: %w", err)
	}
	var node yaml.Node
	if err := yaml.Unmarshal(j, &node); err != nil { // JSON is YAML; the node keeps key order
		return nil, fmt.Errorf("spec to YAML: %w", err)
	}
	blockStyle(&node)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		return nil, fmt.Errorf("spec to YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("spec to YAML: %w", err)
	}
	return buf.Bytes(), nil
}

// blockStyle drops the styles of parsed JSON (flow, quoted): YAML then quotes only what needs it.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		blockStyle(c)
	}
}
