package strapidb

// profile is the custom fields of source user u as the service stores them (up_users.profile),
// nil when none.
// TODO(issue 12): map the custom columns to the declared fields.
func (im *importer) profile(u User) (*string, error) {
	for c := range u.Custom {
		im.rep.skip("user column "+c, "no user field declared for it", 1)
	}
	return nil, nil
}
