package strapidb

// importSettings imports the plugin's settings (core store values by key).
// TODO(issue 12).
func (im *importer) importSettings(raw map[string]string) error {
	im.rep.Settings.Skipped += len(raw)
	return nil
}
